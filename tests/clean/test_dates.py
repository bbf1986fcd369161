from datetime import date

import pytest

from eventwire.clean import dates
from eventwire.model import Record

BODY = "Two drones hit a depot on Friday, the governor said.\n\nNobody was hurt, police said."


def _clean(cleaner, text=BODY, **kw):
    return cleaner.clean(Record(source="t", title="Drones hit depot", text=text, **kw))


@pytest.mark.parametrize("raw", ["2023-05-26", "2023-05-26T23:10:00+03:00", "2023-05-26 08:00:00", "Fri, 26 May 2023 08:00:00 GMT"])
def test_metadata_date_forms(cleaner, raw):
    pub = _clean(cleaner, published=raw).published
    assert (pub.date, pub.source, pub.confidence, pub.conflict) == (date(2023, 5, 26), "metadata", 0.9, None)
    assert pub.evidence == raw


@pytest.mark.parametrize("raw", ["0000-00-00", "9999-12-31", "2023-13-45", "not a date"])
def test_invalid_metadata_date_is_ignored_with_a_note(cleaner, raw):
    pub = _clean(cleaner, published=raw).published
    assert pub.date is None and pub.source == "none" and pub.confidence == 0
    assert raw in pub.conflict


def test_invalid_metadata_falls_back_on_text(cleaner):
    pub = _clean(cleaner, text="Tuesday 6 June 2023 - 10:20\n\n" + BODY, published="0000-00-00").published
    assert (pub.date, pub.source) == (date(2023, 6, 6), "text")
    assert "0000-00-00" in pub.conflict


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Tuesday 6 June 2023 - 10:20", date(2023, 6, 6)),
        ("By Jan Novak • 14 January 2023 • 9:25", date(2023, 1, 14)),
        ("Published: 2nd June 2023 11:04 AM | Last Updated: 3rd June 2023 08:00 AM", date(2023, 6, 2)),
        ("Kharkiv. June 7, 2023.", date(2023, 6, 7)),
    ],
)
def test_text_dateline(cleaner, line, expected):
    doc = _clean(cleaner, text=line + "\n\n" + BODY)
    assert (doc.published.date, doc.published.source) == (expected, "text")
    assert 0 < doc.published.confidence < 0.9
    assert doc.published.evidence == line
    assert line not in doc.text


def test_date_inside_prose_is_not_a_publication_date(cleaner):
    text = BODY + "\n\n" + "The first attack on the depot took place on 5 December 2022 and damaged two tanks, officials said."
    assert _clean(cleaner, text=text).published.source == "none"


def test_metadata_and_text_disagree(cleaner):
    pub = _clean(cleaner, text="Tuesday 6 June 2023 - 10:20\n\n" + BODY, published="2024-01-10").published
    assert (pub.date, pub.source) == (date(2024, 1, 10), "metadata")
    assert pub.conflict == "page says 2024-01-10; text says 2023-06-06"
    assert pub.confidence < 0.9


def test_small_disagreement_is_no_conflict(cleaner):
    pub = _clean(cleaner, text="Tuesday 6 June 2023 - 23:50\n\n" + BODY, published="2023-06-07").published
    assert pub.conflict is None and pub.confidence == 0.9


def test_no_date_anywhere(cleaner):
    pub = _clean(cleaner).published
    assert (pub.date, pub.source, pub.confidence, pub.evidence) == (None, "none", 0.0, None)


def test_html_date_evidence():
    ev = dates.html_evidence("2023-05-26")
    assert ev.date == date(2023, 5, 26) and ev.source == "html"
    assert dates.html_evidence(None) is None
    assert dates.html_evidence("garbage") is None


def test_parse_date_string_refuses_incomplete_dates():
    assert dates.parse_date_string("30th May 2023") == date(2023, 5, 30)
    assert dates.parse_date_string("May 30, 2023") == date(2023, 5, 30)
    assert dates.parse_date_string("31.12.2022") == date(2022, 12, 31)
    assert dates.parse_date_string("31 February 2023") is None


def test_wire_dateline_opening_a_long_paragraph_dates_the_page():
    from eventwire.clean import Cleaner
    from eventwire.model import Record

    body = ("ODESA, 18 March 2024 — Drones struck the port overnight, the governor said, adding that crews "
            "worked through the night to put out the fires at two warehouses near the grain terminal.")
    doc = Cleaner().clean(Record(source="t", text="Port hit by drones\n\n" + body))
    assert doc.published.date.isoformat() == "2024-03-18" and doc.published.source == "text"
    assert doc.text.startswith("ODESA, 18 March 2024 —")  # the dateline stays in the text


@pytest.mark.parametrize(
    "opening,expected",
    [
        ("MANAGUA (NICARAGUA), 2 NOV 89 (TEST WIRE) -- ", date(1989, 11, 2)),  # country and agency in brackets, year in two digits
        ("LVIV, 14 March 2024 (Test Wire) - ", date(2024, 3, 14)),
        ("LVIV, 3 JAN 05 (TEST WIRE) -- ", date(2005, 1, 3)),
    ],
)
def test_agency_dateline_with_brackets_dates_the_page(opening, expected):
    from eventwire.clean import Cleaner
    from eventwire.model import Record

    body = ("Unknown gunmen shot dead a regional councillor outside his home late on Friday, the police said, "
            "adding that nobody had yet claimed responsibility for the shooting.")
    doc = Cleaner().clean(Record(source="t", text=opening + body))
    assert (doc.published.date, doc.published.source) == (expected, "text")


# A page as a scraper flattens it: the site's header (weather, today's date), the
# headline found in the text, the story, the post's stamp under it, a donation box.
HEADLINE = "Drones strike a fuel depot near the border, governor says"
SCRAPED = (
    "14.2 C\n\nMonday, April 17, 2023\n\n" + HEADLINE + "\n\n" + BODY * 3
    + "\n\nApril 03, 2023 at 09:41AM\n\nSupport Us\n\nRelated Stories"
)


def test_post_stamp_under_the_story_beats_the_sites_clock_above_the_headline(cleaner):
    doc = cleaner.clean(Record(source="t", text=SCRAPED))
    assert doc.title == HEADLINE
    assert (doc.published.date, doc.published.evidence) == (date(2023, 4, 3), "April 03, 2023 at 09:41AM")


def test_sites_clock_is_the_date_only_when_nothing_else_dates_the_page(cleaner):
    pub = cleaner.clean(Record(source="t", text=SCRAPED.replace("April 03, 2023 at 09:41AM", "Share this"))).published
    assert pub.date == date(2023, 4, 17)
    assert pub.confidence == dates.CONFIDENCE_TEXT_SITE_CLOCK


STORY = [BODY] * dates.TEXT_HEAD_UNITS  # below the head, where a dateline no longer counts


def test_a_thread_of_stamps_days_apart_is_comments_not_the_post():
    units = [HEADLINE, *STORY, "Comments", "May 2, 2023 at 5:17 pm", "Thanks!", "May 9, 2023 at 1:18 am", "Great."]
    assert dates.text_date_candidates(units) == []
    one_day = [HEADLINE, *STORY, "Posted: May 2, 2023 / 04:43 PM", "Updated: May 2, 2023 / 06:10 PM"]
    assert [c.date for c in dates.text_date_candidates(one_day)][:1] == [date(2023, 5, 2)]


def test_a_commenters_stamp_with_their_name_is_no_post_stamp():
    units = [HEADLINE, *STORY, "Jane Doe says: May 9, 2023 at 1:18 am"]
    assert dates.text_date_candidates(units) == []


@pytest.mark.parametrize("url, expected", [
    ("https://news.example.org/world/2023/03/02/raid-on-border-village/", date(2023, 3, 2)),
    ("https://www.example.co.uk/news/2023-07-17/two-killed-in-strike", date(2023, 7, 17)),
])
def test_a_date_in_the_url_dates_a_page_without_metadata(cleaner, url, expected):
    pub = _clean(cleaner, url=url).published
    assert (pub.date, pub.source, pub.confidence) == (expected, "metadata", dates.CONFIDENCE_URL)
    assert pub.evidence == "URL: " + url


@pytest.mark.parametrize("url", [
    "https://example.org/node/4758856",
    "https://example.ua/news/drones-04-07-2023.html",  # April or July: left alone
])
def test_a_url_without_a_full_unambiguous_date_dates_nothing(cleaner, url):
    assert _clean(cleaner, url=url).published.date is None


def test_the_records_own_date_beats_the_urls_and_their_disagreement_is_noted(cleaner):
    pub = _clean(cleaner, url="https://example.org/2023/05/20/strike", published="2023-06-02").published
    assert pub.date == date(2023, 6, 2)
    assert pub.conflict == "page says 2023-06-02; URL says 2023-05-20"
