"""Server-rendered HTML for the small web view: an event table, event pages, document pages.

Everything shown comes from news written by strangers, so every value goes
through ``esc`` (or ``href`` for links) and nothing else reaches the page; the
pages load no script, font or stylesheet from anywhere (the app also sends a
Content-Security-Policy that forbids it).  Values come from the public shapes
(``shapes.event_dict`` / ``document_dict``), as in the API.
"""
from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any
from urllib.parse import quote, urlsplit

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:76rem;padding:0 1rem;color:#1d232a}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}a{color:#0b5cad}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d4d9de;padding:.3rem .45rem;
text-align:left;vertical-align:top}th{background:#f1f3f5}.muted{color:#66707a}.warn{color:#a4161a;font-weight:600}
.claim{margin:.2rem 0 .5rem}.sentence{font-style:italic;color:#38414a}.drift td{font-size:.93em}
pre{white-space:pre-wrap;font:inherit;background:#f8f9fa;padding:.75rem;border:1px solid #e4e7ea}
mark#evidence{background:#ffe066;outline:2px solid #f0a500;scroll-margin-top:30vh}
.diff td{width:50%;font-size:.93em}.diff del{background:#fbd3d0}.diff ins{background:#cdeccd;text-decoration:none}
tr.drift td{background:#fff4e0}.drift-note{color:#a4161a;font-weight:600;margin-top:.3rem}
nav{margin-bottom:1rem}
"""


def esc(value: Any) -> str:
    """Text as HTML: every value shown goes through here."""
    return escape("" if value is None else str(value), quote=True)


def href(path: str, ident: str) -> str:
    """A link to one of our own pages for an id (quoted, then escaped)."""
    return esc(f"{path}/{quote(ident, safe='')}")


def _external(url: str | None) -> str:
    """An article's URL: a link only for http(s) (never javascript: and friends)."""
    if not url:
        return '<span class="muted">none</span>'
    if urlsplit(url).scheme.lower() in ("http", "https"):
        return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'
    return esc(url)


def page(title: str, body: str) -> str:
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>{esc(title)} · eventwire</title><link rel=\"icon\" href=\"/static/favicon.svg\">"
        f"<style>{STYLE}</style></head><body>"
        "<nav><a href=\"/\">events</a> · <a href=\"/docs\">API</a></nav>"
        f"{body}</body></html>\n"
    )


def _place(loc: dict | None) -> str:
    if not loc:
        return '<span class="muted">?</span>'
    parts = [loc["name"], loc.get("admin1"), loc.get("country")]
    return esc(", ".join(p for p in parts if p))


def _date(d: dict | None) -> str:
    if not d:
        return '<span class="muted">?</span>'
    text = d["start"] if d["start"] == d["end"] else f"{d['start']} – {d['end']}"
    return esc(text)


def _fatalities(f: dict) -> str:
    if f["best"] is None:
        return '<span class="muted">–</span>'
    spread = f" ({f['low']}–{f['high']})" if f["low"] != f["high"] else ""
    return esc(f"{f['best']}{spread}")


def evidence_href(document: str, span: list[int] | tuple[int, int]) -> str:
    """A link to a sentence: the document page highlights ``s=start-end`` and scrolls to it."""
    return esc(f"/documents/{quote(document, safe='')}?s={int(span[0])}-{int(span[1])}#evidence")


def _linked(html: str, anchor: tuple | None) -> str:
    """``html`` as a link to the sentence it was read from, when there is one."""
    if not anchor:
        return html
    return f'<a class="evidence" href="{evidence_href(anchor[0], anchor[1])}" title="the sentence this comes from">{html}</a>'


def not_found(what: str, ident: str) -> str:
    return page("not found", f"<h1>No {esc(what)} {esc(ident)}</h1><p><a href=\"/\">All events</a></p>")


# ---------------------------------------------------------------------- index
def index(events: list[dict], total: int) -> str:
    rows = []
    for ev in events:
        actors = "; ".join(a["name"] for a in ev["actors"] if a["role"] == "actor1")
        rows.append(
            "<tr>"
            f"<td><a href=\"{href('/events', ev['id'])}\">{esc(ev['id'])}</a></td>"
            f"<td>{_date(ev['date'])}</td>"
            f"<td>{esc(ev['event_type'])}<br><span class=\"muted\">{esc(ev['sub_event_type'])}</span></td>"
            f"<td>{_place(ev['location'])}</td>"
            f"<td>{esc(actors)}</td>"
            f"<td>{_fatalities(ev['fatalities'])}</td>"
            f"<td>{len(ev['documents'])}</td>"
            f"<td>{ev['confidence']:.2f}</td>"
            f"<td>{'<span class=warn title=contradictions>⚠</span>' if ev['contradictions'] else ''}</td>"
            "</tr>"
        )
    shown = f"{len(events)} of {total}" if len(events) < total else str(total)
    table = (
        "<table><thead><tr><th>id</th><th>date</th><th>type</th><th>place</th><th>actor</th>"
        "<th>fatalities</th><th>sources</th><th>confidence</th><th>!</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    ) if rows else "<p class=\"muted\">No events yet: run <code>eventwire ingest</code>.</p>"
    return page("events", f"<h1>Events <span class=\"muted\">({esc(shown)})</span></h1>{table}")


# ---------------------------------------------------------------------- event
def _claim_html(c: dict) -> str:
    value = f"{c['qualifier']} {c['value']}" if c["qualifier"] else f"{c['value']}"
    who = f" — {c['claimant']}" if c["claimant"] else ""
    flags = [c["stance"]] + (["hedged"] if c["hedged"] else [])
    subject = f" ({c['subject']})" if c["subject"] else ""
    return (
        f"<div class=\"claim\"><strong>{esc(value)}</strong>{esc(subject)}{esc(who)} "
        f"<span class=\"muted\">[{esc(', '.join(flags))}]</span>"
        f"<div class=\"sentence\">{_linked('“' + esc(c['sentence']) + '”', (c['document'], c['span']))}</div></div>"
    )


def event_page(ev: dict, outlets: dict[str, str], anchors: dict[str, tuple] | None = None,
               title: str | None = None) -> str:
    """One event: facts, claims side by side (a column per source), contradictions, evidence.

    ``anchors`` maps "date", "place" and "actor:<name>" to (document, span) of
    the sentence each was read from; those facts link to it.
    """
    name = lambda doc: outlets.get(doc) or doc  # noqa: E731
    at = (anchors or {}).get
    facts = [
        ("type", f"{esc(ev['event_type'])} / {esc(ev['sub_event_type'])}"),
        ("date", _linked(_date(ev["date"]), at("date"))
         + (f" <span class=\"muted\">({esc(ev['date']['precision'])})</span>" if ev["date"] else "")),
        ("place", _linked(_place(ev["location"]), at("place"))
         + (f" <span class=\"muted\">({esc(ev['location']['precision'])})</span>" if ev["location"] else "")),
        ("actors", "<br>".join(f"{esc(a['role'])}: {_linked(esc(a['name']), at('actor:' + a['name']))} "
                               f"<span class=\"muted\">(seen as: {esc(', '.join(a['aliases_seen']))})</span>"
                               for a in ev["actors"]) or "<span class=\"muted\">none</span>"),
        ("fatalities", esc(f"best {ev['fatalities']['best']}, low {ev['fatalities']['low']}, high {ev['fatalities']['high']}")),
        ("confidence", esc(f"{ev['confidence']:.2f}") + (f" <span class=\"muted\">({esc('; '.join(ev['confidence_reasons']))})</span>"
                                                          if ev["confidence_reasons"] else "")),
    ]
    body = [f"<h1>{esc(title or ev['id'])}</h1><p class=\"muted\">{esc(ev['id'])}</p><table>"]
    body += [f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in facts]
    body.append("</table>")

    docs = list(ev["documents"])
    body.append("<h2>Claims, source by source</h2>")
    props = sorted({c["property"] for c in ev["claims"]})
    if props:
        head = "".join(f"<th><a href=\"{href('/documents', d)}\">{esc(name(d))}</a></th>" for d in docs)
        body.append(f"<table><thead><tr><th>property</th>{head}</tr></thead><tbody>")
        for prop in props:
            cells = []
            for d in docs:
                made = [_claim_html(c) for c in ev["claims"] if c["property"] == prop and c["document"] == d]
                cells.append(f"<td>{''.join(made) or '<span class=muted>–</span>'}</td>")
            body.append(f"<tr><th>{esc(prop)}</th>{''.join(cells)}</tr>")
        body.append("</tbody></table>")
    else:
        body.append("<p class=\"muted\">No claims.</p>")

    body.append("<h2>Contradictions</h2>")
    if ev["contradictions"]:
        items = []
        for x in ev["contradictions"]:
            between = "; ".join(
                f"{ev['claims'][i]['value']} ({name(ev['claims'][i]['document'])})"
                for i in x["claims"] if 0 <= i < len(ev["claims"])
            )
            items.append(f"<li><span class=\"warn\">{esc(x['property'])}</span>: {esc(x['summary'])}"
                         f"<br><span class=\"muted\">{esc(between)}</span></li>")
        body.append(f"<ul>{''.join(items)}</ul>")
    else:
        body.append("<p class=\"muted\">None.</p>")
    if ev.get("updates"):
        body.append("<h2>Updates</h2><ul>")
        body += [f"<li>{esc(u['property'])}: {esc(u['summary'])}</li>" for u in ev["updates"]]
        body.append("</ul>")

    body.append("<h2>Evidence</h2><table><thead><tr><th>source</th><th>sentence</th><th>why</th></tr></thead><tbody>")
    for m in ev["mentions"]:
        body.append(
            f"<tr><td><a href=\"{href('/documents', m['document'])}\">{esc(name(m['document']))}</a></td>"
            f"<td class=\"sentence\">{_linked(esc(m['sentence']), (m['document'], m['span']))}</td>"
            f"<td class=\"muted\">{esc(m['reason'])}</td></tr>"
        )
    body.append("</tbody></table>")
    if ev.get("references"):
        body.append("<h2>Referred to</h2><p class=\"muted\">Named only to date something else; not sources.</p>"
                    "<table><thead><tr><th>document</th><th>sentence</th><th>why</th></tr></thead><tbody>")
        for m in ev["references"]:
            body.append(
                f"<tr><td><a href=\"{href('/documents', m['document'])}\">{esc(name(m['document']))}</a></td>"
                f"<td class=\"sentence\">{_linked(esc(m['sentence']), (m['document'], m['span']))}</td>"
                f"<td class=\"muted\">{esc(m['reason'])}</td></tr>"
            )
        body.append("</tbody></table>")
    return page(ev["id"], "".join(body))


# ------------------------------------------------------------------- document
def _text_html(text: str, highlight: tuple[int, int] | None) -> str:
    """The document text; the sentence at ``highlight`` (start, end) marked as ``#evidence``."""
    if not highlight or not (0 <= highlight[0] < highlight[1] <= len(text)):
        return esc(text)
    a, b = highlight
    return f'{esc(text[:a])}<mark id="evidence">{esc(text[a:b])}</mark>{esc(text[b:])}'


def _supported(events: Iterable[dict]) -> str:
    items = [f'<li><a href="{href("/events", e["id"])}">{esc(e["headline"])}</a></li>' for e in events]
    if not items:
        return '<h2>Events</h2><p class="muted">This document is the source of no event.</p>'
    return f'<h2>Events this document supports</h2><ul id="supports">{"".join(items)}</ul>'


def document_page(doc: dict, story_members: Iterable[dict], events: Iterable[dict] = (),
                  highlight: tuple[int, int] | None = None, diff_html: str = "") -> str:
    """A document: facts, the events it supports, a copy's diff against its original, the text.

    ``highlight`` is the (start, end) of a sentence an evidence link points at;
    ``diff_html`` is ``web.diff.side_by_side`` for a copy whose original is stored.
    """
    pub = doc["published"]
    facts = [
        ("title", esc(doc["title"])),
        ("outlet", esc(doc["outlet"])),
        ("url", _external(doc["url"])),
        ("published", esc(f"{pub['date'] or '?'} (from {pub['source']}, confidence {pub['confidence']})")
         + (f"<br><span class=\"warn\">{esc(pub['conflict'])}</span>" if pub["conflict"] else "")
         + (f"<br><span class=\"muted\">{esc(pub.get('reason'))}; from {esc(pub.get('evidence'))}</span>"
            if pub.get("reason") else "")),
        ("language", esc(doc["language"])),
        ("story", esc(doc["story"])),
    ]
    if doc["copy_of"]:
        c = doc["copy_of"]
        facts.append(("copy of", f"<a href=\"{href('/documents', c['document'])}\">{esc(c['document'])}</a> "
                                 f"{esc(c['relation'])}, similarity {esc(c['similarity'])}"))
    others = [m for m in story_members if m["id"] != doc["id"]]
    if others:
        facts.append(("same story", "<br>".join(
            f"<a href=\"{href('/documents', m['id'])}\">{esc(m['id'])}</a> {esc(m['outlet'] or '')}" for m in others)))
    body = [f"<h1>{esc(doc['title'] or doc['id'])}</h1><table>"]
    body += [f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in facts]
    body.append("</table>")
    body.append(_supported(events))
    if diff_html:
        body.append(f"<h2>Beside its original</h2>{diff_html}")
    if doc["drift"]:
        body.append("<h2>Changes from the original</h2><table class=\"drift\"><thead><tr><th>kind</th>"
                    "<th>original</th><th>this copy</th><th>note</th></tr></thead><tbody>")
        for d in doc["drift"]:
            body.append(f"<tr><td>{esc(d['kind'])}</td><td>{esc(d['original'])}</td><td>{esc(d['copy'])}</td>"
                        f"<td>{esc(d['note'])}</td></tr>")
        body.append("</tbody></table>")
    body.append(f"<h2>Text</h2><pre id=\"text\">{_text_html(doc['text'], highlight)}</pre>")
    if doc["removed"]:
        blocks = "".join(f"<pre>{esc(r)}</pre>" for r in doc["removed"])
        body.append(f"<details><summary>{len(doc['removed'])} boilerplate blocks removed</summary>{blocks}</details>")
    return page(doc["title"] or doc["id"], "".join(body))
