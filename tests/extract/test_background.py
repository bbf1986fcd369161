"""Earlier deeds recalled in passing (extract/background.py), on sentences written for these tests."""
from datetime import date

import pytest

from eventwire.extract.components.context import Article
from eventwire.model import Document, PublishedDate


@pytest.fixture(scope="module")
def cues(extractor):
    """The background cue of every event word of a text, by its trigger word."""
    from eventwire.extract.background import BackgroundReader

    reader = BackgroundReader(extractor.nlp.get_pipe("eventwire_actors").claims.speech)

    def run(text: str) -> dict[str, str | None]:
        pub = PublishedDate(date(2024, 3, 14), "metadata", 0.9)
        piece = extractor.nlp.make_doc(text)
        piece._.article = Article(Document("d", "0" * 64, None, None, "Wire", None, pub, "en", text), pub.date, [])
        piece._.offset = 0
        doc = next(iter(extractor.nlp.pipe([piece], disable=["ner"])))
        return {hit.trigger.text: reader.cue(hit.trigger, sent) for sent in doc.sents for hit in sent._.type_hits}
    return run


@pytest.mark.parametrize("text, trigger", [
    ("Russian forces had shelled the village of Hulyaipole before the ceasefire.", "shelled"),
    ("The village had been shelled by Russian forces as well.", "shelled"),
    ("The mayor has not left the city since Russian troops shelled its centre.", "shelled"),
    ("The announcement came a week after Russian forces shelled a shopping centre in Kremenchuk.", "shelled"),
    ("The raid followed a missile attack on the port of Odesa.", "missile"),
    ("The previous drone attack on Moscow caused no damage.", "drone"),
    ("The depot had previously been shelled by artillery.", "shelled"),
    ("The airfield was formerly controlled by the rebels before being taken over by the army.", "taken"),
    ("Officials said mass graves with murdered villagers were found near the town.", "murdered"),
    ("Rescuers recovered the bodies of ten miners who were shot by the gunmen.", "shot"),
    ("Most bodies the doctors examined had been shot at close range, the prosecutor said.", "shot"),
    ("The insurgents had overrun the garrison and abducted its commander.", "abducted"),
    ("The rebels had entered the valley after an air strike on the pass.", "air"),
    ("Relatives of the victims of the 2011 massacre laid flowers at the memorial.", "massacre"),
    ("Police questioned witnesses of the shooting that took place last month.", "shooting"),
])
def test_background_cues(cues, text, trigger):
    found = cues(text)
    assert (found.get(trigger) or "").startswith("background"), found


@pytest.mark.parametrize("text, trigger", [
    ("Russian forces shelled the village of Hulyaipole on Tuesday.", "shelled"),
    ("The governor said Russian forces had shelled Hulyaipole overnight.", "shelled"),
    ("According to the governor, Russian forces had shelled Hulyaipole overnight.", "shelled"),
    ("Two people died after a drone hit their car in Kherson.", "hit"),
    ("Residents fled after Russian forces shelled the village of Hulyaipole.", "shelled"),
    ("After troops had entered the village, artillery shelled the school.", "shelled"),
    ("Gunmen shot two guards and took their bodies away, police said.", "shot"),
    ("The army retook the bridge on Monday before being shelled by rebel artillery.", "shelled"),
])
def test_news_and_reported_speech_are_not_background(cues, text, trigger):
    found = cues(text)
    assert trigger in found and found[trigger] is None, found



def test_a_deed_admitted_with_despite_is_known_not_told(cues):
    found = cues("Officials said the army held its ground despite heavy shelling of its positions near the town.")
    assert "despite" in (found.get("shelling") or ""), found


@pytest.fixture(scope="module")
def reasons(extractor):
    """Why each mention of a text is only a reference (its landmark reason), by its sub-type."""
    def run(text: str) -> dict[str, str]:
        doc = Document("d", "0" * 64, None, None, "Wire", None, PublishedDate(date(2024, 3, 14), "metadata", 0.9),
                       "en", text)
        return {m.sub_event_type: m.reason for m in extractor.extract(doc) if m.landmark}
    return run


@pytest.mark.parametrize("text, sub_type", [
    ("Russian forces have taken control of more than 4,000 square km of territory this year, analysts say.",
     "Government regains territory"),
    ("Bandits have killed thousands of people and kidnapped many more for ransom in recent years.",
     "Abduction/forced disappearance"),
])
def test_a_pattern_told_in_the_perfect_over_a_stretch_of_time_is_no_news(reasons, text, sub_type):
    assert "pattern over a stretch of time" in reasons(text).get(sub_type, ""), reasons(text)


@pytest.mark.parametrize("text", [
    "Russian forces have captured the village of Sukhyi Yar, the ministry said.",  # news in the perfect
    "Bandits killed 20 people in the village this year, police said.",  # one deed of a year
    # a pattern told with one of its deeds: that one is the news
    "The region has faced drone attacks in recent weeks, including one on Thursday in which debris injured a woman.",
])
def test_a_deed_in_the_perfect_or_of_a_year_alone_is_news(reasons, text):
    assert reasons(text) == {}


@pytest.mark.parametrize("text, part", [
    ("The attackers set fire to vehicles and carried away weapons before withdrawing late in the afternoon.", True),
    ("Gunmen set fire to vehicles and carried away weapons in the town on Sunday.", False),
    ("Attackers set fire to vehicles and carried away weapons in the town on Sunday.", False),  # no 'the': new ones
])
def test_what_the_doers_of_a_deed_told_before_destroyed_is_part_of_it(nlp, text, part):
    from eventwire.extract.components.landmarks import _told_deeds_part
    from eventwire.extract.types import EventTypeClassifier

    clf = EventTypeClassifier(nlp)
    (hit,) = [h for s in nlp(text).sents for h in clf.classify(s)]
    assert hit.sub_event_type == "Looting/property destruction"
    assert bool(_told_deeds_part(hit)) is part


@pytest.mark.parametrize("text, sub_type", [
    ("Prosecutors said the men, who were arrested in the weeks after the attack, had sheltered the fighters.",
     "Armed clash"),
    ("In the days following the massacre, thousands of residents fled the town.", "Attack"),
])
def test_a_deed_a_stretch_of_time_is_measured_from_is_its_landmark(reasons, text, sub_type):
    assert "start of a stretch of time" in reasons(text).get(sub_type, ""), reasons(text)


def test_a_deed_told_hours_before_a_death_is_still_news(reasons):
    assert reasons("Two people died hours after a drone hit their car.") == {}


def test_a_campaign_told_in_the_present_beside_the_news_is_its_backdrop(extractor, reasons):
    text = ("A drone strike hit a busy market in a town in Ethiopia's Amhara region on Saturday, killing at least 30 "
            "civilians, witnesses and a health worker said, as the army battles Fano militiamen in the region.")
    doc = Document("d", "0" * 64, None, None, "Wire", None, PublishedDate(date(2026, 11, 16), "metadata", 0.9),
                   "en", text)
    told = {m.sub_event_type: m for m in extractor.extract(doc) if not m.landmark}
    assert set(told) == {"Air/drone strike"}, told  # the campaign is a reference, the strike the news
    assert told["Air/drone strike"].date.start == date(2026, 11, 14)
    assert not any(a.name == "Fano Militia" for a in told["Air/drone strike"].actors)  # the backdrop's party
    # told alone, a present in an 'as' clause is the news (a headline's present)
    assert reasons("Fatalities reported as gunmen attack a hotel popular with foreigners.") == {}
