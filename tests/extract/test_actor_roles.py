"""Roles read from the parse (extract.actor_roles), on sentences written for these tests."""
from eventwire.extract.actor_roles import deed_of_clause, patient


def _tok(doc, text):
    return next(t for t in doc if t.text == text)


def test_a_name_on_a_noun_stands_where_the_noun_stands(nlp):
    doc = nlp("Two Hezbollah members were killed by an Israeli drone strike.")
    assert patient(_tok(doc, "Hezbollah"), _tok(doc, "drone"), set())


def test_the_deed_tells_the_clause_only_as_its_doer_or_means(nlp):
    doc = nlp("The senator defended the programme, overseeing more strikes than his rival.")
    assert not deed_of_clause(_tok(doc, "defended"), _tok(doc, "strikes"))
    doc = nlp("Six militants were killed in air strikes.")
    assert deed_of_clause(_tok(doc, "killed"), _tok(doc, "strikes"))
    doc = nlp("Six militants were killed an hour before the explosion.")
    assert not deed_of_clause(_tok(doc, "killed"), _tok(doc, "explosion"))
