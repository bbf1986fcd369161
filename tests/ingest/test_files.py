import codecs
import json
from pathlib import Path

from eventwire.config import Limits
from eventwire.ingest.files import read_inputs
from eventwire.model import IngestError, Record


def collect(paths, limits=None):
    kw = {"limits": limits} if limits else {}
    items = list(read_inputs([str(p) for p in paths], **kw))
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, IngestError)]


def test_text_html_and_folder_recursion(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Shelling hit the town on Monday.", encoding="utf-8")
    sub = tmp_path / "deeper" / "still"
    sub.mkdir(parents=True)
    (sub / "b.html").write_text("<html><body><p>Drones struck a depot.</p></body></html>", encoding="utf-8")
    (sub / "notes.bin").write_bytes(b"\x00\x01")  # unknown suffix: not an input
    records, errors = collect([tmp_path])
    assert errors == []
    assert [r.text for r in records if r.text] == ["Shelling hit the town on Monday."]
    assert len([r for r in records if r.html]) == 1


def test_jsonl_our_fields_and_news_please_fields(tmp_path: Path):
    (tmp_path / "body.txt").write_text("A body kept in a side file.", encoding="utf-8")
    lines = [
        {"id": "1", "url": "https://a.example/x", "title": "T", "published": "2024-03-12", "text": "Body one."},
        {"maintext": "Body two.", "date_publish": "2024-03-13 10:00:00", "source_domain": "b.example"},
        {"id": 3, "file": "body.txt"},
    ]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    records, errors = collect([f])
    assert errors == []
    assert records[0].external_id == "1" and records[0].published == "2024-03-12"
    assert records[1].text == "Body two." and records[1].outlet == "b.example"
    assert records[1].published == "2024-03-13 10:00:00"
    assert records[2].external_id == "3" and records[2].text == "A body kept in a side file."


def test_bad_lines_are_reported_with_line_numbers_and_skipped(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    f.write_text(
        '{"text": "good one"}\n{not json\n{"text": ["wrong", "type"]}\n[1, 2]\n{"text": "good two"}\n',
        encoding="utf-8",
    )
    records, errors = collect([f])
    assert [r.text for r in records] == ["good one", "good two"]
    assert [e.source for e in errors] == [f"{f}:2", f"{f}:3", f"{f}:4"]
    assert "malformed JSON" in errors[0].reason
    assert "'text' should be a string" in errors[1].reason


def test_oversized_line_is_skipped_without_losing_the_next(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"text": "' + "x" * 5000 + '"}\n{"text": "after"}\n', encoding="utf-8")
    records, errors = collect([f], Limits(max_line_bytes=1000))
    assert [r.text for r in records] == ["after"]
    assert "limit" in errors[0].reason and errors[0].source.endswith(":1")


def test_empty_binary_and_missing_files_are_errors(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"abc\x00\x00def")
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    records, errors = collect([tmp_path, tmp_path / "missing.txt"])
    assert [r.text for r in records] == ["fine"]
    reasons = {Path(e.source).name: e.reason for e in errors}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["bin.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_utf16_bom_and_windows_1251_are_decoded(tmp_path: Path):
    text = "Обстрел Белгорода продолжался всю ночь, сообщили местные власти города."
    (tmp_path / "u16.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (tmp_path / "cp.txt").write_bytes((text + " " + text).encode("cp1251"))
    records, errors = collect([tmp_path])
    assert errors == []
    assert {r.text.split(" ")[0] for r in records} == {"Обстрел"}


def test_rss_items_become_records_and_dtds_are_refused(tmp_path: Path):
    rss = tmp_path / "feed.xml"
    rss.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
        "<item><title>One</title><link>https://w.example/1</link><description>First item.</description>"
        "<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate></item>"
        "<item><title>Two</title><link>https://w.example/2</link><description>Second item.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        "<rss><channel><item><description>&lol2;</description></item></channel></rss>",
        encoding="utf-8",
    )
    records, errors = collect([rss, bomb])
    assert [(r.title, r.url, r.outlet) for r in records] == [
        ("One", "https://w.example/1", "Wire"),
        ("Two", "https://w.example/2", "Wire"),
    ]
    assert len(errors) == 1 and "DTD" in errors[0].reason
