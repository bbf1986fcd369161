"""The dates a text names, found without parsing (texts written for these tests)."""
from datetime import date

from eventwire.dating.named import FULL, MONTH_DAY, RELATIVE, WEEKDAY, named_dates


def kinds(text, reference=date(2024, 1, 2)):
    return [(n.kind, n.day, n.text) for n in named_dates(text, reference)]


def test_full_dates_in_the_usual_spellings():
    found = kinds("Shells fell on 14 March 2024 and again on March 16, 2024; the report is dated 2024-03-20.")
    assert found == [(FULL, date(2024, 3, 14), "14 March 2024"), (FULL, date(2024, 3, 16), "March 16, 2024"),
                     (FULL, date(2024, 3, 20), "2024-03-20")]


def test_a_weekday_pins_the_year_of_a_date_written_without_one():
    # 30 December fell on a Saturday in 2023: the year is found even from a reference a year late
    assert kinds("The strike on Saturday, December 30 killed 14.", date(2025, 2, 1)) == [
        (WEEKDAY, date(2023, 12, 30), "Saturday, December 30")]


def test_month_and_day_alone_take_the_latest_year_not_after_the_reference():
    found = kinds("Officials said on May 24 that the bridge reopened; on 5 January it closed again.", date(2024, 1, 2))
    assert found == [(MONTH_DAY, date(2023, 5, 24), "May 24"), (MONTH_DAY, date(2023, 1, 5), "5 January")]


def test_relative_expressions_name_no_day():
    found = kinds("Drones struck yesterday. On Tuesday the governor spoke; last night sirens sounded.")
    assert [(k, d) for k, d, _ in found] == [(RELATIVE, None)] * 3
    assert [t for _, _, t in found] == ["yesterday", "Tuesday", "last night"]


def test_a_weekday_followed_by_a_date_is_not_relative_and_verbs_are_not_months():
    found = kinds("On Monday, 1 January 2024 it may march on; they may 5 times deny it.")
    assert found == [(FULL, date(2024, 1, 1), "1 January 2024")]


def test_without_a_reference_only_full_dates_and_relatives_are_read():
    found = kinds("On May 24, and on 2 May 2023, and yesterday.", None)
    assert [k for k, _, _ in found] == [FULL, RELATIVE]
