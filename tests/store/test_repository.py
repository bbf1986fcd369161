from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from eventwire.fuse.events import fuse
from eventwire.model import (
    ActorRef, Claim, DateSpan, Document, Evidence, Mention, Place, PublishedDate,
)
from eventwire.store import repository as repo
from eventwire.store.codec import from_jsonable, to_jsonable
from eventwire.store.database import make_engine, make_sessionmaker


def doc(i: int, url: str | None = None) -> Document:
    return Document(
        id=f"d_{i:016d}", content_hash=f"{i:064d}", external_id=str(i), url=url, outlet="Wire", title="T",
        published=PublishedDate(date(2024, 3, 12), "metadata", 0.9), language="en", text=f"text {i}",
    )


def mention(d: str, day: date, country: str = "RU") -> Mention:
    ev = Evidence(d, "Drones struck the depot.", 0, 24)
    place = Place("Kozinka", country, "Belgorod Oblast", 50.6, 35.6, "town", 543229)
    claim = Claim("fatalities", 70, "about", "attackers", "Defence Ministry", "asserts", False, ev)
    return Mention(d, ev, "Explosions/Remote violence", "Air/drone strike", "struck",
                   DateSpan(day, day, "day", "on Tuesday"), place,
                   (ActorRef("Military Forces of Ukraine (2019-)", "actor1", "ua-military"),), (claim,))


@pytest.fixture()
def session(any_db_url):
    Session = make_sessionmaker(make_engine(any_db_url))
    with Session.begin() as s:
        yield s


def test_documents_are_found_again_by_hash_or_url(session):
    repo.add_document(session, doc(1, url="https://w.example/a"))
    session.flush()
    assert [r.id for r in repo.documents_like(session, f"{1:064d}", None)] == [f"d_{1:016d}"]
    assert [r.id for r in repo.documents_like(session, "other", "https://w.example/a")] == [f"d_{1:016d}"]
    assert repo.documents_like(session, "other", "https://w.example/b") == []


def test_mentions_round_trip_through_json_with_types_intact(session):
    repo.add_document(session, doc(1))
    m = mention(f"d_{1:016d}", date(2024, 3, 12))
    repo.replace_mentions(session, m.document, [m])
    session.flush()
    ((_, back),) = repo.all_mentions(session)
    assert back == m
    assert isinstance(back.date.start, date) and back.claims[0].value == 70 and isinstance(back.actors, tuple)


def test_event_queries_filter_by_type_date_country_and_actor(session):
    repo.add_document(session, doc(1))
    repo.add_document(session, doc(2))
    ms = [(0, mention(f"d_{1:016d}", date(2024, 3, 12))), (1, mention(f"d_{2:016d}", date(2024, 5, 1), "UA"))]
    repo.sync_events(session, fuse(ms, {}))
    session.flush()
    assert len(repo.query_events(session)) == 2 == repo.count_events(session)
    assert len(repo.query_events(session, country="ua")) == 1
    assert len(repo.query_events(session, since=date(2024, 4, 1))) == 1
    assert len(repo.query_events(session, until=date(2024, 4, 1))) == 1
    assert len(repo.query_events(session, event_type="air/drone strike")) == 2
    assert len(repo.query_events(session, event_type="Battles")) == 0
    assert len(repo.query_events(session, actor="ukraine")) == 2
    assert len(repo.query_events(session, actor="wagner")) == 0
    ev = repo.query_events(session)[0]
    assert repo.get_event(session, ev.id) == ev


def test_codec_keeps_nested_dataclasses():
    m = mention("d_x", date(2024, 3, 12))
    assert from_jsonable(Mention, to_jsonable(m)) == m


def test_sync_touches_only_events_that_changed(session):
    repo.add_document(session, doc(1))
    repo.add_document(session, doc(2))
    first = [(0, mention(f"d_{1:016d}", date(2024, 3, 12)))]
    assert repo.sync_events(session, fuse(first, {})) == (1, 0, 0)
    assert repo.sync_events(session, fuse(first, {})) == (0, 0, 0)
    other = (1, mention(f"d_{2:016d}", date(2024, 5, 1), "UA"))
    assert repo.sync_events(session, fuse(first + [other], {})) == (1, 0, 0)
    joined = (1, mention(f"d_{2:016d}", date(2024, 3, 12)))  # a second report of the first event
    assert repo.sync_events(session, fuse(first + [joined], {})) == (0, 1, 1)


def test_landmark_references_round_trip_through_the_store(session):
    repo.add_document(session, doc(1))
    repo.add_document(session, doc(2))
    report = mention(f"d_{1:016d}", date(2024, 3, 12))
    landmark = replace(mention(f"d_{2:016d}", date(2024, 3, 12)), landmark=True)
    repo.replace_mentions(session, landmark.document, [landmark])
    session.flush()
    ((_, back),) = repo.all_mentions(session)
    assert back.landmark
    repo.sync_events(session, fuse([(0, report), (1, landmark)], {}))
    session.flush()
    (ev,) = repo.query_events(session)
    assert ev.documents == (report.document,) and ev.references == (landmark,)


def test_the_decided_date_is_written_beside_the_page_date_which_stays_as_clean_gave_it(session):
    repo.add_document(session, doc(7))
    session.flush()
    row = repo.get_document(session, doc(7).id)
    row.stage = "extracted"
    page = repo.page_published(row)
    assert page == PublishedDate(date(2024, 3, 12), "metadata", 0.9)
    assert not repo.set_published(session, row, page)  # the page's own date stands: nothing to redo
    assert row.stage == "extracted"
    story = PublishedDate(date(2024, 3, 1), "story", 0.5, "page says 2024-03-12; story says 2024-03-01", "d_x: page date",
                          "a copy's date")
    assert repo.set_published(session, row, story)
    assert row.stage == "cleaned"  # its relative dates must be resolved again against the new date
    assert repo.row_to_document(row).published == story
    assert repo.page_published(row) == page


def test_pending_documents_are_those_not_extracted_in_ingestion_order_by_an_index(session):
    for i in (3, 1, 2, 4):
        repo.add_document(session, doc(i))
        session.flush()
    for row in (repo.get_document(session, f"d_{i:016d}") for i in (1, 4)):
        row.stage = "extracted"
    session.flush()
    assert repo.pending_ids(session) == [f"d_{3:016d}", f"d_{2:016d}"]  # seq order: 3 came first
    assert repo.fusion_pending(session, "no-such-watermark")
    if session.get_bind().dialect.name == "sqlite":  # the stage index answers it, not a scan of every row
        from sqlalchemy import select
        from sqlalchemy.dialects import sqlite

        from eventwire.store.orm import DocumentRow

        q = select(DocumentRow.id, DocumentRow.seq).where(repo.not_extracted())
        sql = str(q.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(r[-1]) for r in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
        assert "ix_documents_stage" in plan and "SCAN documents" not in plan


@pytest.fixture()
def two_sessionmakers(any_db_url, tmp_path):
    """Two empty databases of the same kind (SQLite files, or PostgreSQL schemas)."""
    from pg_server import fresh_schema

    if any_db_url.startswith("sqlite"):
        yield make_sessionmaker(make_engine(any_db_url)), make_sessionmaker(make_engine(f"sqlite:///{tmp_path / 'b.db'}"))
        return
    with fresh_schema() as other:
        yield make_sessionmaker(make_engine(any_db_url)), make_sessionmaker(make_engine(other))


def _mention_rows(Session) -> tuple[list, list]:
    from sqlalchemy import select

    from eventwire.store.index_tables import FusionDirtyRow
    from eventwire.store.orm import MentionRow

    with Session() as s:
        rows = [(r.id, r.document_id, r.sentence_start, r.event_type, r.payload)
                for r in s.scalars(select(MentionRow).order_by(MentionRow.id))]
        return rows, sorted(s.scalars(select(FusionDirtyRow.document_id)))


def test_replace_mentions_many_writes_what_one_at_a_time_writes(two_sessionmakers):
    """Same rows, same ids, same documents marked for fusion; also for a document extracted again
    whose old mentions held the largest ids (SQLite hands a freed largest id out again)."""
    one, many = two_sessionmakers
    day = date(2024, 3, 12)
    ms = {i: [replace(mention(f"d_{i:016d}", day), evidence=Evidence(f"d_{i:016d}", "Drones struck.", k * 50,
                                                                      k * 50 + 14)) for k in range(i % 3 + 1)]
          for i in range(1, 7)}
    first = [(f"d_{i:016d}", ms[i]) for i in (1, 2)]
    again = [(f"d_{i:016d}", ms[i]) for i in (3, 2, 4)] + [(f"d_{5:016d}", []), (f"d_{6:016d}", ms[6])]
    for Session, write in ((one, None), (many, repo.replace_mentions_many)):
        with Session.begin() as s:
            for i in range(1, 7):
                repo.add_document(s, doc(i))
                s.flush()
        for batch in (first, again):
            with Session.begin() as s:
                if write is None:
                    for doc_id, found in batch:
                        repo.replace_mentions(s, doc_id, found)
                else:
                    write(s, batch)
    assert _mention_rows(many) == _mention_rows(one)
    rows, dirty = _mention_rows(many)
    assert [r[1][-1] for r in rows] == ["1", "1", "3", "2", "2", "2", "4", "4", "6"]  # d_..5 has none
    assert dirty == [f"d_{i:016d}" for i in range(1, 7)]


def test_a_changed_event_is_rewritten_whole_and_a_loaded_row_sees_it(session):
    """``write_events`` rewrites a changed event's every column by primary key (no row read back first);
    a row object the session already holds reads the new values, as after ``session.merge``."""
    from eventwire.store.orm import EventRow

    for i in (1, 2, 3):
        repo.add_document(session, doc(i))
    first = [(0, mention(f"d_{1:016d}", date(2024, 3, 12)))]
    (ev,) = fuse(first, {})
    assert repo.sync_events(session, [ev]) == (1, 0, 0)
    session.flush()
    held = session.get(EventRow, ev.id)
    assert held.payload == to_jsonable(ev)
    moved = replace(ev, event_type="Battles", sub_event_type="Armed clash", date=DateSpan(date(2024, 4, 2),
                    date(2024, 4, 3), "day", "x"), actors=())
    assert repo.sync_events(session, [moved]) == (0, 1, 0)
    session.flush()
    row = session.execute(select(EventRow.__table__).where(EventRow.id == ev.id)).one()
    assert (row.event_type, row.sub_event_type, row.date_start, row.date_end, row.actors_text, row.exportable) == \
        ("Battles", "Armed clash", date(2024, 4, 2), date(2024, 4, 3), "", moved.exportable)
    assert row.payload == to_jsonable(moved) and row.country == ev.location.country
    assert session.get(EventRow, ev.id).payload == to_jsonable(moved)  # the held object is not stale
    assert repo.get_event(session, ev.id) == moved
