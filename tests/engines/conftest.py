"""What the engines tests compare: everything a run writes, read back in a fixed order."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parents[1] / "hostile"))  # hostile_inputs.write_articles


def _snapshot(url: str) -> dict[str, list]:
    from eventwire.store.database import make_engine, make_sessionmaker
    from eventwire.store.orm import DocumentRow, EventRow, MentionRow

    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as s:
            docs = [(r.id, r.seq, r.story, r.copy_of, r.drift, r.published_date, r.published_source,
                     r.published_conflict, r.stage, r.language)
                    for r in s.scalars(select(DocumentRow).order_by(DocumentRow.seq))]
            mentions = [(r.document_id, r.sentence_start, r.payload) for r in s.scalars(
                select(MentionRow).order_by(MentionRow.document_id, MentionRow.sentence_start, MentionRow.id))]
            events = [(r.id, r.exportable, r.payload) for r in s.scalars(select(EventRow).order_by(EventRow.id))]
    finally:
        engine.dispose()
    return {"documents": docs, "mentions": mentions, "events": events}


@pytest.fixture()
def snapshot():
    return _snapshot


@pytest.fixture()
def mixed_inputs(tmp_path: Path) -> list[str]:
    """The bundled samples (text, HTML, JSONL, a copy among them) and generated wire items."""
    from hostile_inputs import write_articles

    samples = Path(__file__).parents[2] / "samples"
    return [str(samples), str(write_articles(tmp_path / "wire.jsonl", 10))]
