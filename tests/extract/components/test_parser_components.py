"""The parser's sentence components, each read through the attributes it assigns."""
from datetime import date

import pytest

from eventwire.extract.components.event_types import is_question
from eventwire.extract.components.times import HitDates, date_for, date_of_hit, own_dates
from eventwire.model import DateSpan, Document, PublishedDate


def test_event_types_hits_per_sentence_and_none_for_a_question(parse):
    doc = parse("Drones struck a fuel depot in Odesa. Who struck the depot?")
    first, second = doc.sents
    assert [h.sub_event_type for h in first._.type_hits] == ["Air/drone strike"]
    assert is_question(second) and second._.type_hits == []


def test_claims_resolve_he_to_the_speaker_named_before(parse):
    doc = parse("Governor Oleh Syniehubov said the shelling went on. He said two people were killed.")
    second = list(doc.sents)[1]
    (claim,) = second._.claims
    assert (claim.property, claim.value, claim.claimant) == ("fatalities", 2, "Governor Oleh Syniehubov")
    assert claim.evidence.sentence == second.text


def test_times_drop_the_datelines_date_and_date_each_hit(parse, extractor):
    text = "KYIV, 10 March 2024 — Drones struck a depot on Wednesday."
    assert [d.start for d in own_dates(extractor.times, text, date(2024, 3, 14))] == [date(2024, 3, 13)]
    doc = parse("Drones struck a depot on Wednesday.")
    (sent,) = doc.sents
    assert [d.start for d in sent._.dates] == [date(2024, 3, 13)]
    (hd,) = sent._.hit_dates
    assert hd.near[0].start == date(2024, 3, 13) and not hd.telling and not hd.topic


def test_a_date_inside_according_to_dates_the_source_not_the_deed(parse):
    doc = parse("A drone attack on a fuel depot in Novorossiysk destroyed two tanks, "
                "according to photos examined by reporters on Wednesday.")
    (sent,) = doc.sents
    (hd,) = sent._.hit_dates
    assert not hd.near and [d.start for d in hd.telling] == [date(2024, 3, 13)]
    # outside the 'according to' phrase the same day dates the deed
    doc = parse("A drone attack on a fuel depot in Novorossiysk destroyed two tanks on Wednesday, "
                "according to the governor.")
    (sent,) = doc.sents
    (hd,) = sent._.hit_dates
    assert [d.start for d in hd.near] == [date(2024, 3, 13)] and not hd.telling


def test_landmarks_and_actors_per_hit(parse):
    doc = parse("The priest arrived two days before the guerrillas launched their offensive.")
    (sent,) = doc.sents
    assert sent._.type_hits and all(reason for reason in sent._.landmarks)
    doc = parse("Russian forces shelled the village.")
    (sent,) = doc.sents
    (actors,) = sent._.actors
    assert any(a.role == "actor1" and "Russia" in a.name for a in actors)


def _doc(pub):
    return Document("d", "0" * 64, None, None, "W", None, PublishedDate(pub, "metadata", 0.9), "en", "x")


def test_date_for_prefers_own_then_paragraph_then_publication():
    pub = date(2024, 3, 14)
    own = DateSpan(date(2024, 3, 12), date(2024, 3, 12), "day", "Tuesday", "weekday")
    assert date_for([own], None, _doc(pub), pub) is own
    assert date_for([], own, _doc(pub), pub).reason.endswith("(previous sentence)")
    assert date_for([], None, _doc(pub), pub).start == pub
    assert date_for([], None, _doc(pub), pub, "the 2017 air strikes") is None  # history told in passing
    # nor by the sentence before: its neighbour's time is not the history's
    assert date_for([], own, _doc(pub), pub, "Car bombs were used there in 2009 as well.") is None
    assert date_for([], None, _doc(pub), pub, "Troops were sent there in the late 1990s.") is None  # a decade
    topic = HitDates([], [own], True)
    got = date_of_hit(topic, own, _doc(pub), pub, "text")
    assert got.start == pub and "dates what was said or done" in got.reason


def test_the_force_using_lethal_force_on_protesters_is_their_counterpart(parse):
    sent = next(iter(parse("Police fired live rounds at protesters in the capital on Tuesday.").sents))
    (hit,) = sent._.type_hits
    assert hit.sub_event_type == "Excessive force against protesters"
    (actors,) = sent._.actors
    assert {a.name: a.role for a in actors} == {"Protesters": "actor1", "Police Forces": "actor2"}


@pytest.mark.parametrize("text", [
    "Police fired tear gas to disperse thousands of protesters in the capital on Friday.",  # the dispersal is the deed
    "Riot police dispersed the demonstrators outside parliament on Friday.",  # the police as its subject
    "Police used tear gas to break up a march in the capital on Friday.",  # the infinitive's doer is 'used''s subject
    # the weapon's phrase as the trigger ("tear gas")
    "Separately, police fired tear gas at a small protest outside the court by relatives of other victims, "
    "witnesses said.",
])
def test_the_crowd_is_a_demonstrations_actor1_and_the_force_acting_on_it_actor2(parse, text):
    sent = next(iter(parse(text).sents))
    (hit,) = sent._.type_hits
    assert hit.sub_event_type == "Protest with intervention"
    (actors,) = sent._.actors
    assert {a.name: a.role for a in actors} == {"Protesters": "actor1", "Police Forces": "actor2"}
    assert actors[0].role == "actor1"


def test_a_clause_on_a_deeds_noun_takes_its_date(parse):
    doc = parse("The raid on the village on 3 March, when militants abducted ten girls, shocked the region.",
                published=date(2024, 3, 14))
    (sent,) = doc.sents
    dates = {h.trigger.text: hd.near[0].start for h, hd in zip(sent._.type_hits, sent._.hit_dates) if hd.near}
    assert dates.get("abducted") == date(2024, 3, 3), dates


def test_a_date_inside_another_nouns_phrase_does_not_date_the_deed(parse):
    doc = parse("The chilly weather in mid-March and the rains have stalled the offensive, analysts say.",
                published=date(2024, 3, 20))
    (sent,) = doc.sents
    assert [hd.near for h, hd in zip(sent._.type_hits, sent._.hit_dates) if h.trigger.text == "offensive"] == [[]]
    # a date of the deed's own verb still dates it
    doc = parse("Russian troops launched the offensive in mid-March, analysts say.", published=date(2024, 3, 20))
    (sent,) = doc.sents
    assert all(hd.near for hd in sent._.hit_dates)


def test_a_period_in_a_relative_clause_of_no_casualty_makes_no_total(parse):
    # the army's war since April is its relative clause's; the dozens killed are this deed's
    sent = next(iter(parse("The army, which has been fighting the rebels since April 2023, said its forces "
                           "repelled an attack on Sunday and killed dozens of fighters.").sents))
    assert [c.property for c in sent._.claims if c.value == 12] == ["fatalities"]
    # a relative clause that tells the deaths keeps its period
    sent = next(iter(parse("The war, which has killed more than 20,000 people since 2022, went on.").sents))
    assert [c.property for c in sent._.claims] == ["period_total"]


def test_a_date_in_the_deeds_own_clause_beats_a_nearer_one_on_the_verb_of_saying(parse):
    sent = next(iter(parse("A rights group said in April that soldiers had executed at least 20 villagers in "
                           "the north in February.", published=date(2024, 5, 20)).sents))
    (hd,) = sent._.hit_dates
    assert hd.near[0].text == "in February"


def test_the_weapons_of_a_deed_are_no_topic_it_is_told_under(parse):
    # "on Thursday" dates the killing and the firing of its 'when' clause, whatever weapon word is the trigger
    sent = next(iter(parse("At least 17 people were killed on Thursday, a hospital official said, when police fired "
                           "rubber bullets and tear gas at crowds.", published=date(2024, 7, 19)).sents))
    assert sent._.hit_dates and all(hd.near and hd.near[0].text == "on Thursday" for hd in sent._.hit_dates)


def test_a_count_of_demonstrators_is_no_topic_they_are_told_under(parse):
    sent = next(iter(parse("Police detained an opposition leader outside parliament on Wednesday night, his party "
                           "said, as thousands of demonstrators rallied.", published=date(2024, 12, 5)).sents))
    hd = sent._.hit_dates[0]
    assert not hd.topic and hd.near and hd.near[0].text == "on Wednesday night"


def test_a_participle_of_a_deed_takes_the_date_of_its_verb_and_the_verbs_coordinated_with_it(parse):
    # the participle's deed is a noun ('hostage'), hung from a verb coordinated with the dated one
    doc = parse("Militants blew up a bridge and stormed a bus near Quetta on Tuesday, taking 20 passengers hostage.",
                published=date(2024, 3, 14))
    (sent,) = doc.sents
    dated = {h.sub_event_type: hd.near[0].start for h, hd in zip(sent._.type_hits, sent._.hit_dates) if hd.near}
    assert dated.get("Abduction/forced disappearance") == date(2024, 3, 12), dated


def test_a_date_on_the_verb_of_speech_is_marked_as_the_day_it_was_told(parse):
    doc = parse("Gunmen killed 12 people in an attack on a village, a local group said on Saturday. "
                "Gunmen killed 12 people in an attack on a village on Friday, a local group said.",
                published=date(2024, 10, 26))
    first, second = doc.sents
    assert [hd.near[0].spoken for hd in first._.hit_dates if hd.near] == [True]
    assert [hd.near[0].spoken for hd in second._.hit_dates if hd.near] == [False]


def test_the_doer_the_parser_hung_the_deed_on_is_no_topic_of_the_telling(parse):
    # "bandits [who were] killed 25 people": the noun above the verb is its doer, so the day on 'said' is the
    # day the deed was told of, not a day of something done about it
    doc = parse("Armed bandits killed at least 25 people and abducted more than 40 others in coordinated attacks on "
                "three villages in Nigeria's northwestern Zamfara state, residents and police said on Friday.",
                published=date(2026, 11, 21))
    (sent,) = doc.sents
    told = [(h.sub_event_type, hd.near[0].start, hd.near[0].spoken) for h, hd in zip(sent._.type_hits, sent._.hit_dates)
            if hd.near]
    assert ("Abduction/forced disappearance", date(2026, 11, 20), True) in told, told


def test_a_deed_nouns_verb_tells_its_day(parse):
    # 'on Saturday' hangs on 'hit', the verb of the deed noun 'drone strike', not on the speech verb above it
    doc = parse("A drone strike hit a busy market in a town in Amhara on Saturday, killing at least 30 civilians, "
                "witnesses said, as the army battles Fano militiamen in the region.", published=date(2026, 11, 16))
    (sent,) = doc.sents
    dated = {h.sub_event_type: hd.near[0].start for h, hd in zip(sent._.type_hits, sent._.hit_dates) if hd.near}
    assert dated.get("Air/drone strike") == date(2026, 11, 14), dated
