"""RSS 2.0 and Atom feeds: one record per item.

Feeds come from strangers, so the XML parser refuses DTDs outright: no
entity expansion (billion laughs) and no external entities can happen.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from eventwire.errors import InputError
from eventwire.model import Record

_FEED_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S | re.I)
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def looks_like_feed(text: str) -> bool:
    return bool(_FEED_START.match(text[:2000]))


def _parse(text: str, source: str) -> ET.Element:
    if re.search(r"<!DOCTYPE|<!ENTITY", text[:10000], re.I):
        raise InputError(f"{source}: feed declares a DTD or entities; refused (entity expansion is unsafe)")
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        raise InputError(f"{source}: malformed feed XML ({exc})") from exc


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def read_feed(text: str, source: str, base_url: str | None) -> Iterator[Record]:
    root = _parse(text, source)
    channel_title = _text(root.find("channel/title")) or _text(root.find(f"{_ATOM}title"))
    items = root.findall(".//item")
    for i, item in enumerate(items, 1):
        body = _text(item.find(_CONTENT)) or _text(item.find("description"))
        yield Record(
            source=f"{source}#item{i}",
            external_id=_text(item.find("guid")),
            url=_text(item.find("link")),
            outlet=channel_title,
            title=_text(item.find("title")),
            published=_text(item.find("pubDate")) or _text(item.find("{http://purl.org/dc/elements/1.1/}date")),
            html=body if body and "<" in body else None,
            text=body if body and "<" not in body else None,
        )
    for i, entry in enumerate(root.findall(f"{_ATOM}entry"), 1):
        link = entry.find(f"{_ATOM}link")
        body = _text(entry.find(f"{_ATOM}content")) or _text(entry.find(f"{_ATOM}summary"))
        yield Record(
            source=f"{source}#entry{i}",
            external_id=_text(entry.find(f"{_ATOM}id")),
            url=link.get("href") if link is not None else None,
            outlet=channel_title,
            title=_text(entry.find(f"{_ATOM}title")),
            published=_text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated")),
            html=body if body and "<" in body else None,
            text=body if body and "<" not in body else None,
        )
