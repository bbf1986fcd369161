"""Roles read from the parse (extract.actor_roles), on sentences written for these tests."""
import pytest

from eventwire.extract.actor_roles import deed_of_clause, patient, role_of, subject_controls


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


@pytest.mark.parametrize("text, subject, verb, controls", [
    ("Rebels tried to seize the town on Friday.", "Rebels", "seize", True),
    ("Police fired tear gas to disperse the crowd.", "Police", "disperse", True),
    ("Police used tear gas to break up the march.", "Police", "break", True),
    # the verb above hands the doing to its object
    ("The governor ordered troops to attack the rebels.", "governor", "attack", False),
    ("Fighting forced residents to flee the town.", "Fighting", "flee", False),
    # an infinitive with a subject of its own
    ("Officials want the army to retake the town.", "Officials", "retake", False),
])
def test_a_subjectless_infinitive_is_done_by_the_subject_of_the_verb_above(nlp, text, subject, verb, controls):
    doc = nlp(text)
    trigger = _tok(doc, verb)
    assert subject_controls(trigger) == controls
    assert (role_of(doc[_tok(doc, subject).i:_tok(doc, subject).i + 1], trigger, set()) == "actor1") == controls


def test_a_passive_subject_is_the_doer_of_an_active_verb_coordinated_with_its_own(nlp):
    doc = nlp("Police were sent to the area and exchanged fire with the gang.")
    police = doc[0:1]
    assert role_of(police, _tok(doc, "exchanged"), set()) == "actor1"
    doc = nlp("Two policemen were wounded and evacuated to the capital.")
    assert role_of(doc[1:2], _tok(doc, "evacuated"), set()) != "actor1"  # a passive verb: done to them


@pytest.mark.parametrize("text, actor, trigger, role", [
    ("Jihadists killed 20 soldiers in an ambush near the border.", "Jihadists", "ambush", "actor1"),
    ("Ten soldiers died in an ambush near the border.", "soldiers", "ambush", "actor2"),  # who died suffered it
    ("Fighting between the army and the rebels broke out on Monday.", "army", "Fighting", "actor1"),
    ("Fighting between the army and the rebels broke out on Monday.", "rebels", "Fighting", "actor2"),
])
def test_the_doer_of_a_deed_told_as_means_or_between_two_sides(nlp, text, actor, trigger, role):
    doc = nlp(text)
    tok = _tok(doc, actor)
    assert role_of(doc[tok.i:tok.i + 1], _tok(doc, trigger), set()) == role


def test_a_by_agent_of_a_clause_on_another_noun_is_no_doer_of_the_deed(nlp):
    doc = nlp("Ukraine's air force said it shot down 35 of 42 drones launched by Russia overnight.")
    assert role_of(doc[_tok(doc, "Russia").i:_tok(doc, "Russia").i + 1], _tok(doc, "shot"), set()) == "actor2"
    doc = nlp("A strike carried out by Russian jets hit the market.")
    jets = _tok(doc, "jets")
    assert role_of(doc[jets.i - 1:jets.i + 1], _tok(doc, "strike"), set()) == "actor1"


def test_each_subject_is_the_doer_of_its_own_clause_when_one_dates_the_other(extractor):
    from datetime import date

    from eventwire.model import Document, PublishedDate

    text = ("Israeli warplanes struck several villages in southern Lebanon on Friday, killing three people, the "
            "health ministry said, hours after Hezbollah fired a barrage of rockets at northern Israel.")
    doc = Document("d", "0" * 64, None, None, "W", None, PublishedDate(date(2026, 11, 27), "metadata", 1.0), "en", text)
    parties = {m.sub_event_type: sorted(a.name for a in m.actors) for m in extractor.extract(doc)}
    assert parties == {"Air/drone strike": ["Military Forces of Israel (2022-)"],
                       "Shelling/artillery/missile attack": ["Hezbollah"]}, parties
