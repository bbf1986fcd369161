"""Totals are not events (sentences written for these tests)."""
import pytest

from eventwire.extract.totals import TOTAL, TotalsDetector
from eventwire.model import Claim, Evidence


@pytest.fixture(scope="module")
def totals():
    return TotalsDetector()


@pytest.mark.parametrize("sentence, lemmas, value", [
    ("More than 2,000 civilians have been killed since the start of the invasion, the ministry said.", set(), 2000),
    ("The monitoring mission has documented 412 civilian deaths in the region.", {"document"}, 412),
    ("Officials said 56 attacks on schools across the region had left 31 children dead.", set(), 31),
    ("Overall, 150 soldiers have died so far, the general said.", set(), 150),
    ("Some 12,000 fighters have been killed, according to estimates.", set(), 12000),
    ("More than 250 people have been killed since the offensive began on Wednesday, the monitor said.", set(), 250),
    # a rate counts many deeds too
    ("Officers say around 35 members of the security forces are killed every day in attacks.", set(), 35),
])
def test_period_and_tally_figures_are_totals(totals, sentence, lemmas, value):
    assert totals.why(sentence, lemmas, value)


@pytest.mark.parametrize("sentence, lemmas, value", [
    ("A missile strike killed 14 people in the city on Saturday.", set(), 14),
    ("Rescuers said 1,200 people were killed in the earthquake's worst-hit town by the blast.", set(), 1200),
    ("Three people died so far in the fire at the depot.", set(), 3),
    ("Two people were killed in the shelling, the deadliest of the war.", set(), 2),
    # one person's count sums up no deeds, whatever period the sentence names
    ("The region has faced drone attacks in recent weeks, including one on Thursday that injured a woman.", set(), 1),
])
def test_one_deeds_figures_are_not_totals(totals, sentence, lemmas, value):
    assert totals.why(sentence, lemmas, value) is None


def claim(prop: str, value: int, sentence: str) -> Claim:
    return Claim(prop, value, None, "civilians", "governor", "asserts", False, Evidence("d", sentence, 0, len(sentence)))


def test_mark_turns_only_the_largest_casualty_figure_into_a_total(totals):
    s = "A strike killed 3 people on Monday, bringing the toll since the invasion to 1,200."
    got = totals.mark([claim("fatalities", 3, s), claim("fatalities", 1200, s), claim("damage", 2, s)], s, set())
    assert [c.property for c in got] == ["fatalities", TOTAL, "damage"]
    assert "since the invasion" in got[1].reason


def _mentions(extractor, text):
    from datetime import date

    from eventwire.model import Document, PublishedDate
    pub = PublishedDate(date(2026, 6, 12), "metadata", 0.9)
    return extractor.extract(Document("d_totals", "0" * 64, None, None, "Wire", None, pub, "en", text))


def test_a_deed_in_a_clause_coordinated_with_a_countrywide_count_stays(extractor):
    # the capital's protest is one deed; the country's dead are many deeds' (counted_deeds)
    ms = _mentions(extractor, "Riot police fired tear gas at student protesters in Nairobi on Tuesday, and at least "
                              "19 people were killed in clashes across the country, a rights group said.")
    assert [m.place.name for m in ms if m.event_type in ("Protests", "Riots")] == ["Nairobi"]
    assert not any(c.property == "fatalities" for m in ms for c in m.claims)


@pytest.mark.parametrize("text", [
    "Police have identified 1,084 bodies of civilians killed across the region since March.",
    "The unrest followed a spike in violence in June when at least 282 people were killed across the country.",
])
def test_a_deed_the_count_sums_up_or_frames_makes_no_event(extractor, text):
    assert [m for m in _mentions(extractor, text) if not m.landmark] == []
