"""WARC files the tests write with warcio: HTML responses in, everything else passed over,
a corrupt or cut-off record reported with its offset and skipped."""
from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.clean import Cleaner
from eventwire.config import Limits
from eventwire.ingest.files import read_inputs
from eventwire.ingest.warc import read_warc
from eventwire.model import IngestError, Record

CAPTURED = "2024-07-18T10:00:00Z"


def page(i: int) -> bytes:
    return (f"<html><head><title>Story {i}</title></head><body><article><p>Story {i}: artillery shelled the "
            f"outskirts of Kupiansk overnight, the regional governor said. Two houses burned.</p></article>"
            f"</body></html>").encode()


def _response(writer: WARCWriter, uri: str, body: bytes, status: str = "200 OK", kind: str = "text/html; charset=utf-8"):
    headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                     http_headers=headers, warc_headers_dict={"WARC-Date": CAPTURED})


def write_warc(gzipped: bool = True) -> tuple[bytes, list[int]]:
    """A warcinfo, then pages 0-3 with a request, an image, a redirect and a 404 among them; member offsets."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzipped)
    offsets = []

    def put(record) -> None:
        offsets.append(buf.tell())
        writer.write_record(record)

    put(writer.create_warcinfo_record("news.warc.gz", {"software": "tests"}))
    put(_response(writer, "https://news.example/0", page(0)))
    put(writer.create_warc_record("https://news.example/1", "request", payload=io.BytesIO(b"GET /1 HTTP/1.1\r\n\r\n"),
                                  length=19))
    put(_response(writer, "https://news.example/1", page(1)))
    put(_response(writer, "https://news.example/logo.png", b"\x89PNG....", kind="image/png"))
    put(_response(writer, "https://news.example/2", page(2)))
    put(_response(writer, "https://news.example/old", b"", status="301 Moved Permanently"))
    put(_response(writer, "https://news.example/missing", b"<html>gone</html>", status="404 Not Found"))
    put(_response(writer, "https://news.example/3", page(3)))
    offsets.append(buf.tell())
    return buf.getvalue(), offsets


def split(items) -> tuple[list[Record], list[IngestError]]:
    items = list(items)
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, IngestError)]


def test_each_html_response_is_a_record_with_its_uri_and_capture_date(tmp_path: Path):
    data, _ = write_warc()
    path = tmp_path / "news.warc.gz"
    path.write_bytes(data)
    records, errors = split(read_inputs([str(tmp_path)]))  # found in a folder by its double suffix
    assert errors == []
    assert [r.url for r in records] == [f"https://news.example/{i}" for i in range(4)]
    assert all(r.captured == CAPTURED for r in records)
    assert records[2].html == page(2).decode() and records[2].source.startswith(f"{path}@")


def test_a_plain_warc_reads_the_same(tmp_path: Path):
    data, _ = write_warc(gzipped=False)
    (tmp_path / "news.warc").write_bytes(data)
    records, errors = split(read_warc(tmp_path / "news.warc"))
    assert errors == [] and [r.url for r in records] == [f"https://news.example/{i}" for i in range(4)]


def test_a_corrupt_record_is_reported_and_the_next_ones_are_read(tmp_path: Path):
    data, offsets = write_warc()
    broken = bytearray(data)
    target = offsets[3]  # page 1
    broken[target + 30:target + 90] = bytes(60)  # its compressed bytes zeroed: inflating it fails
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(bytes(broken))
    records, errors = split(read_warc(path))
    assert [r.url for r in records] == ["https://news.example/0", "https://news.example/2", "https://news.example/3"]
    assert len(errors) == 1 and errors[0].source == f"{path}@{target}"
    assert "corrupt" in errors[0].reason or "unreadable" in errors[0].reason


def test_a_file_cut_off_inside_a_record_reports_it(tmp_path: Path):
    data, offsets = write_warc()
    cut = offsets[-2] + (offsets[-1] - offsets[-2]) // 2  # half of page 3's member
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:cut])
    records, errors = split(read_warc(path))
    assert [r.url for r in records] == [f"https://news.example/{i}" for i in range(3)]
    assert [e.source for e in errors] == [f"{path}@{offsets[-2]}"] and "truncated" in errors[0].reason


def test_garbage_between_records_is_skipped_to_the_next_record(tmp_path: Path):
    data, offsets = write_warc()
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(data[:offsets[2]] + b"junk bytes, not gzip" + data[offsets[2]:])
    records, errors = split(read_warc(path))
    assert len(records) == 4 and len(errors) == 1 and "not a gzip member" in errors[0].reason


def test_an_oversized_page_is_reported_without_being_held(tmp_path: Path):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(_response(writer, "https://news.example/huge", b"<p>" + b"x" * 3_000_000 + b"</p>"))
    writer.write_record(_response(writer, "https://news.example/0", page(0)))
    path = tmp_path / "huge.warc.gz"
    path.write_bytes(buf.getvalue())
    records, errors = split(read_warc(path, Limits(max_file_bytes=1_000_000)))
    assert [r.url for r in records] == ["https://news.example/0"]
    assert len(errors) == 1 and "limit" in errors[0].reason


def test_not_a_warc_at_all_is_one_error(tmp_path: Path):
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"hello, not a WARC"))
    records, errors = split(read_warc(path))
    assert records == [] and len(errors) == 1


@pytest.mark.parametrize(("page_date", "expected"), [("2024-07-17", "2024-07-17"), ("2025-01-05", None)])
def test_the_capture_date_bounds_the_publication_date(page_date, expected):
    html = (f"<html><head><meta property='article:published_time' content='{page_date}T08:00:00Z'></head>"
            f"<body><article><p>Artillery shelled the outskirts of Kupiansk overnight, the regional governor "
            f"said on Wednesday. Two houses burned and one man was wounded.</p></article></body></html>")
    doc = Cleaner().clean(Record(source="w@0", url="https://news.example/a", html=html, captured=CAPTURED))
    assert (doc.published.date.isoformat() if doc.published.date else None) == expected
    if expected is None:
        assert "after the page was captured on 2024-07-18" in doc.published.conflict
