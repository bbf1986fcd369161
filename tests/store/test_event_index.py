"""The desk's index: filters, order and paging in SQL must agree with the events themselves."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, inspect, select, text

from eventwire.store.database import make_engine, make_sessionmaker
from eventwire.store.event_index import (
    EventFilter, claim_page, count_matching, day_counts, ensure_event_index, events_of_document, find_events,
    like_escape, load_events,
)
from eventwire.store.orm import EventIndexRow, MetaRow
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "serve"))
from deskdata import N_EVENTS, doc_id, fill, make_event  # noqa: E402
from pg_server import fresh_schema  # noqa: E402

ALL = [make_event(i) for i in range(N_EVENTS)]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def url(request, tmp_path_factory):
    """The same index on SQLite (FTS5) and on a real PostgreSQL server (its full text)."""
    if request.param == "sqlite":
        u = f"sqlite:///{tmp_path_factory.mktemp('idx') / 'idx.db'}"
        fill(u)
        yield u
        return
    with fresh_schema() as u:
        fill(u)
        yield u


@pytest.fixture()
def session(url):
    with make_sessionmaker(make_engine(url))() as s:
        yield s


def _expected(pred) -> list[str]:
    hits = [e for e in ALL if pred(e)]
    return [e.id for e in sorted(sorted(hits, key=lambda e: e.id), key=lambda e: e.date.start, reverse=True)]


@pytest.mark.parametrize(("f", "pred"), [
    (EventFilter(), lambda e: True),
    (EventFilter(event_type="battles"), lambda e: e.event_type == "Battles"),
    (EventFilter(event_type="AIR/DRONE STRIKE"), lambda e: e.sub_event_type == "Air/drone strike"),
    (EventFilter(country="ru"), lambda e: e.location.country == "RU"),
    (EventFilter(admin1="kharkiv oblast"), lambda e: e.location.admin1 == "Kharkiv Oblast"),
    (EventFilter(since=date(2024, 3, 10), until=date(2024, 3, 12)),
     lambda e: date(2024, 3, 10) <= e.date.start <= date(2024, 3, 12)),
    (EventFilter(contradicted=True), lambda e: bool(e.contradictions)),
    (EventFilter(min_confidence=0.7), lambda e: e.confidence >= 0.7),
    (EventFilter(text="kherson"), lambda e: e.location.name == "Kherson"),
    (EventFilter(text="kher drones"), lambda e: e.location.name == "Kherson"),  # word starts, every word
    (EventFilter(text="Belgorod Kherson"), lambda e: False),
    (EventFilter(actor="Forces of Russia"), lambda e: True),
    (EventFilter(actor="100%"), lambda e: False),
    (EventFilter(actor="f"), lambda e: any("f" in a.name.lower() for a in e.actors)),
    (EventFilter(text="kherson_"), lambda e: e.location.name == "Kherson"),  # "_" is no word character
    (EventFilter(text="___"), lambda e: False),
    (EventFilter(actor="ukraine", country="ua"), lambda e: e.location.country == "UA"
     and any("ukraine" in a.name.lower() for a in e.actors)),
    (EventFilter(text="drones", event_type="battles", contradicted=True),
     lambda e: e.event_type == "Battles" and bool(e.contradictions)),
    (EventFilter(actor="f", text="kherson", min_confidence=0.5), lambda e: e.location.name == "Kherson"
     and e.confidence >= 0.5 and any("f" in a.name.lower() for a in e.actors)),
])
def test_filters_order_and_count_in_sql(session, f, pred):
    want = _expected(pred)
    assert [s.id for s in find_events(session, f)] == want
    assert count_matching(session, f) == len(want)
    assert [s.id for s in find_events(session, f, limit=7, offset=3)] == want[3:10]
    # a page of a set read and sorted (a small total given) or walked newest first (a large one): the same rows
    for total in (0, len(want), 10**9):
        assert [s.id for s in find_events(session, f, limit=7, offset=3, total=total)] == want[3:10]
    days: dict[date, int] = {}
    for e in ALL:
        if e.id in set(want):
            days[e.date.start] = days.get(e.date.start, 0) + 1
    assert day_counts(session, f) == sorted(days.items())


def test_payloads_come_back_whole_and_in_order(session):
    ids = [ALL[5].id, ALL[1].id, "e_missing"]
    assert load_events(session, ids) == [ALL[5], ALL[1]]


def test_days_and_document_links(session):
    days = dict(day_counts(session, EventFilter()))
    assert sum(days.values()) == N_EVENTS and days[date(2024, 3, 1)] == 2
    assert [s.id for s in events_of_document(session, doc_id(7))] == [ALL[7].id]


@pytest.mark.parametrize(("limit", "offset"), [(10, 0), (5, 7), (100, 0), (3, 70), (10, 200)])
def test_claim_pages_find_the_right_events(session, limit, offset):
    flat = [(e.id, k) for eid in _expected(lambda e: True) for e in [next(x for x in ALL if x.id == eid)]
            for k in range(len(e.claims))]
    total, spans = claim_page(session, EventFilter(), limit, offset)
    assert total == len(flat)
    page = flat[offset : offset + limit]
    assert [eid for eid, _ in spans] == list(dict.fromkeys(eid for eid, _ in page))
    if page:
        assert spans[0][1] == page[0][1]


def test_like_escape():
    assert like_escape("a%b_c\\") == "a\\%b\\_c\\\\"


def test_a_lost_index_is_rebuilt(url, monkeypatch):
    from eventwire.store import batches

    monkeypatch.setattr(batches, "SQL_VARIABLES_PER_STATEMENT", 7)  # several batches, as a large database would need
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM event_index"))
        if engine.dialect.name == "sqlite":
            conn.execute(text("DELETE FROM events_fts"))
    ensure_event_index(engine)
    with make_sessionmaker(engine)() as s:
        assert count_matching(s, EventFilter()) == N_EVENTS
        assert count_matching(s, EventFilter(text="kharkiv")) == N_EVENTS // 3
        assert [x.id for x in find_events(s, EventFilter())] == _expected(lambda e: True)
        assert [x.id for x in events_of_document(s, doc_id(7))] == [ALL[7].id]


def test_indexes_of_the_previous_layout_are_replaced_without_a_rebuild(url):
    """A database of layout 2 (its rows current, its indexes older) is served with this layout's indexes."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX IF EXISTS ix_event_index_rows"))
        conn.execute(text("DROP INDEX IF EXISTS ix_event_index_country_rows"))
        conn.execute(text("CREATE INDEX ix_event_index_country ON event_index (country)"))
        conn.execute(text("UPDATE meta SET value = '2' WHERE key = 'event_index_version'"))
        conn.execute(text("UPDATE event_index SET place = 'kept' WHERE n = (SELECT min(n) FROM event_index)"))
    ensure_event_index(engine)
    names = {i["name"] for i in inspect(engine).get_indexes("event_index")}
    assert {"ix_event_index_list", "ix_event_index_rows", "ix_event_index_country_rows"} <= names
    assert "ix_event_index_country" not in names
    with make_sessionmaker(engine)() as s:
        assert s.get(MetaRow, "event_index_version").value == "3"
        assert s.scalar(select(func.count()).where(EventIndexRow.place == "kept")) == 1  # not rebuilt
        assert [x.id for x in find_events(s, EventFilter())] == _expected(lambda e: True)


def test_an_index_of_an_older_layout_is_rebuilt(url):
    """A database indexed before actor names had their table: the actor filter works after serving starts."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM event_actors"))
        conn.execute(text("DELETE FROM meta WHERE key = 'event_index_version'"))
    with make_sessionmaker(engine)() as s:
        assert count_matching(s, EventFilter(actor="forces of russia")) == 0  # the stale index, as found
    ensure_event_index(engine)
    with make_sessionmaker(engine)() as s:
        assert count_matching(s, EventFilter(actor="forces of russia")) == N_EVENTS
        assert count_matching(s, EventFilter(actor="Forces of Russia", country="ua")) == \
            sum(1 for e in ALL if e.location.country == "UA")
