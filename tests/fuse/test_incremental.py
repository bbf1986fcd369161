"""Incremental fusion on a real SQLite file: batch after batch, it gives what a full re-fuse gives."""
import random
import sqlite3
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from eventwire.fuse import incremental as inc
from eventwire.fuse.incremental import fuse_new, refuse
from eventwire.model import DateSpan, Document, Evidence, Mention, Place, PublishedDate
from eventwire.store import fusion_index as fx
from eventwire.store import repository as repo
from eventwire.store.database import make_engine, make_sessionmaker
from eventwire.store.index_tables import FusionMemberRow
from eventwire.store.orm import DocumentRow, EventRow

PLACES = [
    Place("Mykolaiv", "UA", "Mykolaiv", 46.97, 31.99, "town", 1, surface="Mykolaiv"),
    Place("Ochakiv", "UA", "Mykolaiv", 46.61, 31.55, "town", 2, surface="Ochakiv"),
    Place("Mykolaiv Oblast", "UA", "Mykolaiv", 47.0, 32.0, "region", 3, surface="Mykolaiv region"),
    Place("Belgorod", "RU", "Belgorod", 50.6, 36.6, "town", 4, surface="Belgorod"),
    Place("Ukraine", "UA", None, 49.0, 32.0, "country", 5, surface="Ukraine"),
]
TYPES = [("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled"),
         ("Explosions/Remote violence", "Air/drone strike", "drone strike"),
         ("Violence against civilians", "Attack", "murdered"),
         ("Battles", "Armed clash", "fighting")]
WORDS = ["printing works", "six journalists", "grain depot", "Fenastras union", "the bridge", "a school"]


def _mention(rng: random.Random, doc: str, k: int, around: date | None = None, places=None) -> Mention:
    etype, sub, trigger = rng.choice(TYPES)
    place = rng.choice((places or PLACES) + [None])
    named = place is not None and rng.random() < 0.6
    what = rng.choice(WORDS)
    text = f"Forces {trigger} {what}" + (f" in {place.surface}" if named else "") + f" said source {k}."
    day = date(2024, 3, 1) + timedelta(days=rng.randrange(40)) if around is None else around - timedelta(
        days=rng.randrange(3))
    roll = rng.random()
    if roll < 0.15:
        when = None
    elif roll < 0.45:
        when = DateSpan(day, day, "day", "")  # dated only by its article
    elif roll < 0.5:
        when = DateSpan(day.replace(day=1), day.replace(day=28), "month", "in March")
    else:
        when = DateSpan(day, day, "day", "on Tuesday")
    return Mention(doc, Evidence(doc, text, k * 100, k * 100 + len(text)), etype, sub, trigger, when, place,
                   landmark=rng.random() < 0.05)


def _add(session, rng: random.Random, doc: str, around: date | None = None, places=None) -> None:
    d = Document(id=doc, content_hash=doc, external_id=None, url=None, outlet=None, title=None,
                 published=PublishedDate(None, "none", 0.0, None, None), language="en", text="x", removed=(), source="")
    repo.add_document(session, d)
    session.flush()
    row = repo.get_document(session, doc)
    row.story, row.stage = "s_" + doc[2:], "extracted"
    repo.replace_mentions(session, doc, [_mention(rng, doc, k, around, places) for k in range(rng.randint(1, 3))])


def _events(session) -> dict:
    return {r.id: r.payload for r in session.scalars(select(EventRow))}


def test_batch_after_batch_gives_the_events_of_a_full_refuse(tmp_path):
    rng = random.Random(7)
    Session = make_sessionmaker(make_engine(f"sqlite:///{tmp_path / 'inc.db'}"))
    n = 0
    fused = []
    for batch in (12, 1, 20, 5, 1, 30):
        with Session.begin() as s:
            for _ in range(batch):
                n += 1
                _add(s, rng, f"d_{n:03d}")
            if n > 20:  # provenance joined an earlier document to another story
                row = repo.get_document(s, "d_004")
                row.story = "s_001"
                fx.mark_dirty(s, ["d_004"])
        with Session.begin() as s:
            fused.append(fuse_new(s).mentions_fused)
    with Session() as s:
        incremental = _events(s)
        total = len(list(s.scalars(select(EventRow.id))))
    with Session.begin() as s:
        stats = refuse(s)
    with Session() as s:
        assert _events(s) == incremental
    assert stats.changes == (0, 0, 0)
    assert total > 20
    # one new document's mentions were fused with its blocks' events, not all of them
    assert fused[1] < stats.mentions_fused / 2 and fused[4] < stats.mentions_fused / 2


ABROAD = [Place("Aleppo", "SY", "Aleppo", 36.2, 37.16, "town", 6, surface="Aleppo"),
          Place("Homs", "SY", "Homs", 34.73, 36.71, "town", 7, surface="Homs"),
          Place("Gao", "ML", "Gao", 16.27, -0.04, "town", 8, surface="Gao")]


@pytest.mark.parametrize("context_max", [inc.CONTEXT_MAX_NEW_MENTIONS, 0])
def test_references_over_months_and_countries_give_the_events_of_a_full_refuse(tmp_path, monkeypatch, context_max):
    """Half a year of reports in three countries, what references reach read as context (or, for
    a big batch, decided again as a pool): the same events."""
    monkeypatch.setattr(inc, "CONTEXT_MAX_NEW_MENTIONS", context_max)
    rng = random.Random(11)
    Session = make_sessionmaker(make_engine(f"sqlite:///{tmp_path / 'inc.db'}"))
    base = date(2024, 1, 1)
    n, fused = 0, []
    for batch in (30, 1, 1, 25, 2, 1, 40, 1, 3, 1):
        with Session.begin() as s:
            for _ in range(batch):
                n += 1
                _add(s, rng, f"d_{n:03d}", base + timedelta(days=n * 180 // 105), PLACES + ABROAD)
        with Session.begin() as s:
            fused.append(fuse_new(s).mentions_fused)
    with Session() as s:
        incremental = _events(s)
    with Session.begin() as s:
        stats = refuse(s)
    with Session() as s:
        assert _events(s) == incremental
    assert stats.changes == (0, 0, 0) and len(incremental) > 60
    if context_max:  # a single new document reads its references' events, it does not decide them all again
        assert max(fused[1], fused[2], fused[5], fused[9]) < stats.mentions_fused / 4


def _batches_built(path, monkeypatch, carried: bool) -> tuple[dict, int, int]:
    """Half a year of reports fused batch after batch in this process, the carried context dropped before
    each run unless ``carried``: the events, and over the runs after the first, the context events the
    clusterings read and how many of them they built."""
    from eventwire.fuse import kept_context
    from eventwire.fuse.cluster import Clusterer

    rng = random.Random(11)
    Session = make_sessionmaker(make_engine(f"sqlite:///{path}"))
    base = date(2024, 1, 1)
    counts = [0, 0]
    add, built = Clusterer._add_contexts, Clusterer._built
    monkeypatch.setattr(Clusterer, "_add_contexts", lambda self, ctx: counts.__setitem__(0, counts[0] + len(ctx))
                        or add(self, ctx))
    monkeypatch.setattr(Clusterer, "_built", lambda self, ms: counts.__setitem__(1, counts[1] + 1) or built(self, ms))
    kept_context.drop()
    n = 0
    for batch in (60, 2, 2, 2, 2, 2):
        with Session.begin() as s:
            for _ in range(batch):
                n += 1
                _add(s, rng, f"d_{n:03d}", base + timedelta(days=n * 180 // 105), PLACES + ABROAD)
        if not carried:
            kept_context.drop()
        with Session.begin() as s:
            fuse_new(s)
    monkeypatch.undo()
    with Session() as s:
        return _events(s), counts[0], counts[1]


def test_a_run_takes_the_context_the_last_run_carried_and_a_failed_run_carries_none(tmp_path, monkeypatch):
    """A long-running ingest: a batch's clusterings take the context events the process's last run built,
    as they were, so fewer are built, and the events are those of runs that built every one afresh and
    of a full re-fuse; a run that fails hands nothing on (``kept_context.carry``)."""
    from eventwire.fuse import kept_context

    events, read, built = _batches_built(tmp_path / "carried.db", monkeypatch, True)
    afresh, read_afresh, built_afresh = _batches_built(tmp_path / "afresh.db", monkeypatch, False)
    assert events == afresh and read == read_afresh > 0
    assert built < built_afresh * 0.8
    Session = make_sessionmaker(make_engine(f"sqlite:///{tmp_path / 'carried.db'}"))
    with Session.begin() as s:
        refuse(s)
    with Session() as s:
        assert _events(s) == events
    with Session.begin() as s:
        _add(s, random.Random(2), "d_999", date(2024, 3, 1), PLACES + ABROAD)
    monkeypatch.setattr(fx, "replace_events", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError), Session.begin() as s:
        fuse_new(s)
    assert kept_context.take().events == {}


def test_nothing_new_fuses_nothing_and_a_fresh_database_is_fused_whole(tmp_path):
    rng = random.Random(3)
    Session = make_sessionmaker(make_engine(f"sqlite:///{tmp_path / 'inc.db'}"))
    with Session.begin() as s:
        for i in range(6):
            _add(s, rng, f"d_{i:03d}")
    with Session.begin() as s:
        first = fuse_new(s)  # never fused: everything
    with Session.begin() as s:
        again = fuse_new(s)
    assert first.mentions_fused > 0 and first.changes[0] > 0
    assert (again.dirty_documents, again.mentions_fused, again.changes) == (0, 0, (0, 0, 0))
    with Session() as s:
        assert s.scalar(select(DocumentRow.id).limit(1)) is not None


YEMEN = {name: Place(name, "YE", name, lat, lon, "town", gid, surface=name)
         for name, lat, lon, gid in (("Sanaa", 15.35, 44.21, 21), ("Aden", 12.78, 45.04, 22), ("Hodeidah", 14.8, 42.95, 23))}


def _one(session, doc: str, sentence: str, place: Place, day: date) -> None:
    _doc(session, doc, sentence, "shelled", place, day, f"on {day.day} May")


@pytest.mark.parametrize("context_max", [inc.CONTEXT_MAX_NEW_MENTIONS, 0])
def test_a_mention_decided_again_sees_every_event_it_could_name_without_looking_them_up(tmp_path, monkeypatch,
                                                                                        context_max):
    """A report whose place comes from its article shares its words with the grain-depot shelling
    in four countries: the words tell none apart, so it stays an event of its own.  A new report
    near it brings it into the pool decided again; unless the events abroad it could name are read
    as context there, it counts the words common only over the events at hand, joins the Aden
    one: its event looks changed, and a second round looks it up (and, fusing a big batch as a
    pool, decides the events abroad again)."""
    monkeypatch.setattr(inc, "CONTEXT_MAX_NEW_MENTIONS", context_max)
    Session = make_sessionmaker(make_engine(f"sqlite:///{tmp_path / 'inc.db'}"))
    day = date(2024, 5, 3)
    with Session.begin() as s:
        _one(s, "d_1", "Forces shelled the grain depot in Aden on 3 May.", YEMEN["Aden"], day)
        for i, place in enumerate((ABROAD[0], ABROAD[2], PLACES[3]), 2):
            _one(s, f"d_{i}", f"Forces shelled the grain depot in {place.surface} on 3 May.", place, day)
        _one(s, "d_5", "Forces shelled the grain depot on 3 May.", YEMEN["Sanaa"], day)  # Sanaa: the article's
    with Session.begin() as s:
        fuse_new(s)
    with Session() as s:
        before = _events(s)
    with Session.begin() as s:
        _one(s, "d_6", "Forces shelled a school in Hodeidah on 4 May.", YEMEN["Hodeidah"], day + timedelta(days=1))
    with Session.begin() as s:
        stats = fuse_new(s)
    with Session() as s:
        incremental = _events(s)
    with Session.begin() as s:
        refuse(s)
    with Session() as s:
        assert _events(s) == incremental
    assert len(before) == 5 and len(incremental) == 6  # the borrowed-place report named none of them
    # one round: the new report and the two Yemeni events it meets, decided right the first time
    assert (stats.rounds, stats.mentions_fused) == (1, 3)


TARGETS = ["the Hrytsenko grain depot", "the Bondarivka printing works", "the union offices", "a bakery queue",
           "the Melnychuk rail bridge", "a water tower", "the ferry pier", "a mobile clinic", "the tram depot",
           "the Zaporoshets bus station"]
UA_MORE = PLACES + [Place("Kharkiv", "UA", "Kharkiv", 49.99, 36.23, "town", 9, surface="Kharkiv"),
                    Place("Kharkiv Oblast", "UA", "Kharkiv", 49.6, 36.4, "region", 10, surface="Kharkiv region")]


def _doc(session, doc: str, sentence: str, trigger: str, place: Place, day: date, own_date: str) -> None:
    """A stored, extracted document of one mention; ``own_date``: its sentence's date words ('' for none)."""
    d = Document(id=doc, content_hash=doc, external_id=None, url=None, outlet=None, title=None,
                 published=PublishedDate(day, "metadata", 0.9, None, None), language="en", text=sentence, removed=(),
                 source="")
    repo.add_document(session, d)
    session.flush()
    row = repo.get_document(session, doc)
    row.story, row.stage = "s_" + doc, "extracted"
    when = DateSpan(day, day, "day", own_date)
    repo.replace_mentions(session, doc, [Mention(doc, Evidence(doc, sentence, 0, len(sentence)), *TYPES[0][:2],
                                                 trigger, when, place)])


def _refused_copy(path) -> dict:
    """The events of a full refuse of a copy of the database at ``path``."""
    copy = path.with_name(path.stem + "-refused.db")
    copy.unlink(missing_ok=True)
    with sqlite3.connect(path) as a, sqlite3.connect(copy) as b:
        a.backup(b)
    Session = make_sessionmaker(make_engine(f"sqlite:///{copy}"))
    with Session.begin() as s:
        refuse(s)
    with Session() as s:
        return _events(s)


def _references_into_a_month(path, monkeypatch, named_by) -> tuple[list[dict], list[dict], dict[str, str], list[int]]:
    """Shellings in Aleppo, Mykolaiv and Kharkiv, then two reports weeks later dated by their articles:
    one whose place is its article's names the Aleppo depot by its words, one in Mykolaiv shares
    only common words with the bakery shelling there.  After each report: the events fused one
    document at a time and those of a full refuse; then each document's event, and the stored
    mentions each new reference read as context (through ``named_by`` in place of ``_named_by``)."""
    read: list[int] = []
    monkeypatch.setattr(inc, "_named_by", lambda session, m, c, *rest: read.append(len(found := named_by(session, m, c, *rest)))
                        or found)
    Session = make_sessionmaker(make_engine(f"sqlite:///{path}"))
    day, mykolaiv, kharkiv = date(2024, 4, 5), PLACES[0], UA_MORE[-2]
    with Session.begin() as s:
        _doc(s, "d_1", "Troops shelled the Hrytsenko grain depot in Aleppo on Friday.", "shelled", ABROAD[0], day, "on Friday")
        _doc(s, "d_2", "Forces shelled a bakery queue on Friday, killing civilians.", "shelled", mykolaiv, day, "on Friday")
        for i, what in enumerate(("a water tower", "the ferry pier", "a mobile clinic", "the tram depot"), 1):
            _doc(s, f"d_{i + 2}", f"Troops shelled {what} in Kharkiv.", "shelled", kharkiv, day - timedelta(days=3 * i),
                 "on Friday")
    with Session.begin() as s:
        fuse_new(s)
    incremental, refused = [], []
    for doc, sentence, later in (("d_7", "Officials condemned the shelling of the Hrytsenko grain depot.", 20),
                                 ("d_8", "Civilians were killed in the shelling of Mykolaiv on Friday.", 40)):
        with Session.begin() as s:
            _doc(s, doc, sentence, "shelling", mykolaiv, day + timedelta(days=later), "")
        with Session.begin() as s:
            fuse_new(s)
        with Session() as s:
            incremental.append(_events(s))
        refused.append(_refused_copy(path))
    with Session() as s:
        event_of = {d: e for _m, e, d in s.execute(select(FusionMemberRow.mention_id, FusionMemberRow.event_id,
                                                          FusionMemberRow.document_id))}
    return incremental, refused, event_of, read


def test_a_reference_reads_the_events_it_names_by_words_abroad_and_by_place_at_home(tmp_path, monkeypatch):
    """Of the events its referred cells hold, a reference reads those sharing a reference word (the
    depot abroad, named by its words) and, dated by its article, those of a compatible place (the
    bakery, sharing only common words): it joins both as reading everything would, and as a refuse
    does, from fewer stored mentions read."""
    everything = (lambda session, m, c, *rest: fx.mentions_in_cells(session, {inc.cell_key(x) for x in c.referred}))
    narrowed, refused, event_of, read = _references_into_a_month(tmp_path / "a.db", monkeypatch, inc._named_by)
    whole, _refused, _event_of, read_whole = _references_into_a_month(tmp_path / "b.db", monkeypatch, everything)
    assert narrowed == refused == whole
    assert event_of["d_7"] == event_of["d_1"] and event_of["d_8"] == event_of["d_2"]
    assert sum(read) < sum(read_whole)


def _report(session, rng: random.Random, doc: str, day: date, own_dated: bool) -> None:
    """One document, one report: own-dated ones make the events, the others (dated by their article,
    their place named or borrowed, or placed only in a region or the country) may refer back to them."""
    d = Document(id=doc, content_hash=doc, external_id=None, url=None, outlet=None, title=None,
                 published=PublishedDate(day, "metadata", 0.9, None, None), language="en", text="x", removed=(),
                 source="")
    repo.add_document(session, d)
    session.flush()
    row = repo.get_document(session, doc)
    row.story, row.stage = "s_" + doc, "extracted"
    etype, sub, trigger = rng.choice(TYPES[:2])
    place = rng.choice(UA_MORE + ABROAD[:1])
    named = rng.random() < 0.5
    text = f"Troops {trigger} {rng.choice(TARGETS)}" + (f" in {place.surface}" if named else "") + "."
    when = DateSpan(day, day, "day", "on Friday" if own_dated else "")
    repo.replace_mentions(session, doc, [Mention(doc, Evidence(doc, text, 0, len(text)), etype, sub, trigger, when,
                                                 place)])


def _months_then_references(path, monkeypatch, named_by) -> tuple[dict, dict, list[int]]:
    """Three months of reports in one country, then single new reports, a quarter of them own-dated,
    the rest dated by their articles (so each reaches every event of the 90 days before): the events
    fused one document at a time, those of a full refuse, and how many stored mentions each new
    reference read as context (through ``named_by`` in place of ``_named_by``)."""
    read: list[int] = []
    monkeypatch.setattr(inc, "_named_by", lambda session, m, c, *rest: read.append(len(found := named_by(session, m, c, *rest)))
                        or found)
    rng = random.Random(3)
    Session = make_sessionmaker(make_engine(f"sqlite:///{path}"))
    start = date(2024, 2, 1)
    with Session.begin() as s:
        for n in range(150):
            _report(s, rng, f"d_{n:03d}", start + timedelta(days=n * 90 // 150), rng.random() < 0.8)
    with Session.begin() as s:
        fuse_new(s)
    read.clear()
    for n in range(150, 162):
        with Session.begin() as s:
            _report(s, rng, f"d_{n:03d}", start + timedelta(days=91 + n - 150), n % 4 == 0)
        with Session.begin() as s:
            fuse_new(s)
    with Session() as s:
        incremental = _events(s)
    with Session.begin() as s:
        assert refuse(s).changes == (0, 0, 0)
    with Session() as s:
        return incremental, _events(s), read


def test_references_read_only_the_events_that_can_weigh_in_their_choice(tmp_path, monkeypatch):
    """Read as context, only the events sharing a reference word with a new reference or (for one
    dated by its article) standing at a compatible place (``_named_by``): the same events as reading
    every event it reaches, and as a full refuse, from fewer stored mentions read."""
    everything = (lambda session, m, c, *rest: fx.mentions_in_cells(session, {inc.cell_key(x) for x in c.referred}))
    narrowed, refused, read = _months_then_references(tmp_path / "a.db", monkeypatch, inc._named_by)
    whole, refused_whole, read_whole = _months_then_references(tmp_path / "b.db", monkeypatch, everything)
    assert narrowed == refused == whole == refused_whole and len(narrowed) > 60
    assert len(read) == len(read_whole) >= 9 and sum(read) < 0.85 * sum(read_whole)


def test_the_pools_cells_are_read_once_and_give_what_the_index_holds(tmp_path, monkeypatch):
    """``_Pool.in_cells`` keeps each cell's mentions for the run: the same ids as ``mentions_in_cells``,
    whatever cells a call mixes (read, unread, empty), and no cell read from the database twice."""
    Session = make_sessionmaker(make_engine(f"sqlite:///{tmp_path / 'c.db'}"))
    pairs = [(c, m) for c in range(20) for m in range(c * 3, c * 3 + c % 4)]  # cells 0, 4, 8, ... hold none
    with Session.begin() as s:
        fx.add_cells(s, pairs)
    reads: list[int] = []
    real = fx.mentions_by_cell
    monkeypatch.setattr(fx, "mentions_by_cell", lambda s, cs: reads.extend(cs) or real(s, cs))
    pool, rng = inc._Pool(), random.Random(5)
    with Session() as s:
        for _ in range(30):
            ask = set(rng.sample(range(25), rng.randint(0, 8)))
            assert pool.in_cells(s, ask) == fx.mentions_in_cells(s, ask)
    assert len(reads) == len(set(reads)) and set(reads) <= set(range(25))


def test_fusion_runs_with_the_collector_paused(monkeypatch):
    """``fuse_new`` runs inside ``gcpause.collector_paused`` (its own behaviour: tests/test_gcpause.py)."""
    from eventwire import gcpause

    seen = []
    monkeypatch.setattr(inc, "_fuse_new", lambda session, max_rounds: seen.append(gcpause.paused()))
    inc.fuse_new(None)
    assert seen == [True] and not gcpause.paused()
