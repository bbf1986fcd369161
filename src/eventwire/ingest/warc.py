"""Web archives (WARC): one record per archived HTML page.

Common Crawl's news crawl and most crawlers write ``.warc.gz`` with one gzip
member per WARC record.  Members are split here, one at a time and in bounded
steps, so a multi-gigabyte archive costs the memory of its largest page (at
most ``Limits.max_file_bytes``); warcio reads each member's WARC and HTTP
headers and undoes chunked and compressed HTTP bodies.  A member that is
corrupt, or cut off at the end of the file, is reported (path, byte offset,
why) and the reader picks up at the next member.  A plain ``.warc`` has no
such framing: its records are named by number, and a bad record there ends
the file's reading, reported.

Each HTML response with status 200 becomes a record: its target URI is the
URL, and its capture date (``WARC-Date``) is kept as ``Record.captured``, an
upper bound on the publication date (a page is not published after it was
captured).  Requests, metadata, images and redirects are not articles and are
passed over without a word.
"""
from __future__ import annotations

import codecs
import io
import zlib
from collections.abc import Iterator
from pathlib import Path

from eventwire.config import LIMITS, Limits
from eventwire.errors import Errors, InputError, reason
from eventwire.ingest.decode import decode_bytes
from eventwire.model import IngestError, Record

WARC_SUFFIXES = (".warc", ".warc.gz")
GZIP_MAGIC = b"\x1f\x8b\x08"
RAW_CHUNK = 1 << 16
DECODED_STEP = 1 << 20  # decompressed output drawn in slices of at most this: a gzip bomb cannot balloon
HEADER_ALLOWANCE = 64 * 1024  # WARC and HTTP headers on top of a page of max_file_bytes
RESYNC_PROBE = 512  # bytes decompressed to check that a gzip header found by scanning starts a WARC record
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


# ------------------------------------------------------------ gzip members
class _BadMember(Exception):
    """A gzip member that cannot be read: its code in ``Errors`` and the details the message needs."""

    def __init__(self, code: str, fatal: bool = False, **fields: object) -> None:
        super().__init__(code)
        self.code, self.fatal, self.fields = code, fatal, fields

    def message(self, where: str) -> str:
        return getattr(Errors, self.code).format(source=where, **self.fields)


def _inflate_member(fh, start: int, cap: int) -> tuple[bytes | None, int]:
    """(member decompressed, or None when over ``cap``; offset just after it).  Raises _BadMember."""
    fh.seek(start)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out, over, consumed = bytearray(), False, 0
    try:
        while not inflater.eof:
            raw = fh.read(RAW_CHUNK)
            if not raw:
                raise _BadMember("E253", fatal=True)
            consumed += len(raw)
            data = raw
            while data and not inflater.eof:
                piece = inflater.decompress(data, DECODED_STEP)
                if not over:
                    out += piece
                    if len(out) > cap:
                        over, out = True, bytearray()
                data = inflater.unconsumed_tail
    except zlib.error as exc:
        raise _BadMember("E254", why=exc) from None
    end = start + consumed - len(inflater.unused_data)
    return (None if over else bytes(out)), end


def _starts_record(window: bytes, at: int) -> bool:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(window[at:at + RESYNC_PROBE], 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _next_member(fh, pos: int) -> int | None:
    """Offset of the next gzip member at or after ``pos`` that holds a WARC record, or None."""
    while True:
        fh.seek(pos)
        window = fh.read(RAW_CHUNK + RESYNC_PROBE)
        if not window:
            return None
        at = window.find(GZIP_MAGIC)
        while 0 <= at < RAW_CHUNK:
            if _starts_record(window, at):
                return pos + at
            at = window.find(GZIP_MAGIC, at + 1)
        if len(window) < RAW_CHUNK + RESYNC_PROBE:
            return None
        pos += RAW_CHUNK


def _gzip_records(fh, path: Path, cap: int) -> Iterator[tuple[int, bytes] | IngestError]:
    pos = 0
    while True:
        fh.seek(pos)
        head = fh.read(len(GZIP_MAGIC))
        if not head:
            return
        where = f"{path}@{pos}"
        if head != GZIP_MAGIC:
            found = _next_member(fh, pos)
            yield IngestError(where, reason(getattr(Errors, "E251" if found else "E252").format(source=where), where))
            if found is None:
                return
            pos = found
            continue
        try:
            member, end = _inflate_member(fh, pos, cap)
        except _BadMember as bad:
            found = None if bad.fatal else _next_member(fh, pos + 1)
            yield IngestError(where, reason(bad.message(where), where) + ("; skipped" if found else ""))
            if found is None:
                return
            pos = found
            continue
        if member is None:
            yield IngestError(where, reason(Errors.E255.format(source=where, limit=cap - HEADER_ALLOWANCE), where))
        else:
            yield pos, member
        pos = end


# ------------------------------------------------------------ WARC records
def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            name = value.strip().strip("\"'")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def _page(record, where: str, limits: Limits) -> Record | None:  # noqa: ANN001 - warcio's ArcWarcRecord
    """The record of one archived HTML page, or None when the WARC record is no such page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if content_type and not content_type.startswith(HTML_TYPES):
        return None
    body = record.content_stream().read(limits.max_file_bytes + 1)
    if len(body) > limits.max_file_bytes:
        raise InputError(Errors.E250.format(source=where, limit=limits.max_file_bytes))
    if not body.strip():
        return None
    charset = _charset(content_type)
    html = body.decode(charset, errors="replace") if charset else decode_bytes(body, where)
    if not content_type and "<" not in html[:1000]:
        return None
    return Record(source=where, url=record.rec_headers.get_header("WARC-Target-URI"), html=html,
                  captured=record.rec_headers.get_header("WARC-Date"))


def _records_in(stream, where_of, limits: Limits) -> Iterator[Record | IngestError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    iterator = ArchiveIterator(stream, arc2warc=True)
    where = where_of(1)
    try:
        # (not iterator.get_record_offset(): it reads the record to its end before we can)
        for number, record in enumerate(iterator, 1):
            where = where_of(number)
            try:
                page = _page(record, where, limits)
            except InputError as exc:
                yield IngestError(where, reason(str(exc), where))
                continue
            if page is not None:
                yield page
    except (ArchiveLoadFailed, ValueError, EOFError, OSError, zlib.error, AttributeError) as exc:
        yield IngestError(where, reason(Errors.E256.format(source=where, kind=exc.__class__.__name__, why=str(exc)[:120]), where))


def read_warc(path: Path, limits: Limits = LIMITS) -> Iterator[Record | IngestError]:
    """Every archived HTML page in ``path``, streamed; bad records reported and skipped."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield IngestError(str(path), reason(Errors.E202.format(source=path, why=exc.strerror or exc), str(path)))
        return
    with fh:
        if fh.read(len(GZIP_MAGIC)) != GZIP_MAGIC:  # a plain .warc: one stream, no member framing
            fh.seek(0)
            yield from _records_in(fh, lambda number: f"{path}#record{number}", limits)
            return
        for item in _gzip_records(fh, path, limits.max_file_bytes + HEADER_ALLOWANCE):
            if isinstance(item, IngestError):
                yield item
                continue
            offset, member = item
            yield from _records_in(io.BytesIO(member), lambda _off, o=offset: f"{path}@{o}", limits)
