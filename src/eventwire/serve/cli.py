"""The `eventwire` command line (see OUTPUT.md for the contract)."""
from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.config import default_db_url
from eventwire.errors import Errors, EventwireError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Conflict news in, verified event log out.")
# Where a program or a test reads the output, lines must not be wrapped at the
# terminal's width (COLUMNS=40 split "no such file" across two lines): tables
# get a fixed wide width off a terminal, and messages are never wrapped.
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)


class RichProgress:
    """Progress bars on stderr, only when a person is watching."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    @contextlib.contextmanager
    def task(self, description: str, total: int | None = None) -> Iterator:
        if not self.enabled:
            yield lambda n=1: None
            return
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, transient=True,
        ) as bar:
            tid = bar.add_task(description, total=total)
            yield lambda n=1: bar.advance(tid, n)


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option("--db", help="Database URL (sqlite:///file.db or postgresql://...). Default: EVENTWIRE_DB or a SQLite file in your data folder.")] = None,
) -> None:
    ctx.obj = {"db": db or default_db_url()}


def _pipeline(ctx: typer.Context, progress: bool = False, **engine):
    from eventwire.pipeline import Pipeline

    return Pipeline(ctx.obj["db"], progress=RichProgress(progress and err.is_terminal), **engine)


def _session(ctx: typer.Context):
    from eventwire.store.database import make_engine, make_sessionmaker

    return make_sessionmaker(make_engine(ctx.obj["db"]))()


@app.command()
def ingest(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, JSONL, HTML, RSS/Atom feeds or http(s) URLs.")],
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Processes that clean and extract (default: the machine's cores; 1: all in this process). With --engine dask and no --scheduler: the LocalCluster's workers.")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local (this machine) or dask (a Dask cluster)")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a LocalCluster")] = None,
) -> None:
    """Read articles, find copies and events, and store them."""
    from eventwire.engines.local import default_workers, start_fork_server

    if engine == "local" and (workers or default_workers()) > 1:
        start_fork_server()  # the workers' model loads while this process imports the pipeline
    pipe = _pipeline(ctx, progress=True, workers=workers or default_workers(), engine=engine, scheduler=scheduler)
    try:
        summary = pipe.ingest(inputs)
    finally:
        pipe.close()
    for e in summary.errors:
        err.print(f"[red]failed[/red] {e.source}: {e.reason}", highlight=False)
    err.print(summary.line(), highlight=False)
    if summary.failed:
        raise typer.Exit(code=2)


@app.command()
def refuse(ctx: typer.Context) -> None:
    """Fuse every stored mention into events again from scratch (after fusion rules change).

    Ingest fuses only what new documents touch; this gives the same events for
    the same mentions, and rebuilds the fusion index.
    """
    pipe = _pipeline(ctx)
    total, (added, changed, removed) = pipe.refuse()
    err.print(f"{total} events in the database (+{added} new, {changed} updated, {removed} merged)", highlight=False)


def _parse_date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(Errors.E501.format(name=name, value=value))


@app.command()
def events(
    ctx: typer.Context,
    type: Annotated[Optional[str], typer.Option("--type", help="ACLED event type or sub-type")] = None,
    since: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO country code, e.g. RU")] = None,
    actor: Annotated[Optional[str], typer.Option(help="part of an actor's name")] = None,
    all_: Annotated[bool, typer.Option("--all", help="also show context events without a usable place or date")] = False,
) -> None:
    """List events as a table."""
    from eventwire.store.repository import query_events

    with _session(ctx) as s:
        evs = query_events(s, event_type=type, since=_parse_date(since, "--since"), until=_parse_date(until, "--until"),
                           country=country, actor=actor, include_context=all_)
    table = Table(title=f"{len(evs)} events", show_lines=False)
    for col in ("id", "date", "type", "place", "actors", "fatalities", "sources", "conf", "!"):
        table.add_column(col, overflow="fold")
    for ev in evs:
        f = ev.fatalities
        table.add_row(
            ev.id,
            ev.date.start.isoformat() if ev.date else "?",
            ev.sub_event_type,
            f"{ev.location.name}, {ev.location.country}" if ev.location else "?",
            "; ".join(a.name for a in ev.actors if a.role == "actor1")[:60],
            f"{f.best}" + (f" ({f.low}-{f.high})" if f.low != f.high else ""),
            str(len(ev.documents)),
            f"{ev.confidence:.2f}",
            "⚠" if ev.contradictions else "",
        )
    out.print(table)


@app.command()
def show(ctx: typer.Context, event_id: str) -> None:
    """One event: claims by property with claimants side by side, contradictions, evidence."""
    from eventwire.store.repository import get_event, read_document

    with _session(ctx) as s:
        ev = get_event(s, event_id)
        if ev is None:
            err.print(Errors.E502.format(event=event_id), highlight=False, markup=False)
            raise typer.Exit(code=1)
        rows = {d: read_document(s, d) for d in dict.fromkeys([*ev.documents, *(m.document for m in ev.references)])}
        titles = {d: (r.outlet or d) if r is not None else d for d, r in rows.items()}
        copies = {d: (r.copy_of, list(r.drift or [])) for d, r in rows.items() if r is not None and r.copy_of}
        for d, (link, _drift) in copies.items():
            if link["document"] not in titles:
                orig = read_document(s, link["document"])
                titles[link["document"]] = (orig.outlet if orig is not None else None) or link["document"]
    loc = ev.location
    out.print(f"[bold]{ev.id}[/bold]  {ev.event_type} / {ev.sub_event_type}")
    out.print(f"date: {ev.date.start}..{ev.date.end} ({ev.date.precision})" if ev.date else "date: unknown")
    if loc:
        out.print(f"place: {loc.name}, {loc.admin1 or '-'}, {loc.country} ({loc.precision}; {loc.lat:.3f}, {loc.lon:.3f})")
    for a in ev.actors:
        out.print(f"{a.role}: {a.name}  [dim](seen as: {a.alias})[/dim]")
    out.print(f"fatalities: best {ev.fatalities.best}, low {ev.fatalities.low}, high {ev.fatalities.high}")
    out.print(f"confidence: {ev.confidence} ({'; '.join(ev.confidence_reasons)})")
    props = sorted({c.property for c in ev.claims})
    for prop in props:
        t = Table(title=f"claims: {prop}")
        for col in ("value", "subject", "claimant", "stance", "hedged", "source", "sentence"):
            t.add_column(col, overflow="fold")
        for c in ev.claims:
            if c.property == prop:
                t.add_row(f"{c.qualifier + ' ' if c.qualifier else ''}{c.value}", c.subject or "", c.claimant or "",
                          c.stance, "yes" if c.hedged else "", titles.get(c.evidence.document, c.evidence.document),
                          c.evidence.sentence)
        out.print(t)
    for x in ev.contradictions:
        out.print(f"[red]contradiction[/red] {x.summary}")
    for u in ev.updates:
        out.print(f"[yellow]update[/yellow] {u.summary}")
    for d, (link, drift) in copies.items():
        out.print(f"[bold]{titles[d]}[/bold] is a {link['relation']} of {titles[link['document']]} "
                  f"(similarity {link['similarity']})", highlight=False)
        for x in drift:
            out.print(f"  [yellow]drift ({x['kind']})[/yellow] {x['note']}\n    original: {x['original']}\n    copy:     {x['copy']}",
                      highlight=False)
    out.print("[bold]evidence[/bold]")
    for m in ev.mentions:
        out.print(f"- {titles.get(m.document, m.document)}: {m.evidence.sentence}  [dim]{m.reason}[/dim]", highlight=False)
    if ev.references:
        out.print("[bold]referred to[/bold] (named only to date something else; not sources)")
    for m in ev.references:
        out.print(f"- {titles.get(m.document, m.document)}: {m.evidence.sentence}  [dim]{m.reason}[/dim]", highlight=False)


@app.command()
def export(
    ctx: typer.Context,
    what: Annotated[str, typer.Option(help="events | documents | claims")] = "events",
    format: Annotated[str, typer.Option("--format", help="jsonl | csv | geojson | acled-csv (ACLED's columns) | "
                                                         "acled-extras (our claims and evidence per event_id_cnty)")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="file to write (default: stdout)")] = None,
) -> None:
    """Export events, documents or claims."""
    from eventwire.serve.exports.run import EVENTS_ONLY, FORMATS, WHATS, write_export

    if what not in WHATS:
        raise typer.BadParameter(Errors.E503)
    if format not in FORMATS:
        raise typer.BadParameter(Errors.E504)
    if what != "events" and format in EVENTS_ONLY:
        raise typer.BadParameter(Errors.E505.format(format=format))
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        with _session(ctx) as s:
            n = write_export(s, what, format, stream)
    finally:
        if output:
            stream.close()
    err.print(f"wrote {n} {what}" + (f" to {output}" if output else ""))


def _jsonl_lines(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                err.print(Errors.E507.format(source=path, line=n, why=exc.msg), highlight=False, markup=False)
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                err.print(Errors.E508.format(source=path, line=n), highlight=False, markup=False)
                continue
            yield n, obj


@app.command()
def classify(file: Path) -> None:
    """ACLED type/sub-type per {"id","text"} line (null when no conflict event)."""
    from eventwire.extract.snippets import SnippetClassifier

    clf = SnippetClassifier()
    for _n, obj in _jsonl_lines(file):
        res = clf.classify(obj["text"])
        print(json.dumps({"id": obj.get("id"), "event_type": res[0] if res else None,
                          "sub_event_type": res[1] if res else None}))


@app.command()
def places(file: Path) -> None:
    """Toponyms with character offsets and coordinates per {"id","text"} line."""
    from eventwire.extract.factory import build_place_finder
    from eventwire.extract.nlp import load_nlp
    from eventwire.extract.places import NER_PLACE_LABELS, places_record

    finder, nlp = build_place_finder(), load_nlp()
    for _n, obj in _jsonl_lines(file):
        doc = nlp(obj["text"][: nlp.max_length - 1])
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in NER_PLACE_LABELS]
        print(json.dumps(places_record(finder, obj, spans), ensure_ascii=False))


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="address to listen on; anything but loopback exposes the database to the network")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port")] = 8000,
    allowed_host: Annotated[Optional[list[str]], typer.Option(
        "--allowed-host", help="a Host name to serve besides loopback (repeat for more); others get 400")] = None,
) -> None:
    """Serve the read-only REST API (/api/…, OpenAPI at /docs) and the web pages (/)."""
    import uvicorn

    from eventwire.serve.api import create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/yellow] the API has no authentication; anyone who can reach {host}:{port} can read it")
    hosts = list(allowed_host or [])
    if host not in ("0.0.0.0", "::", ""):  # a named address is a name clients will use
        hosts.append(host)
    err.print(f"serving http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", highlight=False)
    uvicorn.run(create_app(ctx.obj["db"], allowed_hosts=hosts), host=host, port=port, log_level="info",
                server_header=False)


@app.command()
def watch(
    ctx: typer.Context,
    feeds: Annotated[Optional[list[str]], typer.Argument(help="Feeds to poll: http(s) URLs or feed files (RSS, Atom, JSON Feed)")] = None,
    feeds_file: Annotated[Optional[Path], typer.Option("--feeds", help="a file listing feeds: one per line (URL [seconds]) or OPML")] = None,
    interval: Annotated[float, typer.Option(min=1.0, help="seconds between polls of a feed (a feed's own interval in --feeds wins)")] = 300.0,
    once: Annotated[bool, typer.Option("--once", help="poll every feed once, then stop")] = False,
) -> None:
    """Poll feeds and ingest what is new, until Ctrl-C (or SIGTERM after the poll under way)."""
    import signal
    import threading

    from eventwire.serve.watch import Watcher
    from eventwire.serve.watch.feedlist import FeedSpec, read_feed_list

    specs = [FeedSpec(f) for f in feeds or ()] + (read_feed_list(feeds_file) if feeds_file else [])
    if not specs:
        raise typer.BadParameter(Errors.E506)

    def report(line: str, outcome) -> None:  # noqa: ANN001
        for e in (outcome.summary.errors if outcome.summary else ()):
            err.print(f"[red]failed[/red] {e.source}: {e.reason}", highlight=False)
        err.print(line, highlight=False)

    stop = threading.Event()
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, lambda _sig, _frame: stop.set())
    try:
        totals = Watcher(_pipeline(ctx), specs, interval=interval, report=report, stop=stop).run(once=once)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    err.print(totals.line(), highlight=False)
    if once and totals.failed:
        raise typer.Exit(code=2)


def main() -> None:
    from sqlalchemy.exc import OperationalError, DatabaseError

    try:
        app()
    except EventwireError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)
    except (OperationalError, DatabaseError) as exc:
        # a locked, corrupt or unreachable database: say which and why, without a traceback
        err.print(f"[red]database error:[/red] {exc.orig if getattr(exc, 'orig', None) else exc}")
        sys.exit(3)
