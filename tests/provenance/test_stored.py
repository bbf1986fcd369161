"""The stored provenance index on a real SQLite file: document after document, the same stories
and copy links as the in-memory index over all documents at once."""
import json
from datetime import date
from pathlib import Path

import pytest
from prov_helpers import assign, doc
from prov_texts import CHROME, DUPLICATE, INDEPENDENT, ORIGINAL, PARAPHRASE, REPORT_A, REPORT_A_FR, REPORT_B, SPUN

from eventwire.model import Document, PublishedDate
from eventwire.provenance.stored import StoredIndex
from eventwire.store import repository as repo
from eventwire.store.database import make_engine, make_sessionmaker

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _row(session, d) -> None:
    repo.add_document(session, Document(
        id=d.id, content_hash=d.id, external_id=None, url=None, outlet=d.outlet, title=d.title,
        published=PublishedDate(d.published, "metadata" if d.published else "none", 0.9, None, None),
        language=d.language, text=d.text, removed=(), source=""))


def stored_in_batches(tmp_path: Path, docs, batches: list[int]):
    """Provenance as the pipeline keeps it: each batch's assignment overwrites the documents it touches."""
    Session = make_sessionmaker(make_engine(f"sqlite:///{tmp_path / 'prov.db'}"))
    by_id = {d.id: d for d in docs}
    result, at, touched = {}, 0, []
    for size in batches:
        with Session.begin() as s:
            batch = docs[at:at + size]
            for d in batch:
                _row(s, d)
            s.flush()
            index = StoredIndex(s, lambda ids: [by_id[i] for i in ids])
            for d in batch:
                index.add(d)
            assigned = index.assign()
        result.update(assigned)
        touched.append(len(assigned))
        at += size
    return result, touched


def test_copies_found_batch_by_batch_are_those_found_at_once(tmp_path):
    docs = [
        doc("d_01", REPORT_A, date(2024, 3, 3)),
        doc("d_02", CHROME + SPUN, date(2024, 3, 14)),
        doc("d_03", INDEPENDENT, date(2024, 3, 12)),
        doc("d_04", DUPLICATE, None),
        doc("d_05", REPORT_B, date(2024, 3, 3)),
        doc("d_06", PARAPHRASE, date(2024, 3, 13)),
        doc("d_07", REPORT_A_FR, date(2024, 3, 4), language="fr"),
        # the original comes last but is dated first: it becomes the root of the story its copies formed
        doc("d_08", ORIGINAL, date(2024, 3, 12)),
    ]
    stored, touched = stored_in_batches(tmp_path, docs, [3, 1, 2, 2])
    at_once = assign(*docs)
    assert stored == at_once
    assert stored["d_02"].copy_of.document == "d_08" and stored["d_04"].story == stored["d_08"].story
    assert touched[1] < 4  # a batch re-decides the stories it touches, not every document


def _shared_docs(name: str):
    if name == "hoot":
        path = SHARED / "corpus" / "hoot_russia_ukraine_apr2022" / "articles.jsonl"
        if not path.exists():
            pytest.skip("../shared is absent")
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        return [doc(f"d_{i:03d}", r["body"], date.fromisoformat(r["published_date"][:10]), outlet=r.get("outlet"))
                for i, r in enumerate(rows)]
    folder = SHARED / "eval" / name
    if not (folder / "input.jsonl").exists():
        pytest.skip("../shared is absent")
    out = []
    for line in (folder / "input.jsonl").read_text("utf-8").splitlines():
        r = json.loads(line)
        published = date.fromisoformat(r["published"]) if r.get("published") else None
        out.append(doc("d_" + r["id"], (folder / r["file"]).read_text("utf-8"), published))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dev", "dev2", "hoot"])
def test_one_document_at_a_time_gives_the_stories_of_one_pass(tmp_path, name):
    docs = _shared_docs(name)
    stored, _touched = stored_in_batches(tmp_path, docs, [1] * len(docs))
    assert stored == assign(*docs)
    if name == "dev":
        assert len({p.story for p in stored.values()}) < len(docs)  # the dev set has copies


def _index_pass(path: Path, docs, pages: list[int]):
    """One provenance pass over ``docs`` given to ``add_all`` in pages of these sizes; the assignment
    and every table the index writes, rows in insertion order."""
    import sqlite3

    Session = make_sessionmaker(make_engine(f"sqlite:///{path}"))
    by_id = {d.id: d for d in docs}
    with Session.begin() as s:
        for d in {d.id: d for d in docs}.values():
            _row(s, d)
        s.flush()
        index = StoredIndex(s, lambda ids: [by_id[i] for i in ids])
        at = 0
        for size in pages:
            index.add_all(docs[at:at + size])
            at += size
        assigned = index.assign()
    with sqlite3.connect(path) as c:
        tables = {t: c.execute(f"SELECT * FROM {t}" + ("" if t.startswith("prov_bands") else " ORDER BY rowid")).fetchall()
                  for t in ("prov_sketches", "prov_bands", "prov_bands_recent", "prov_links", "meta")}
    return assigned, tables


def test_a_page_at_once_writes_what_one_document_at_a_time_writes(tmp_path):
    """Copies of documents earlier in the same page (a duplicate text, a short one, a rewrite), a language first
    seen inside the page, an id given twice: the same candidates, sketch keys, bands and link rows."""
    docs = [
        doc("d_01", REPORT_A, date(2024, 3, 3)),
        doc("d_08", ORIGINAL, date(2024, 3, 12)),
        doc("d_04", DUPLICATE, None),
        doc("d_07", REPORT_A_FR, date(2024, 3, 4), language="fr"),
        doc("d_02", CHROME + SPUN, date(2024, 3, 14)),
        doc("d_04", DUPLICATE, None),
        doc("d_06", PARAPHRASE, date(2024, 3, 13)),
        doc("d_03", INDEPENDENT, date(2024, 3, 12)),
        doc("d_05", REPORT_B, date(2024, 3, 3)),
        doc("d_09", "Shelling reported.", date(2024, 3, 5)),  # too short for a sketch: found by its text key
        doc("d_10", "SHELLING reported!", date(2024, 3, 6)),
    ]
    one, one_tables = _index_pass(tmp_path / "one.db", docs, [1] * len(docs))
    for name, pages in (("all", [len(docs)]), ("two", [3, len(docs) - 3])):
        paged, tables = _index_pass(tmp_path / f"{name}.db", docs, pages)
        assert paged == one
        assert tables == one_tables
    assert len(one_tables["prov_links"]) >= 3 and one["d_04"].story == one["d_08"].story
    assert one["d_10"].copy_of.document == "d_09"
    assert any("fr" in value for _key, value in one_tables["meta"])  # looked up in by the documents after it
