"""Tables of the incremental indexes: what provenance and fusion keep so a new document
costs the same whatever the database holds (DESIGN.md, "Incremental by design").

They are derived data: ``eventwire refuse`` rebuilds the fusion index from the
mentions, and a database without them (made before they existed) is indexed
in full once by the next ingest.
"""
from __future__ import annotations

from sqlalchemy import BigInteger, Float, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from eventwire.store.orm import Base


class ProvBandRow(Base):
    """One LSH band of one document's MinHash: documents sharing a band are candidate copies.

    ``band`` folds the feature kind (and language, for names and numbers), the
    band's number and its hash into 64 bits; the document is named by its
    sketch's integer ``key`` (a third of an id's size, and there are ~94 bands
    per document; not the document's ``seq``, which two concurrent ingests can
    give twice).
    """

    __tablename__ = "prov_bands"
    __table_args__ = {"sqlite_with_rowid": False}

    band: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    doc_key: Mapped[int] = mapped_column(Integer, primary_key=True)


class ProvRecentBandRow(Base):
    """A band written since the last merge into ``prov_bands`` (``provenance_index.merge_recent_bands``).

    The same rows as ``prov_bands``, kept apart while few: a batch's random bands then land on the pages
    of this small table instead of on nearly every page of the big one, and the big one is rewritten
    once a merge instead of once a batch.  A band is in one of the two tables; lookups read both.
    """

    __tablename__ = "prov_bands_recent"
    __table_args__ = {"sqlite_with_rowid": False}

    band: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    doc_key: Mapped[int] = mapped_column(Integer, primary_key=True)


class ProvSketchRow(Base):
    """What a later document's candidate check needs of this one without reading its text."""

    __tablename__ = "prov_sketches"

    key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(String(32), unique=True)
    dup_key: Mapped[str] = mapped_column(String(40), index=True)
    units: Mapped[bytes | None] = mapped_column(LargeBinary)  # content-unit MinHash, num_perm x uint32


class ProvLinkRow(Base):
    """A verified copy relation between two documents (``stories.relate``), a < b."""

    __tablename__ = "prov_links"

    a: Mapped[str] = mapped_column(String(32), primary_key=True)
    b: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)
    relation: Mapped[str] = mapped_column(String(16))
    similarity: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)


class FusionCellRow(Base):
    """A mention registered in a fusion block cell (``fuse.blocks``)."""

    __tablename__ = "fusion_cells"

    cell: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    mention_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class FusionMemberRow(Base):
    """Which event a mention is in (None: a landmark that names no event yet)."""

    __tablename__ = "fusion_members"

    mention_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str | None] = mapped_column(String(40), index=True)
    document_id: Mapped[str] = mapped_column(String(32), index=True)


class FusionDirtyRow(Base):
    """A document whose story changed since fusion last saw it: its events are fused again."""

    __tablename__ = "fusion_dirty"

    document_id: Mapped[str] = mapped_column(String(32), primary_key=True)

