"""Every hostile input is reported (path, line, reason) and skipped; the rest is read.

Readers and the cleaner, in this process: fast.  The same folder goes through
the real command line in test_cli_hostile.py.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.clean import Cleaner
from eventwire.clean.html import flatten_deep, prepare_html, slim_html
from eventwire.config import Limits
from eventwire.errors import EventwireError, InputError
from eventwire.ingest.files import read_inputs
from eventwire.model import IngestError, Record

from hostile_inputs import GOOD_TEXT, RUSIAN, make_hostile_folder


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, make_hostile_folder(folder)


@pytest.fixture(scope="module")
def outcome(hostile) -> dict[str, str]:
    """{file or file:line: "" when a document came out, else the reported reason}, plus timing and memory."""
    folder, _ = hostile
    cleaner = Cleaner()
    result: dict[str, str] = {}
    docs = {}
    start = time.monotonic()
    for item in read_inputs([str(folder)]):
        if isinstance(item, IngestError):
            result[Path(item.source).name] = item.reason
            continue
        try:
            docs[Path(item.source).name] = doc = cleaner.clean(item)
            result[Path(item.source).name] = ""
            assert doc.text
        except EventwireError as exc:
            result[Path(item.source).name] = str(exc)
    result["_seconds"] = time.monotonic() - start  # type: ignore[assignment]
    result["_docs"] = docs  # type: ignore[assignment]
    return result


def test_each_hostile_input_has_its_outcome(hostile, outcome):
    _, expected = hostile
    for name, reason in expected.items():
        assert name in outcome, f"{name}: neither read nor reported"
        if reason:
            assert reason in outcome[name], f"{name}: expected {reason!r}, got {outcome[name]!r}"
        else:
            assert outcome[name] == "", f"{name}: should have been read, got {outcome[name]!r}"
    assert set(k for k in outcome if not k.startswith("_")) == set(expected)


# the same reading in a process of its own: this test process's peak is every earlier test's too
_READ_ALONE = """
import sys
from eventwire.clean import Cleaner
from eventwire.errors import EventwireError
from eventwire.ingest.files import read_inputs
from eventwire.model import IngestError
cleaner = Cleaner()
for item in read_inputs([sys.argv[1]]):
    if not isinstance(item, IngestError):
        try:
            cleaner.clean(item)
        except EventwireError:
            pass
# VmHWM, not ru_maxrss: Linux carries the parent's peak into a child across fork and exec
print(next(int(ln.split()[1]) for ln in open("/proc/self/status") if ln.startswith("VmHWM:")) / 1024)
"""


def test_hostile_folder_is_read_in_bounded_time_and_memory(hostile, outcome):
    assert outcome["_seconds"] < 60
    alone = subprocess.run([sys.executable, "-c", _READ_ALONE, str(hostile[0])], capture_output=True, text=True,
                           timeout=300)
    assert alone.returncode == 0, alone.stderr[-2000:]
    assert float(alone.stdout.strip().splitlines()[-1]) < 1500


def test_encodings_are_decoded_not_mangled(outcome):
    docs = outcome["_docs"]
    for name in ("utf16-bom.txt", "cp1251.txt"):
        assert "Обстрел Белгорода" in docs[name].text, name
        assert docs[name].language == "ru"
    assert "Shelling continued on Tuesday." in docs["invalid-utf8.txt"].text
    assert "\x00" not in docs["records.jsonl:16"].text  # NUL escaped in JSON: dropped, text kept
    assert "Sumy on Friday" in docs["records.jsonl:16"].text


def test_deep_and_slimmed_html_keep_their_article(outcome):
    docs = outcome["_docs"]
    assert "Kursk" in docs["deep-100k.html"].text  # below 100k levels, flattened, not lost
    assert "fuel depot near Mykolaiv" in docs["inline-junk-19mb.html"].text


def test_impossible_dates_are_not_believed(outcome):
    docs = outcome["_docs"]
    for line in (13, 14, 15):  # "0000-00-00", "9999-12-31", "9999-99-99T99:99:99"
        doc = docs[f"records.jsonl:{line}"]
        assert doc.published.date is None or 1900 < doc.published.date.year < 2100, doc.published


# ------------------------------------------------------------- guards, unit by unit
def test_flatten_keeps_text_and_bounds_depth():
    html = "<html><body>" + "<div><span>" * 5000 + "deep words" + "</span></div>" * 5000 + "<p>after</p></body></html>"
    flat, deepest = flatten_deep(html, 200)
    assert deepest >= 10_000 and "deep words" in flat and "<p>after</p>" in flat
    assert flatten_deep(flat, 200)[1] <= 200
    assert flatten_deep("<p>" * 5000, 10) == ("<p>" * 5000, 0)  # unclosed <p>: sloppy, not nested


@pytest.mark.parametrize(
    "html",
    ["<div" * 1_000_000, "<script" * 1_000_000, "<!--" * 1_000_000, "data:a;base64," * 300_000,
     "<a " * 1_000_000 + ">", "<" * 3_000_000],
    ids=["div-no-gt", "unclosed-scripts", "unclosed-comments", "data-prefixes", "attrs", "lt"],
)
def test_guards_are_linear_on_pathological_markup(html):
    start = time.monotonic()
    flatten_deep(html, 200)
    slim_html(html)
    assert time.monotonic() - start < 5


def test_slim_removes_only_non_text():
    page = "<html><head><style>p{}</style><script>var a='<p>not text</p>'</script></head><body><!-- c -->" \
           "<svg><path d='M0'/></svg><p>Real text.</p><img src='data:image/png;base64," + "A" * 400 + "'></body></html>"
    slim = slim_html(page)
    assert "Real text." in slim and "not text" not in slim and "<!--" not in slim and "AAAA" not in slim


def test_html_over_the_limit_even_slimmed_is_refused():
    with pytest.raises(InputError, match="over the limit of 1,000"):
        prepare_html("<p>" + "words " * 1000 + "</p>", Limits(max_html_chars=1000), source="page")


def test_limits_come_from_the_environment():
    from eventwire.errors import ConfigError

    limits = Limits.from_env({"EVENTWIRE_MAX_FILE_BYTES": "123", "EVENTWIRE_FETCH_TIMEOUT_SECONDS": "0.5"})
    assert limits.max_file_bytes == 123 and limits.fetch_timeout_seconds == 0.5
    with pytest.raises(ConfigError, match="EVENTWIRE_MAX_LINE_BYTES must be a number"):
        Limits.from_env({"EVENTWIRE_MAX_LINE_BYTES": "lots"})
    with pytest.raises(ConfigError, match="positive"):
        Limits.from_env({"EVENTWIRE_MAX_TEXT_CHARS": "-1"})


def test_jsonl_line_limit_is_a_setting(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"text": "' + "y" * 3000 + '"}\n{"text": "' + GOOD_TEXT + '"}\n', encoding="utf-8")
    items = list(read_inputs([str(f)], Limits(max_line_bytes=2000)))
    assert isinstance(items[0], IngestError) and items[0].source.endswith("in.jsonl:1")
    assert isinstance(items[1], Record) and items[1].text == GOOD_TEXT


def test_file_read_in_a_side_file_obeys_limits(tmp_path):
    (tmp_path / "body.txt").write_bytes(b"z" * 5000)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    f = tmp_path / "in.jsonl"
    f.write_text('{"file": "body.txt"}\n{"file": "bin.txt"}\n{"file": "missing.txt"}\n{"file": 3}\n', encoding="utf-8")
    items = list(read_inputs([str(f)], Limits(max_file_bytes=1000)))
    assert [type(i) for i in items] == [IngestError] * 4
    assert "over the 1000-byte limit" in items[0].reason and "binary" in items[1].reason
    assert "cannot read" in items[2].reason and "path string" in items[3].reason


def test_russian_text_is_kept_whole():
    doc = Cleaner().clean(Record(source="ru", text=RUSIAN))
    assert doc.text == RUSIAN
