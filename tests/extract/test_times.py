"""TimeResolver: news time expressions resolved against the publication date.

Publication dates used below (weekday in brackets):
FRI = 2023-05-26 (Friday), and others named where they matter.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.extract.times import TimeResolver, load_lexicon

FRI = date(2023, 5, 26)
D = date


@pytest.fixture(scope="module")
def tr() -> TimeResolver:
    return TimeResolver()


def one(tr: TimeResolver, text: str, pub: date | None):
    found = tr.find(text, pub)
    assert len(found) == 1, f"{text!r}: {found}"
    return found[0]


def check(tr, text, pub, start, end, precision):
    span = one(tr, text, pub)
    assert (span.start, span.end, span.precision) == (start, end, precision), span
    assert span.reason
    return span


# --------------------------------------------------------------- weekdays
@pytest.mark.parametrize(
    "text, start",
    [
        ("The strike happened on Friday.", D(2023, 5, 26)),  # same weekday as publication: that day
        ("on Thursday", D(2023, 5, 25)),  # the day before
        ("on Saturday", D(2023, 5, 20)),  # after publication's weekday: previous week
        ("Tuesday morning", D(2023, 5, 23)),
        ("early on Wednesday", D(2023, 5, 24)),
        ("late Monday", D(2023, 5, 22)),
        ("Sunday night", D(2023, 5, 21)),
        ("in the early hours of Tuesday", D(2023, 5, 23)),
        ("last Friday", D(2023, 5, 19)),  # "last" excludes publication day
        ("on Tuesday last week", D(2023, 5, 16)),
        ("ON MONDAY", D(2023, 5, 22)),
    ],
)
def test_weekdays(tr, text, start):
    check(tr, text, FRI, start, start, "day")


def test_weekday_span_slices_text(tr):
    text = "Officials said that early on Wednesday two drones hit the depot."
    span = one(tr, text, FRI)
    assert text[span.span[0] : span.span[1]] == span.text == "early on Wednesday"


def test_next_weekday_and_named_days_are_not_dates(tr):
    assert tr.find("Talks resume next Tuesday.", FRI) == []
    assert tr.find("the Mail on Sunday reported", FRI) == []
    assert tr.find("marking Bloody Sunday", FRI) == []


def test_overnight_into_weekday(tr):
    check(tr, "overnight into Wednesday", FRI, D(2023, 5, 23), D(2023, 5, 24), "day")


# --------------------------------------------------------- words for days
@pytest.mark.parametrize(
    "text, pub, start, end",
    [
        ("today", FRI, FRI, FRI),
        ("This morning", FRI, FRI, FRI),
        ("tonight", FRI, FRI, FRI),
        ("yesterday", FRI, D(2023, 5, 25), D(2023, 5, 25)),
        ("Yesterday", D(2023, 6, 1), D(2023, 5, 31), D(2023, 5, 31)),  # month boundary
        ("yesterday", D(2024, 1, 1), D(2023, 12, 31), D(2023, 12, 31)),  # year boundary
        ("yesterday", D(2024, 3, 1), D(2024, 2, 29), D(2024, 2, 29)),  # leap day
        ("the day before yesterday", FRI, D(2023, 5, 24), D(2023, 5, 24)),
        ("two days ago", FRI, D(2023, 5, 24), D(2023, 5, 24)),
        ("3 days ago", FRI, D(2023, 5, 23), D(2023, 5, 23)),
        ("overnight", FRI, D(2023, 5, 25), FRI),
        ("last night", FRI, D(2023, 5, 25), FRI),
        ("in the past 24 hours", FRI, D(2023, 5, 25), FRI),
    ],
)
def test_day_words(tr, text, pub, start, end):
    check(tr, text, pub, start, end, "day")


def test_the_day_before(tr):
    check(tr, "The day before, troops had left.", FRI, D(2023, 5, 25), D(2023, 5, 25), "day")
    # pointing at another event, not at publication: not read
    assert tr.find("the day before the attack", FRI) == []


# --------------------------------------------------------------- periods
@pytest.mark.parametrize(
    "text, pub, start, end, precision",
    [
        ("last week", FRI, D(2023, 5, 15), D(2023, 5, 21), "week"),
        ("last week", D(2023, 5, 22), D(2023, 5, 15), D(2023, 5, 21), "week"),  # published on a Monday
        ("this week", FRI, D(2023, 5, 22), FRI, "week"),
        ("earlier this week", FRI, D(2023, 5, 22), D(2023, 5, 25), "week"),
        ("over the weekend", D(2023, 5, 22), D(2023, 5, 20), D(2023, 5, 21), "week"),
        ("earlier this month", FRI, D(2023, 5, 1), D(2023, 5, 24), "month"),  # the last two days would be named
        ("earlier this month", D(2023, 6, 3), D(2023, 6, 1), D(2023, 6, 1), "week"),  # first days
        ("earlier this month", D(2023, 6, 1), D(2023, 6, 1), D(2023, 6, 1), "week"),  # on the 1st
        ("this month", FRI, D(2023, 5, 1), FRI, "month"),
        ("last month", FRI, D(2023, 4, 1), D(2023, 4, 30), "month"),
        ("last month", D(2023, 1, 10), D(2022, 12, 1), D(2022, 12, 31), "month"),
        ("late last month", FRI, D(2023, 4, 21), D(2023, 4, 30), "week"),
        ("earlier this year", FRI, D(2023, 1, 1), D(2023, 5, 25), "year"),
        ("last year", FRI, D(2022, 1, 1), D(2022, 12, 31), "year"),
        ("three months ago", FRI, D(2023, 2, 1), D(2023, 2, 28), "month"),
        ("a week ago", FRI, D(2023, 5, 16), D(2023, 5, 22), "week"),
    ],
)
def test_relative_periods(tr, text, pub, start, end, precision):
    check(tr, text, pub, start, end, precision)


# ---------------------------------------------------------------- months
@pytest.mark.parametrize(
    "text, pub, start, end, precision",
    [
        ("late May", FRI, D(2023, 5, 21), FRI, "week"),  # running at publication: ends there
        ("in late May", D(2023, 6, 15), D(2023, 5, 21), D(2023, 5, 31), "week"),
        ("early June", D(2023, 6, 15), D(2023, 6, 1), D(2023, 6, 10), "week"),
        ("mid-July", D(2023, 8, 2), D(2023, 7, 11), D(2023, 7, 20), "week"),
        ("at the end of April", FRI, D(2023, 4, 21), D(2023, 4, 30), "week"),
        ("in May", D(2023, 7, 4), D(2023, 5, 1), D(2023, 5, 31), "month"),
        ("in October", D(2023, 7, 4), D(2022, 10, 1), D(2022, 10, 31), "month"),  # previous October
        ("since March", FRI, D(2023, 3, 1), D(2023, 3, 31), "month"),
        ("last May", FRI, D(2022, 5, 1), D(2022, 5, 31), "month"),  # the running May is not "last"
        ("in May 2023", D(2023, 7, 4), D(2023, 5, 1), D(2023, 5, 31), "month"),
        ("May 2023", FRI, D(2023, 5, 1), FRI, "month"),
        ("in 2022", FRI, D(2022, 1, 1), D(2022, 12, 31), "year"),
        ("in early 2023", FRI, D(2023, 1, 1), D(2023, 4, 30), "year"),
    ],
)
def test_months_and_years(tr, text, pub, start, end, precision):
    check(tr, text, pub, start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "they may attack again",
        "Troops may 2 times a day patrol",  # lower-case may is the verb
        "Veterans will March to the square",
        "Theresa May spoke",
        "in the second round",
        "for two weeks",
        "20 years",
        "we know",
        "at 3.05 am",
        "around 1.35 am local time (03:05)",
        "the 24th Mechanised Brigade",
        "next month",
        "next week",
        "in 1500 homes",
        "05/06/2023",  # day-first or month-first cannot be told
    ],
)
def test_not_dates(tr, text):
    assert tr.find(text, FRI) == []


def test_month_with_a_future_day_is_not_read_as_bare_month(tr):
    # "by May" must not become last year's May when the day (9 May) is still ahead
    assert tr.find("to secure a victory by May 9", D(2022, 4, 19)) == []
    assert tr.find("elections to be held this June", D(2022, 4, 19)) == []


def test_far_background_is_dropped(tr):
    assert tr.find("fighting that began in 2014", FRI) == []
    assert tr.find("20 years ago", FRI) == []


# -------------------------------------------------------- absolute dates
@pytest.mark.parametrize(
    "text, pub, day",
    [
        ("on May 24", FRI, D(2023, 5, 24)),
        ("May 24", FRI, D(2023, 5, 24)),
        ("24 May", FRI, D(2023, 5, 24)),
        ("the 9th of May", FRI, D(2023, 5, 9)),
        ("December 26", FRI, D(2022, 12, 26)),
        ("on December 5", FRI, D(2022, 12, 5)),
        ("26 December 2022", FRI, D(2022, 12, 26)),
        ("30th May 2023", D(2023, 6, 2), D(2023, 5, 30)),
        ("June 1, 2023", D(2023, 6, 2), D(2023, 6, 1)),
        ("Aug. 3", D(2023, 9, 1), D(2023, 8, 3)),
        ("2023-05-26", FRI, D(2023, 5, 26)),
        ("24/05/2023", FRI, D(2023, 5, 24)),
        ("May 27", FRI, D(2023, 5, 27)),  # a day after publication: time zones
        ("December 30", D(2024, 1, 2), D(2023, 12, 30)),  # just after New Year: last year
        ("January 1", D(2023, 12, 31), D(2024, 1, 1)),  # just before New Year: next year
        ("early on Wednesday, May 24", FRI, D(2023, 5, 24)),
        ("Thursday (1 June)", D(2023, 6, 5), D(2023, 6, 1)),
        ("on Thursday 1 June", D(2023, 6, 5), D(2023, 6, 1)),
    ],
)
def test_absolute_days(tr, text, pub, day):
    check(tr, text, pub, day, day, "day")


def test_parenthesised_date_span(tr):
    text = "Shelling resumed (1 June) near the border."
    span = one(tr, text, D(2023, 6, 3))
    assert span.text == "1 June" and text[slice(*span.span)] == "1 June"
    text = "on Thursday (1 June), officials said"
    span = one(tr, text, D(2023, 6, 3))
    assert span.text == "on Thursday (1 June)"


def test_weekday_disagreeing_with_date_keeps_date(tr):
    span = one(tr, "Tuesday, June 1, 2023", D(2023, 6, 2))
    assert span.start == D(2023, 6, 1)
    assert "Thursday" in span.reason


def test_day_month_too_far_ahead_is_not_last_year(tr):
    # 10 days after publication: an upcoming date, not one ~a year ago
    assert tr.find("elections on June 5", FRI) == []


@pytest.mark.parametrize(
    "text, pub, start, end",
    [
        ("22 and 23 May", FRI, D(2023, 5, 22), D(2023, 5, 23)),
        ("22-23 May", FRI, D(2023, 5, 22), D(2023, 5, 23)),
        ("between 20 and 24 May 2023", FRI, D(2023, 5, 20), D(2023, 5, 24)),
        ("May 22 and 23, officials said", FRI, D(2023, 5, 22), D(2023, 5, 23)),
        ("30 May to 1 June", D(2023, 6, 2), D(2023, 5, 30), D(2023, 6, 1)),
        ("30 December to 2 January", D(2024, 1, 3), D(2023, 12, 30), D(2024, 1, 2)),
    ],
)
def test_ranges(tr, text, pub, start, end):
    check(tr, text, pub, start, end, "week")


def test_and_followed_by_a_count_is_not_a_range(tr):
    found = tr.find("On May 22 and 23 people were killed.", FRI)
    assert [(s.start, s.end) for s in found] == [(D(2023, 5, 22), D(2023, 5, 22))]


# ------------------------------------------------------------ robustness
@pytest.mark.parametrize(
    "text",
    ["9999-12-31", "0000-01-01", "31 February 2023", "0 May 2023", "December 26 9999", "in 0000", "99 May"],
)
@pytest.mark.parametrize("pub", [FRI, None, date(1, 1, 1), date(9999, 12, 31)])
def test_odd_inputs_do_not_crash(tr, text, pub):
    tr.find(text, pub)


def test_without_publication_date(tr):
    text = "Yesterday, on Tuesday, last week, earlier this month, in May and on 24 May, strikes hit."
    assert tr.find(text, None) == []
    found = tr.find("On 26 December 2022 and in May 2023 and 2023-01-02", None)
    assert [(s.start, s.precision) for s in found] == [
        (D(2022, 12, 26), "day"),
        (D(2023, 5, 1), "month"),
        (D(2023, 1, 2), "day"),
    ]


def test_datetime_publication_is_accepted(tr):
    check(tr, "yesterday", datetime(2023, 5, 26, 23, 30), D(2023, 5, 25), D(2023, 5, 25), "day")


def test_paragraph_finds_all_in_order(tr):
    text = (
        "Early on Wednesday, May 24, drones struck Belgorod. Officials said that "
        "yesterday and earlier this month similar attacks occurred, and in October "
        "a depot burned. They may attack again at 3.05 am."
    )
    found = tr.find(text, FRI)
    assert [s.text for s in found] == ["Early on Wednesday, May 24", "yesterday", "earlier this month", "in October"]
    assert [s.span for s in found] == sorted(s.span for s in found)


def test_lexicon_has_its_header():
    about = load_lexicon()["_about"]
    assert {"source", "licence", "known_problems"} <= set(about)


# -------------------------------------------------------------- property
WORDS = st.sampled_from(
    "on in late early mid last this next yesterday today overnight week month year ago the of and to - , ( ) "
    "Monday Tuesday Friday Sunday May may March June October December Jan. Sept 1 9 22 23 24 30 31 1st 30th "
    "2022 2023 0000 9999 2023-05-26 24/05/2023 days two a few weekend night morning hours 24".split()
)
texts = st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=14).map(" ".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, pub=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_property_spans_slice_and_dates_stay_near_publication(tr, text, pub):
    for span in tr.find(text, pub):
        assert text[span.span[0] : span.span[1]] == span.text
        assert span.precision in ("day", "week", "month", "year")
        assert span.start <= span.end
        assert span.start >= pub - timedelta(days=2 * 366)
        assert span.end <= pub + timedelta(days=2)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_property_no_publication_never_raises(tr, text):
    for span in tr.find(text, None):
        assert text[span.span[0] : span.span[1]] == span.text


@pytest.mark.parametrize("text, expected", [
    ("Militants attacked the base on Monday.", True),
    ("The town was shelled on 12 March.", True),
    ("The town was shelled overnight.", True),
    ("The town was shelled.", False),
])
def test_a_time_is_found_even_when_no_date_can_be_given_it(tr, text, expected):
    """Without a publication date 'on Monday' dates nothing, but the sentence still names a time."""
    assert tr.mentions_time(text) is expected
    assert tr.find(text, None) == [] or "12 March" in text


# ---------------------------------------------------------------- gates (which patterns a text skips)
def test_month_gate_closed_by_a_longer_word(tr):
    """"Mar" opens "Mariupol": the month gate wants the name to end there (the patterns all do)."""
    assert tr._gates["month"].search("Shelling hit Mariupol again") is None
    assert tr._gates["month"].search("on 5 Mar. 2022") is not None
    assert tr._gates["month"].search("on Mar.5") is not None


def test_phrase_patterns_gated_by_their_last_words(tr):
    from eventwire.extract.times import last_words, text_words

    assert last_words(["this morning", "the day  before", "_comment"]) == {"morning", "before"}
    assert text_words("Early this MORNING, a strike") == {"early", "this", "morning", "a", "strike"}
    assert one(tr, "The town was shelled this morning.", FRI).start == FRI
    assert tr.find("The town was shelled again.", FRI) == []


def test_case_folding_a_lower_cased_word_misses_is_not_gated(tr):
    """re's IGNORECASE reads "\u017f" as "s", str.lower() does not: such a text runs every pattern."""
    from eventwire.extract.times import text_words

    assert text_words("It happened ye\u017fterday") is None
    # the pattern still matches (resolving it is another matter: its word is no key of the lexicon)
    assert [c[3].group() for c in tr._candidates("It happened ye\u017fterday.")] == ["ye\u017fterday"]


def test_a_letter_the_pattern_folds_is_folded_for_the_lookup_too(tr):
    # the case-blind patterns match the long s of old print as an 's'; the word is looked up as it matched
    check(tr, "The depot was hit yeſterday.", FRI, D(2023, 5, 25), D(2023, 5, 25), "day")
