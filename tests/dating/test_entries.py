"""A live page's entry stamps (pages written for these tests)."""
from datetime import date

from eventwire.dating.entries import date_at, entry_dates

LIVE = """Live: war updates

3 Jun 2024 - 09:15 GMT
Drones struck a fuel depot in Kherson on Sunday, the governor said.

2 Jun 2024 - 22:40 GMT
Shelling hit Nikopol overnight, officials said.

Updated 18:05 GMT
A missile hit a warehouse in Odesa, the navy said.

1 Jun 2024 - 20:00 GMT
Protesters gathered in Lviv.
"""


def test_stamp_lines_date_the_entries_below_them():
    stamps = entry_dates(LIVE, date(2024, 6, 1))
    assert [(s.day, s.text) for s in stamps] == [
        (date(2024, 6, 3), "3 Jun 2024 - 09:15 GMT"), (date(2024, 6, 2), "2 Jun 2024 - 22:40 GMT"),
        (date(2024, 6, 2), "Updated 18:05 GMT"),  # a time without a date keeps the stamp above
        (date(2024, 6, 1), "1 Jun 2024 - 20:00 GMT")]
    assert date_at(stamps, LIVE.index("Nikopol")).day == date(2024, 6, 2)
    assert date_at(stamps, LIVE.index("Kherson")).day == date(2024, 6, 3)
    assert date_at(stamps, LIVE.index("Live:")) is None  # above the first entry


def test_a_report_with_one_updated_line_or_times_in_prose_is_no_live_page():
    report = ("Updated 10:42 GMT\n\nMissiles hit Kharkiv at 06:30 local time on Tuesday, the mayor said.\n\n"
              "A second strike followed at 07:10, he said.\n\n23 hours ago (20:00 GMT)\n")
    assert entry_dates(report, date(2024, 6, 1)) == []
