"""Walk paths and turn each file into records, by what the file is.

The reader never raises for one bad input: it yields an IngestError naming the
path (and line) so a long run reports it and carries on.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from eventwire.config import LIMITS, Limits
from eventwire.errors import Errors, InputError, reason
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.feeds import looks_like_feed, read_feed
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.textfile import HTML_SUFFIXES, read_file_bytes, read_text_file
from eventwire.ingest.warc import is_warc, read_warc
from eventwire.model import IngestError, Record

__all__ = ["HTML_SUFFIXES", "read_inputs", "read_path", "read_text_file", "walk"]

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}  # JSON Feed is sniffed by content
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
_OTHER_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")  # ftp://, file://, gopher://: not fetched


def walk(paths: list[Path]) -> Iterator[Path | IngestError]:
    """Files under ``paths`` in a stable order; folders recursively, hidden files skipped."""
    for path in paths:
        if not path.exists():
            yield IngestError(str(path), reason(Errors.E207.format(source=path), str(path)))
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    if child.suffix.lower() in KNOWN_SUFFIXES or is_warc(child):
                        yield child
        else:
            yield path


def read_path(path: Path, limits: Limits = LIMITS) -> Iterator[Record | IngestError]:
    """Records of one file, chosen by suffix (content sniffed for feeds)."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, limits)
            return
        if is_warc(path):
            yield from read_warc(path, limits)
            return
        data = read_file_bytes(path, limits)
        text = decode_bytes(data, str(path))
        if not text.strip():
            raise InputError(Errors.E204.format(source=path))
        if suffix in FEED_SUFFIXES or looks_like_feed(text):
            # a saved feed is read offline: its teasers stand as the items' text
            yield from read_feed(data, str(path), base_url=None)
        elif suffix in HTML_SUFFIXES or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
            yield Record(source=str(path), html=text)
        else:
            yield Record(source=str(path), text=text)
    except InputError as exc:
        yield IngestError(str(path), reason(str(exc), str(path)))
    except Exception as exc:  # noqa: BLE001 - one file's surprise is reported; the run goes on
        yield IngestError(str(path), reason(Errors.E208.format(source=path, kind=exc.__class__.__name__, why=str(exc)[:200]), str(path)))


def read_inputs(paths: list[str], limits: Limits = LIMITS, fetch=None) -> Iterator[Record | IngestError]:
    """Every record of every input; URLs go to ``fetch`` (see ingest.urls)."""
    for item in paths:
        if item.startswith(("http://", "https://")):
            if fetch is None:
                from eventwire.ingest.urls import fetch_records as fetch
            try:
                yield from fetch(item, limits)
            except Exception as exc:  # noqa: BLE001 - one URL's surprise is reported; the run goes on
                yield IngestError(item, reason(Errors.E245.format(source=item, kind=exc.__class__.__name__, why=str(exc)[:200]), item))
            continue
        if _OTHER_SCHEME.match(item):
            yield IngestError(item, reason(Errors.E230.format(source=item), item))
            continue
        for found in walk([Path(item)]):
            if isinstance(found, IngestError):
                yield found
            else:
                yield from read_path(found, limits)
