"""``watch --feeds FILE``: the feeds to poll, from a plain list or an OPML file.

A plain list has one feed per line (a URL or a path), optionally followed by
its own interval in seconds; blank lines and ``#`` comments are skipped:

    https://news.example/rss.xml
    https://wire.example/feed.atom   900   # busy wire, every 15 minutes

OPML (what feed readers export) names each feed in an outline's ``xmlUrl``;
an ``interval`` attribute (seconds), where present, is honoured.  The OPML is
read with the same refusal of DTDs and entities as feeds themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from eventwire.errors import Errors, InputError
from eventwire.ingest.feeds import declares_dtd
from eventwire.ingest.decode import decode_bytes

MIN_INTERVAL_SECONDS = 1.0
MAX_LIST_BYTES = 5_000_000  # a list of feeds, not an archive: ~50k feeds


@dataclass(frozen=True)
class FeedSpec:
    url: str  # an http(s) URL or a local path
    interval: float | None = None  # seconds; None: the watcher's default


def _interval(raw: str, where: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise InputError(Errors.E542.format(source=where, raw=raw)) from None
    if value < MIN_INTERVAL_SECONDS:
        raise InputError(Errors.E543.format(source=where, raw=raw, minimum=MIN_INTERVAL_SECONDS))
    return value


def _plain(text: str, source: str) -> list[FeedSpec]:
    specs = []
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split("#", 1)[0].split() if not line.lstrip().startswith("#") else []
        if not words:
            continue
        if len(words) > 2:
            raise InputError(Errors.E544.format(source=f"{source}:{number}", count=len(words)))
        specs.append(FeedSpec(words[0], _interval(words[1], f"{source}:{number}") if len(words) == 2 else None))
    return specs


def _opml(text: str, source: str) -> list[FeedSpec]:
    if declares_dtd(text):
        raise InputError(Errors.E545.format(source=source))
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise InputError(Errors.E546.format(source=source, why=exc)) from exc
    specs = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            raw = outline.get("interval")
            specs.append(FeedSpec(url, _interval(raw, f"{source}: {url}") if raw else None))
    return specs


def read_feed_list(path: Path) -> list[FeedSpec]:
    """The feeds named in ``path``, in order, each once; InputError when it cannot be used."""
    try:
        data = path.read_bytes()[: MAX_LIST_BYTES + 1]
    except OSError as exc:
        raise InputError(Errors.E202.format(source=path, why=exc.strerror or exc)) from exc
    if len(data) > MAX_LIST_BYTES:
        raise InputError(Errors.E547.format(source=path, limit=MAX_LIST_BYTES))
    text = decode_bytes(data, str(path))
    # markup is OPML (or refused as such); a plain list's lines are URLs and paths, never "<"
    specs = _opml(text, str(path)) if text.lstrip().startswith("<") else _plain(text, str(path))
    if not specs:
        raise InputError(Errors.E548.format(source=path))
    unique: dict[str, FeedSpec] = {}
    for spec in specs:
        unique.setdefault(spec.url, spec)
    return list(unique.values())
