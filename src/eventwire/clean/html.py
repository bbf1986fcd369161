"""Main text and metadata out of a raw HTML page.

trafilatura finds the article body, title and site name; htmldate, asked for
the original publication date from the page's metadata only (no guessing from
the body, which the text cascade in ``dates`` does with evidence), gives the
date.  The extracted text then goes through the same line filter as flat text:
trafilatura keeps injected keyword lines and some captions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.config import LIMITS, Limits
from eventwire.errors import Errors, InputError

# -- size and depth guards ----------------------------------------------------
# Everything here is one linear pass: hostile pages (unclosed <script>, a
# million "<a" without ">") must not make a regex backtrack quadratically.
_BULKY = ("script", "style", "noscript", "svg", "template")
_DATA_URI = re.compile(r"data:[\w/+.-]{1,100};base64,[A-Za-z0-9+/=\s]{256,}")
# the tag name only: no "[^>]*", which rescans the rest of the page after every "<"
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})")
# elements that are never containers, or whose end tag is optional (an unclosed
# <p> or <li> is ordinary sloppy HTML, not nesting)
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rp rt".split()
)


def _cut_elements(html: str, lower: str, name: str) -> tuple[str, str]:
    """Remove every <name …>…</name> (to the end of the page when unclosed)."""
    out, low_out, pos = [], [], 0
    opener, closer = f"<{name}", f"</{name}"
    while True:
        start = lower.find(opener, pos)
        if start < 0:
            break
        after = start + len(opener)
        if after < len(lower) and (lower[after].isalnum() or lower[after] in "-:"):
            out.append(html[pos:after]), low_out.append(lower[pos:after])  # <scripts>, <svg-icon>: not ours
            pos = after
            continue
        out.append(html[pos:start]), low_out.append(lower[pos:start])
        end = lower.find(closer, after)
        if end < 0:
            pos = len(html)
            break
        gt = lower.find(">", end)
        pos = len(html) if gt < 0 else gt + 1
    out.append(html[pos:]), low_out.append(lower[pos:])
    return "".join(out), "".join(low_out)


def _cut_comments(html: str) -> str:
    out, pos = [], 0
    while True:
        start = html.find("<!--", pos)
        if start < 0:
            break
        out.append(html[pos:start])
        end = html.find("-->", start + 4)
        pos = len(html) if end < 0 else end + 3
    out.append(html[pos:])
    return "".join(out)


def slim_html(html: str) -> str:
    """The page without scripts, styles, inline SVG, comments and base64 data: URIs (no text is lost)."""
    lower = html.lower()
    for name in _BULKY:
        if f"<{name}" in lower:
            html, lower = _cut_elements(html, lower, name)
    html = _cut_comments(html)
    return _DATA_URI.sub("data:,", html)


# malformed markup can form new tags where dropped ones were joined ("<" + "d>"): flatten again,
# and after this many passes treat every "<" as text (found by the fuzzer: fuzz/fuzz_clean.py)
MAX_FLATTEN_PASSES = 4


def flatten_deep(html: str, max_depth: int) -> tuple[str, int]:
    """(html, deepest nesting seen): tags opened beyond ``max_depth`` — and their end
    tags — are dropped and their text kept, so the parser sees a tree it can hold.
    The html returned never nests deeper than ``max_depth``."""
    out, deepest = _flatten_once(html, max_depth)
    if out is html:
        return out, deepest
    for _ in range(MAX_FLATTEN_PASSES):
        again, depth = _flatten_once(out, max_depth)
        if depth <= max_depth:
            return out, deepest
        out = again
    return out.replace("<", "&lt;"), deepest


def _flatten_once(html: str, max_depth: int) -> tuple[str, int]:
    if html.count("<") <= max_depth:  # cannot nest that deep: the common case costs one count
        return html, 0
    stack: list[str] = []
    deepest, out, pos, cursor = 0, [], 0, 0
    dropped: dict[str, int] = {}
    gt = -1  # the next ">" at or after pos, found once and reused: a page of "<div" without ">" stays linear
    while True:
        m = _TAG.search(html, pos)
        if m is None:
            break
        closing, name = m.group(1), m.group(2).lower()
        pos = m.end()
        if name in _NOT_NESTING:
            continue
        if gt < pos and gt != len(html):
            found = html.find(">", pos)
            gt = len(html) if found < 0 else found
        tag_end = min(gt + 1, len(html))
        if html[pos:tag_end].rstrip(">").rstrip().endswith("/"):
            continue  # <div/>: opens nothing worth counting
        if not closing:
            if len(stack) >= max_depth:
                dropped[name] = dropped.get(name, 0) + 1
                out.append(html[cursor:m.start()])
                cursor = pos = tag_end
                deepest = max(deepest, len(stack) + sum(dropped.values()))
                continue
            stack.append(name)
            deepest = max(deepest, len(stack))
        elif dropped.get(name):
            dropped[name] -= 1
            out.append(html[cursor:m.start()])
            cursor = pos = tag_end
        elif name in stack:
            while stack and stack.pop() != name:  # an end tag closes what it skipped over
                pass
    if cursor == 0:
        return html, deepest
    out.append(html[cursor:])
    return "".join(out), deepest


def prepare_html(html: str, limits: Limits = LIMITS, *, source: str = "") -> str:
    """The page as trafilatura may safely see it, or InputError when it is too big even slimmed."""
    if len(html) > limits.max_html_chars:
        size = len(html)
        html = slim_html(html)
        if len(html) > limits.max_html_chars:
            raise InputError(Errors.E305.format(source=source, size=size, slim=len(html), limit=limits.max_html_chars))
    html, _ = flatten_deep(html, limits.max_html_depth)
    return html


# -- fragments ------------------------------------------------------------------
# A feed item's body is a fragment ("<p>Missiles hit the port.</p>"): too short
# for trafilatura to call it main text, yet all text.  A whole page that yields
# nothing is boilerplate and stays empty; a fragment yields its own text.
_PAGE_MARKERS = re.compile(r"<(?:html|body|head)\b", re.I)
_BLOCK_TAGS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote tr pre ul ol table dd dt figcaption section article header footer".split()
)
_DROPPED_TAGS = ("script", "style", "noscript", "template", "svg")


def is_fragment(html: str) -> bool:
    return not _PAGE_MARKERS.search(html)


# control characters XML cannot hold (all but tab, newline, carriage return): lxml's HTML parser keeps
# them in the text it reads, then refuses them when a tail is written back; they carry no text
XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def fragment_text(html: str) -> str:
    """The text of an HTML fragment, one paragraph per block element, scripts and styles dropped."""
    from lxml import etree
    from lxml import html as lhtml

    html = XML_INCOMPATIBLE.sub("", html)
    try:
        root = lhtml.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in [el for el in root.iter(*_DROPPED_TAGS)]:
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCK_TAGS:
            el.tail = "\n\n" + (el.tail or "")
    paragraphs = re.split(r"\n[^\S\n]*\n\s*", root.text_content())
    lines = ("\n".join(" ".join(line.split()) for line in p.split("\n") if line.strip()) for p in paragraphs)
    return "\n\n".join(p for p in lines if p)


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    sitename: str | None
    date: str | None  # "YYYY-MM-DD" from htmldate


def extract_html(html: str, url: str | None = None, *, source: str = "", limits: Limits = LIMITS) -> HtmlExtract:
    """Run trafilatura and htmldate on one page; library failures become ``InputError``."""
    import htmldate
    import trafilatura

    html = prepare_html(html, limits, source=source)

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
        )
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise InputError(Errors.E306.format(source=source, kind=exc.__class__.__name__)) from exc
    try:
        day = htmldate.find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d", url=url)
    except (ValueError, TypeError, AttributeError, RecursionError):
        day = None  # a page without a readable date is common, not an error
    text = (doc.text or "") if doc is not None else ""
    if not text.strip() and is_fragment(html):
        text = fragment_text(html)
    if doc is None:
        return HtmlExtract(text=text, title=None, sitename=None, date=day)
    return HtmlExtract(
        text=text,
        title=(doc.title or None),
        sitename=(doc.sitename or None),
        date=day,
    )
