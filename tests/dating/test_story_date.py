"""Each document's date decided from its page and its story (texts written for these tests)."""
from datetime import date

from eventwire.dating import DatingInput, decide_dates, reliable
from eventwire.model import PublishedDate

REPORT = ("Drones struck an oil depot in Lgov on 12 March 2024, the governor said.\n\n"
          "A warehouse in the town was hit on 14 March 2024, officials said.")
RECENT = "Drones struck an oil depot in Lgov yesterday, the governor said. A warehouse was hit on 14 March 2024."


def page(day=None, source="metadata", conflict=None):
    return PublishedDate(day, source if day else "none", 0.9 if day else 0.0, conflict, day.isoformat() if day else None)


def test_a_page_with_a_true_date_keeps_it_as_clean_gave_it():
    own = page(date(2024, 3, 15))
    assert decide_dates([DatingInput("d_a", "s_a", own, REPORT)])["d_a"] == own


def test_a_page_dated_long_after_every_date_its_text_names_is_dated_from_the_text():
    out = decide_dates([DatingInput("d_a", "s_a", page(date(2024, 6, 30)), REPORT)])["d_a"]
    assert (out.date, out.source) == (date(2024, 3, 14), "story")
    assert out.conflict == "page says 2024-06-30; the latest date its story's texts name is 2024-03-14"
    assert out.evidence == "d_a: '14 March 2024'" and "scrape" in out.reason
    assert out.confidence < 0.9


def test_a_text_that_speaks_of_yesterday_is_not_judged_by_its_dates():
    own = page(date(2024, 6, 30))
    assert decide_dates([DatingInput("d_a", "s_a", own, RECENT)])["d_a"] == own


def test_one_named_date_is_not_enough_to_doubt_a_page():
    own = page(date(2024, 6, 30))
    text = "A photograph taken on 2 May 2019 shows the old bridge, which was rebuilt after the flood."
    assert decide_dates([DatingInput("d_a", "s_a", own, text)])["d_a"] == own


def test_a_copy_dated_after_its_story_takes_the_story_date_with_the_conflict():
    original = DatingInput("d_o", "s_o", page(date(2024, 3, 15)), REPORT)
    copy = DatingInput("d_c", "s_o", page(date(2024, 3, 20)), REPORT)
    undated = DatingInput("d_u", "s_o", page(), REPORT)
    out = decide_dates([copy, original, undated])
    assert out["d_o"].date == date(2024, 3, 15) and out["d_o"].conflict is None
    assert (out["d_c"].date, out["d_c"].source) == (date(2024, 3, 15), "story")
    assert out["d_c"].conflict == "page says 2024-03-20; story says 2024-03-15"
    assert (out["d_u"].date, out["d_u"].source, out["d_u"].conflict) == (date(2024, 3, 15), "story", None)
    assert out["d_u"].evidence == "d_o: page date"


def test_dates_named_by_another_member_of_the_story_count_too():
    # the copy's own text names no dates (a summary), its original's caption and prose do
    summary = "Drones struck an oil depot in Lgov, the governor said, and a warehouse was hit."
    out = decide_dates([DatingInput("d_o", "s_o", page(), REPORT),
                        DatingInput("d_c", "s_o", page(date(2024, 9, 1)), summary)])
    assert out["d_c"].date == date(2024, 3, 14) and out["d_c"].conflict.startswith("page says 2024-09-01")


def test_a_stale_page_takes_a_fresh_members_date_before_the_named_one():
    fresh = DatingInput("d_f", "s_o", page(date(2024, 3, 15)), REPORT)
    stale = DatingInput("d_s", "s_o", page(date(2024, 7, 1)), REPORT)
    out = decide_dates([fresh, stale])
    assert out["d_f"].date == date(2024, 3, 15)
    assert out["d_s"].date == date(2024, 3, 15) and "d_f is dated 2024-03-15" in out["d_s"].conflict


def test_stories_are_decided_apart():
    a = DatingInput("d_a", "s_a", page(date(2024, 3, 15)), REPORT)
    b = DatingInput("d_b", "s_b", page(), REPORT)
    out = decide_dates([a, b])
    assert out["d_b"].date is None and out["d_b"].source == "none"


def test_only_a_publishers_date_without_a_conflict_is_reliable():
    assert reliable(page(date(2024, 3, 15)))
    assert not reliable(page(date(2024, 3, 15), source="text"))
    assert not reliable(page(date(2024, 3, 15), conflict="page says 2024-03-15; text says 2023-01-01"))
    assert not reliable(page())


def test_an_undated_copy_in_a_story_no_publisher_dated_takes_a_members_dateline():
    dateline = PublishedDate(date(2024, 3, 14), "text", 0.5, None, "KARVASK, 14 March 2024 -")
    out = decide_dates([DatingInput("d_a", "s_a", dateline, REPORT), DatingInput("d_b", "s_a", page(), REPORT),
                        DatingInput("d_c", "s_c", page(), REPORT)])
    assert out["d_a"] == dateline
    assert (out["d_b"].date, out["d_b"].source) == (date(2024, 3, 14), "story")
    assert "KARVASK, 14 March 2024" in out["d_b"].evidence and "dateline" in out["d_b"].reason
    assert out["d_c"].date is None  # another story: nothing to lend
