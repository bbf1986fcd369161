"""The home page: filter form, map, timeline, headline list, paging and export buttons.

The server renders the form with the URL's filters and the first page of
rows, so the list, paging and exports work with no script at all;
``static/desk.js`` then draws the map (country shapes from world-atlas,
markers sized by fatalities and coloured by type, clustered when dense) and
the timeline, whose brushing narrows the date range of the map and the list
and writes it into the URL.  Every value goes through ``render.esc``.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

from eventwire.serve.api.render import esc, href, page

EVENT_TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Suicide bomb", "Grenade", "Chemical weapon"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance", "Sexual violence"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}
# marker colours per event type (also in the legend); shared with desk.js through data attributes
TYPE_COLOURS = {
    "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#7f8c8d",
}
EXPORTS = (("events", "csv", "CSV"), ("events", "jsonl", "JSONL"), ("events", "geojson", "GeoJSON"),
           ("events", "acled-csv", "ACLED CSV"), ("events", "acled-extras", "ACLED extras"),
           ("claims", "csv", "claims CSV"))
VENDOR_SCRIPTS = ("leaflet/dist/leaflet.js", "leaflet.markercluster/dist/leaflet.markercluster.js",
                  "topojson-client/dist/topojson-client.min.js", "uplot/dist/uPlot.iife.min.js")
VENDOR_STYLES = ("leaflet/dist/leaflet.css", "leaflet.markercluster/dist/MarkerCluster.css",
                 "leaflet.markercluster/dist/MarkerCluster.Default.css", "uplot/dist/uPlot.min.css")


def _input(name: str, label: str, value: str, kind: str = "text", extra: str = "") -> str:
    return (f'<label>{esc(label)} <input type="{kind}" name="{name}" id="f-{name}" value="{esc(value)}" {extra}>'
            "</label>")


def _type_select(current: str) -> str:
    options = ['<option value="">any type</option>']
    for family, subs in EVENT_TYPES.items():
        sel = " selected" if current.lower() == family.lower() else ""
        options.append(f'<option value="{esc(family)}"{sel}>{esc(family)}</option>')
        for sub in subs:
            sel = " selected" if current.lower() == sub.lower() else ""
            options.append(f'<option value="{esc(sub)}"{sel}>&nbsp;&nbsp;{esc(sub)}</option>')
    return f'<label>type <select name="type" id="f-type">{"".join(options)}</select></label>'


def _form(q: Mapping[str, str]) -> str:
    get = lambda k: q.get(k, "")  # noqa: E731
    checked = " checked" if get("contradicted") in ("true", "1", "on") else ""
    return (
        '<form id="filters" method="get" action="/">'
        + _input("since", "from", get("since"), "date") + _input("until", "to", get("until"), "date")
        + _type_select(get("type")) + _input("country", "country", get("country"), extra='size="3" maxlength="3"')
        + _input("admin1", "region", get("admin1")) + _input("actor", "actor", get("actor"))
        + _input("q", "text", get("q"), "search")
        + f'<label><input type="checkbox" name="contradicted" id="f-contradicted" value="true"{checked}> only contradicted</label>'
        + _input("min_confidence", "min confidence", get("min_confidence"), "number", 'min="0" max="1" step="0.05"')
        + '<button type="submit">Apply</button> <a href="/">clear</a></form>'
    )


def _row(r: Mapping) -> str:
    where = ", ".join(x for x in (r["admin1"], r["country"]) if x)
    flag = ' <span class="warn" title="sources contradict each other">disputed</span>' if r["contradicted"] else ""
    return (f'<li class="row" data-id="{esc(r["id"])}"><a href="{href("/events", r["id"])}">{esc(r["headline"])}</a>'
            f'<div class="muted">{esc(r["event_type"])} · {esc(where)} · confidence {r["confidence"]:.2f}{flag}</div></li>')


def _pager(q: Mapping[str, str], total: int, limit: int, offset: int) -> str:
    links = []
    if offset > 0:
        links.append(f'<a id="prev" href="/?{esc(urlencode({**q, "offset": max(0, offset - limit)}))}">← newer</a>')
    if offset + limit < total:
        links.append(f'<a id="next" href="/?{esc(urlencode({**q, "offset": offset + limit}))}">older →</a>')
    return f'<nav class="pager">{" ".join(links)}</nav>'


def _exports(q: Mapping[str, str]) -> str:
    keep = {k: v for k, v in q.items() if k not in ("offset", "limit")}
    links = [f'<a class="button" href="/api/export?{esc(urlencode({**keep, "what": w, "format": f}))}">{esc(label)}</a>'
             for w, f, label in EXPORTS]
    return f'<p class="exports">Export this view: {" ".join(links)}</p>'


def home(q: Mapping[str, str], rows: Sequence[Mapping], total: int, limit: int, offset: int,
         missing: Sequence[str]) -> str:
    """The desk; ``q`` are the URL's filters as given, ``missing`` the vendor files not installed."""
    notice = ""
    if missing:
        notice = ('<p id="assets-missing" class="warn">The map and timeline cannot be drawn: their browser files are '
                  f'not installed ({esc(", ".join(missing[:3]))}{"…" if len(missing) > 3 else ""}). Run '
                  '<code>make install</code> (it runs <code>npm ci</code>); the list, filters and exports work '
                  'without them. Nothing is loaded from the internet.</p>')
    legend = "".join(f'<span class="key"><i style="background:{c}"></i>{esc(t)}</span>' for t, c in TYPE_COLOURS.items())
    shown = f"{offset + 1}–{offset + len(rows)} of {total}" if rows else f"0 of {total}"
    listing = "".join(_row(r) for r in rows) or '<li class="muted">No events match.</li>'
    styles = "".join(f'<link rel="stylesheet" href="/vendor/{s}">' for s in VENDOR_STYLES) if not missing else ""
    scripts = "".join(f'<script src="/vendor/{s}"></script>' for s in VENDOR_SCRIPTS) if not missing else ""
    body = (
        f'{styles}<link rel="stylesheet" href="/static/desk.css"><h1>Events</h1>{notice}{_form(q)}'
        f'<div id="desk" data-colours="{esc(_colours_attr())}" data-assets="{"missing" if missing else "ok"}">'
        f'<div id="map" aria-label="map of events"></div><p class="legend">{legend}</p>'
        '<div id="timeline-box"><div id="timeline" aria-label="events per day; drag to choose dates"></div>'
        '<p class="muted" id="brush-note">Drag across the timeline to narrow the dates.</p></div></div>'
        f'<h2>Events <span class="muted" id="shown">{esc(shown)}</span></h2>{_exports(q)}'
        f'<ol id="rows">{listing}</ol>{_pager(q, total, limit, offset)}'
        f'{scripts}<script src="/static/desk.js"></script>'
    )
    return page("events", body)


def _colours_attr() -> str:
    return ";".join(f"{t}={c}" for t, c in TYPE_COLOURS.items())
