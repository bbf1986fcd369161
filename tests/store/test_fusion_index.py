"""The per-process cache of decoded mentions (``fusion_index._decoded``) must never change what is read."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from eventwire.model import Mention
from eventwire.store import fusion_index as fx
from eventwire.store import repository as repo
from eventwire.store.codec import to_jsonable
from eventwire.store.database import make_engine, make_sessionmaker

from test_repository import doc, mention  # noqa: E402  (tests/store is on the path, as pytest runs it)


@pytest.fixture()
def Session(any_db_url):
    return make_sessionmaker(make_engine(any_db_url))


def test_a_mention_read_again_is_the_decoded_one_but_one_stored_again_is_read_afresh(Session):
    """SQLite hands a deleted largest id out again: the id alone would give the old mention back."""
    d = f"d_{1:016d}"
    first = mention(d, date(2024, 3, 12))
    again = replace(first, trigger="shelled", sub_event_type="Shelling/artillery/missile attack")
    with Session.begin() as s:
        repo.add_document(s, doc(1))
        s.flush()
        repo.replace_mentions(s, d, [first])
    with Session.begin() as s:
        ((_, mid, read, _),) = fx.mentions_of_documents(s, [d])
        ((_, mid2, read2, _),) = fx.mentions_by_id(s, [mid])
    assert read == first and mid2 == mid and read2 is read  # decoded once
    with Session.begin() as s:
        repo.replace_mentions(s, d, [again])
    with Session.begin() as s:
        ((_, new_id, now, _),) = fx.mentions_of_documents(s, [d])
        assert [r[2] for r in fx.mentions_by_id(s, [new_id])] == [again]
    assert now == again


def test_the_cache_keeps_the_most_recently_used_up_to_its_limit():
    ms = {i: replace(mention(f"d_{i:016d}", date(2024, 3, i)), trigger=f"t{i}") for i in range(1, 5)}
    raw = {i: json.dumps(to_jsonable(m)) for i, m in ms.items()}
    cache = fx._Decoded(limit=2)
    one = cache.get(1, raw[1])
    cache.get(2, raw[2])
    assert cache.get(1, raw[1]) is one  # 1 used last: 2 goes first
    cache.get(3, raw[3])
    assert sorted(cache.entries) == [1, 3]
    assert all(isinstance(m, Mention) and m == ms[i] for i, (_raw, m) in cache.entries.items())
    assert cache.get(3, raw[4]) == ms[4]  # same id, other text: decoded again


def test_mentions_by_cell_gives_each_cells_own_mentions(Session):
    """``mentions_by_cell`` keeps the cells apart (``_Pool.in_cells`` unions them itself): each cell's
    list is what ``mentions_in_cells`` reads for that cell alone, and an empty cell is left out."""
    with Session.begin() as s:
        fx.add_cells(s, [(10, 1), (10, 2), (11, 2), (12, 3), (-5, 4)])
        # read in the writing transaction: the driver's cursor is the session's connection's
        assert sorted(fx.mentions_by_cell(s, [10, 11])[10]) == [1, 2]
    with Session.begin() as s:
        by = fx.mentions_by_cell(s, [10, 11, 12, -5, 99])
        assert {c: sorted(v) for c, v in by.items()} == {10: [1, 2], 11: [2], 12: [3], -5: [4]}
        assert all(set(by[c]) == fx.mentions_in_cells(s, {c}) for c in by)


def test_mentions_by_cell_reads_every_chunk_and_the_ends_of_the_key_range(Session, monkeypatch):
    """The driver-level read (placeholders by dialect) over several statements, with cells at both ends of
    the signed 64-bit range ``blocks.cell_key`` gives: the same pairs as SQLAlchemy's reading."""
    import eventwire.store.batches as batches

    lo, hi = -(2 ** 63), 2 ** 63 - 1
    pairs = [(c, m) for c in [lo, hi, 0, *range(1, 40)] for m in (c % 7 + 1, c % 5 + 10)]
    with Session.begin() as s:
        fx.add_cells(s, pairs)
    monkeypatch.setattr(batches, "SQL_VARIABLES_PER_STATEMENT", 4)  # ~11 statements for 42 cells
    with Session.begin() as s:
        by = fx.mentions_by_cell(s, [lo, hi, 0, *range(1, 45)])
    want: dict[int, set[int]] = {}
    for c, m in pairs:
        want.setdefault(c, set()).add(m)
    assert {c: set(v) for c, v in by.items()} == want
    assert all(len(v) == len(set(v)) for v in by.values())


def test_reads_through_the_driver_are_those_of_the_selects_in_their_order(Session, monkeypatch):
    """``mentions_by_id``, ``events_of_mentions``, ``members_by_event`` and ``stories_of`` read through the driver:
    the rows and their order must be those of the SQLAlchemy statements they stand for, over chunks too, and a
    mention not yet flushed is read as the session's ``execute`` would (autoflush)."""
    from sqlalchemy import select, update

    from eventwire.store import batches
    from eventwire.store.index_tables import FusionMemberRow
    from eventwire.store.orm import DocumentRow, MentionRow

    monkeypatch.setattr(batches, "SQL_VARIABLES_PER_STATEMENT", 4)  # several statements
    with Session.begin() as s:
        for i in range(1, 7):
            repo.add_document(s, doc(i))
        s.flush()
        for i in range(1, 7):
            ms = [replace(mention(f"d_{i:016d}", date(2024, 3, i)), trigger=f"t{i}{k}") for k in range(i % 3 + 1)]
            repo.replace_mentions(s, f"d_{i:016d}", ms)
    with Session.begin() as s:
        ids = sorted(r[1] for r in fx._ranked(s, MentionRow.id.isnot(None)))
        wanted = ids[::-1] + [10_000]  # an id with no mention reads nothing
        got = fx.mentions_by_id(s, wanted)
        want = [r for chunk in batches.chunks(wanted) for r in fx._ranked(s, MentionRow.id.in_(chunk))]
        assert got == want and len(got) == len(ids) == 12
        members = {mid: (f"e{mid % 3}" if mid % 4 else None, f"d_{1 + mid % 6:016d}") for mid in ids}
        fx.set_members(s, members, ())
        s.execute(update(DocumentRow).where(DocumentRow.id == f"d_{2:016d}").values(story=f"d_{1:016d}"))
        # the reads through the driver against the same statements through SQLAlchemy
        assert list(fx.events_of_mentions(s, wanted).items()) == [
            (r.mention_id, r.event_id) for chunk in batches.chunks(wanted) for r in s.execute(
                select(FusionMemberRow.mention_id, FusionMemberRow.event_id)
                .where(FusionMemberRow.mention_id.in_(chunk)))]
        events = ["e0", "e1", "e2", "e9"]
        want_members: dict = {}
        for r in s.execute(select(FusionMemberRow.mention_id, FusionMemberRow.event_id)
                           .where(FusionMemberRow.event_id.in_(events))):
            want_members.setdefault(r.event_id, []).append(r.mention_id)
        assert fx.members_by_event(s, events) == want_members and len(want_members) == 3
        docs = [f"d_{i:016d}" for i in range(1, 8)]
        assert fx.stories_of(s, docs) == {d: (f"d_{1:016d}" if d == f"d_{2:016d}" else d) for d in docs[:6]}
        pending = replace(mention(f"d_{1:016d}", date(2024, 3, 1)), trigger="new")
        s.add(MentionRow(id=9_000, document_id=pending.document, sentence_start=0, event_type=pending.event_type,
                         payload=to_jsonable(pending)))  # not flushed
        assert [r[2] for r in fx.mentions_by_id(s, [9_000])] == [pending]
