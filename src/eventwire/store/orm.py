"""Tables.  Documents are rows with columns; mentions and events keep their
full typed payload as JSON next to the columns that filters need.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, func, literal_column, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # not unique: one text can stand under two unrelated headlines (a scraped site template)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    external_id: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    # the document's date as the dating stage decided it (the page's own, or its story's)
    published_date: Mapped[date | None] = mapped_column(Date)
    published_source: Mapped[str] = mapped_column(String(16))
    published_confidence: Mapped[float] = mapped_column(Float)
    published_conflict: Mapped[str | None] = mapped_column(Text)
    published_evidence: Mapped[str | None] = mapped_column(Text)
    published_reason: Mapped[str | None] = mapped_column(Text)
    # the date the page itself gave, as clean read it: written once, never changed
    page_date: Mapped[date | None] = mapped_column(Date)
    page_source: Mapped[str] = mapped_column(String(16), default="none")
    page_confidence: Mapped[float | None] = mapped_column(Float)
    page_conflict: Mapped[str | None] = mapped_column(Text)
    page_evidence: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    removed: Mapped[list] = mapped_column(JSON, default=list)
    story: Mapped[str | None] = mapped_column(String(32), index=True)
    copy_of: Mapped[dict | None] = mapped_column(JSON)
    drift: Mapped[list] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(Text, default="")
    # cleaned -> extracted: a re-run resumes documents a killed run left half done
    stage: Mapped[str] = mapped_column(String(16), default="cleaned", index=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)  # ingestion order, for stable event ids
    ingested_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sentence_start: Mapped[int] = mapped_column(Integer)
    event_type: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict] = mapped_column(JSON)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    event_type: Mapped[str] = mapped_column(Text, index=True)
    sub_event_type: Mapped[str] = mapped_column(Text)
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    actors_text: Mapped[str] = mapped_column(Text, default="")
    exportable: Mapped[bool] = mapped_column(default=False, index=True)
    payload: Mapped[dict] = mapped_column(JSON)


class MetaRow(Base):
    """Small facts about the database itself, such as what the last fusion pass saw."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FeedStateRow(Base):
    """One feed ``eventwire watch`` polls: validators for a conditional GET, its schedule, its failures.

    Kept in the database so a restarted watcher neither re-downloads what it
    has nor forgets that a feed is backing off.  Times are Unix seconds.
    """

    __tablename__ = "feed_state"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    interval_seconds: Mapped[float] = mapped_column(Float)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # in a row; 0 after a good poll
    next_poll: Mapped[float] = mapped_column(Float, default=0.0)
    last_poll: Mapped[float | None] = mapped_column(Float)
    last_status: Mapped[str | None] = mapped_column(Text)


class FeedItemRow(Base):
    """An item a watched feed has shown, by GUID, link and content hash: seen once, never read again."""

    __tablename__ = "feed_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    feed: Mapped[str] = mapped_column(Text, index=True)
    guid: Mapped[str | None] = mapped_column(Text, index=True)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    seen_at: Mapped[float] = mapped_column(Float)


# PostgreSQL's full text: the desk's free-text filter matches ``to_tsvector('simple', search_text)``
# (this same expression, so the planner uses the GIN index below); SQLite has its FTS5 table instead
PG_TEXT_CONFIG = literal_column("'simple'::regconfig")


class EventIndexRow(Base):
    """One row per event with the columns the desk filters, sorts and lists by.

    A table of its own beside ``events`` (whose JSON payload stays the record):
    a database written before it existed gets it by ``create_all`` and a
    backfill (``store.event_index.ensure_event_index``), with no ALTER TABLE.
    ``n`` is also the rowid of the event's row in the SQLite FTS5 table.
    """

    __tablename__ = "event_index"
    __table_args__ = (Index("ix_event_index_words", text("to_tsvector('simple'::regconfig, search_text)"),
                            postgresql_using="gin").ddl_if(dialect="postgresql"),)

    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True)
    event_type: Mapped[str] = mapped_column(Text)
    sub_event_type: Mapped[str] = mapped_column(Text)
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(String(8))  # upper case
    admin1: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    actors_text: Mapped[str] = mapped_column(Text, default="")  # lower case, " | " between names
    fatalities: Mapped[int | None] = mapped_column(Integer)
    claims: Mapped[int] = mapped_column(Integer, default=0)  # how many claims, for paging /api/claims in SQL
    contradicted: Mapped[bool] = mapped_column(default=False)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    exportable: Mapped[bool] = mapped_column(default=False)
    search_text: Mapped[str] = mapped_column(Text, default="")  # lower case; PostgreSQL searches it
    updated_at: Mapped[datetime] = mapped_column(DateTime)


# the columns a filter tests besides the leading ones: in both indexes below, so a count or a page tests them
# in the index and reads a row only when it is shown (at 100k events, a count of type+country read 25k rows
# through the old country index: 24 ms; from its own covering index 3 ms)
_FILTERED = (EventIndexRow.event_type, EventIndexRow.sub_event_type, EventIndexRow.date_end,
             EventIndexRow.contradicted, EventIndexRow.confidence, EventIndexRow.admin1)
# newest-first lists (date_start DESC, id) walk this index in order; with claims in it, /api/claims pages
# and counts without touching rows.  Kept narrow: an unfiltered count or timeline reads all of it, and
# through the wide index below took twice as long (bench/desk_ab.py)
Index("ix_event_index_list", EventIndexRow.exportable, EventIndexRow.date_start.desc(), EventIndexRow.id,
      EventIndexRow.claims)
# the same order with the filtered columns: a filtered count reads this index alone
Index("ix_event_index_rows", EventIndexRow.exportable, EventIndexRow.date_start.desc(), EventIndexRow.id,
      EventIndexRow.country, *_FILTERED)
# a country's events: counted from here (a quarter of the rows at most, in the index alone)
Index("ix_event_index_country_rows", EventIndexRow.exportable, EventIndexRow.country, EventIndexRow.date_start.desc(),
      EventIndexRow.id, *_FILTERED)
# indexes of earlier layouts, dropped when a database is re-indexed (store.event_index.ensure_event_index)
OLD_EVENT_INDEXES = ("ix_event_index_country",)


class ActorNameRow(Base):
    """Each actor name the index has seen, once (lower case).

    The actor filter is a substring of a name: matching it against the few
    thousand distinct names and then reading their events by key is about three
    times cheaper at 100k events than a LIKE over every event's actors
    (bench/desk_bench.py), and works the same on PostgreSQL.
    """

    __tablename__ = "actor_names"

    k: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class EventActorRow(Base):
    """Which actor names each indexed event has (``n`` is ``event_index.n``)."""

    __tablename__ = "event_actors"

    k: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)


class EventDocumentRow(Base):
    """Which documents each event stands on, so a document page can list its events."""

    __tablename__ = "event_documents"

    event_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_id: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)
