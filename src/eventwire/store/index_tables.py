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
    """One LSH band of one document's MinHash: documents sharing a band are candidate copies."""

    __tablename__ = "prov_bands"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # shingles, units, anchors:<language>
    band: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # band number and hash, folded to 64 bits
    document_id: Mapped[str] = mapped_column(String(32), primary_key=True)


class ProvSketchRow(Base):
    """What a later document's candidate check needs of this one without reading its text."""

    __tablename__ = "prov_sketches"

    document_id: Mapped[str] = mapped_column(String(32), primary_key=True)
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

