"""Extraction ahead: a result got before provenance is used only for the very document the pipeline asks for."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from eventwire.engines import ahead as ahead_mod
from eventwire.engines.ahead import Ahead, merged
from eventwire.engines.work import ExtractJob, Extracted


@dataclass(frozen=True)
class Doc:
    id: str
    published: str


@dataclass(frozen=True)
class Found:
    word: str
    story: str | None = None


class Done:
    def __init__(self, value=None, exc: BaseException | None = None):
        self.value, self.exc = value, exc

    def result(self):
        if self.exc is not None:
            raise self.exc
        return self.value

    def exception(self):
        return self.exc


def extract(chunk: list[ExtractJob], tag: str) -> list[Extracted]:
    """What a worker would give: one mention naming the document, its date and who extracted it."""
    return [Extracted(j.doc.id, j, (Found(f"{j.doc.id}@{j.doc.published}:{tag}", j.story),)) for j in chunk]


def test_results_ahead_are_used_for_equal_documents_and_a_changed_one_is_extracted_again():
    sent: list[list[str]] = []
    early = [ExtractJob(Doc(f"d{i}", "may 1"), None) for i in range(5)]
    futures = [Done(extract(early[:3], "ahead")), Done(extract(early[3:], "ahead"))]
    results = {j.doc.id: (j, futures[i // 3], i % 3) for i, j in enumerate(early)}

    def submit(chunk):
        sent.append([j.doc.id for j in chunk])
        return Done(extract(chunk, "now"))

    # d2's date changed in provenance; d9 was stored after the workers were asked; the story is set late
    jobs = [ExtractJob(Doc("d0", "may 1"), "s1"), ExtractJob(Doc("d9", "may 1"), "s9"),
            ExtractJob(Doc("d2", "apr 3"), "s1"), ExtractJob(Doc("d1", "may 1"), None),
            ExtractJob(Doc("d4", "may 1"), "s4")]
    got = list(merged(jobs, results, submit, batch=2))
    assert [r.doc_id for r in got] == ["d0", "d9", "d2", "d1", "d4"]
    assert [r.job for r in got] == jobs
    assert [r.mentions for r in got] == [
        (Found("d0@may 1:ahead", "s1"),), (Found("d9@may 1:now", "s9"),), (Found("d2@apr 3:now", "s1"),),
        (Found("d1@may 1:ahead", None),), (Found("d4@may 1:ahead", "s4"),)]
    assert sent == [["d9", "d2"]]
    assert set(results) == {"d3"}  # used or dropped: a document asked for is never taken twice


def test_a_failure_ahead_is_extracted_again():
    early = [ExtractJob(Doc("a", "x"), None), ExtractJob(Doc("b", "x"), None)]
    failed = Done([Extracted("a", early[0], error="boom"), Extracted("b", early[1], error="boom")])
    broken = Done(exc=RuntimeError("worker died"))
    results = {"a": (early[0], failed, 0), "b": (early[1], broken, 1)}
    got = list(merged([ExtractJob(Doc("a", "x"), "s"), ExtractJob(Doc("b", "x"), "s")], results,
                      lambda chunk: Done(extract(chunk, "now")), batch=4))
    assert [r.mentions for r in got] == [(Found("a@x:now", "s"),), (Found("b@x:now", "s"),)]
    assert all(r.error is None for r in got)


def test_documents_wait_for_the_workers_then_go_in_batches_and_at_most_AHEAD_MAX(monkeypatch):
    monkeypatch.setattr(ahead_mod, "AHEAD_MAX", 5)
    sent: list[list[str]] = []
    a = Ahead(batch=2)
    for i in range(3):
        a.add(ExtractJob(Doc(f"d{i}", "x"), None))
    assert sent == []  # the workers are not up yet
    a.ready(lambda chunk: sent.append([j.doc.id for j in chunk]) or Done(extract(chunk, "ahead")))
    assert sent == [["d0", "d1"], ["d2"]]
    for i in range(3, 9):
        a.add(ExtractJob(Doc(f"d{i}", "x"), None))
    assert sent[2:] == [["d3", "d4"]]  # a full batch goes at once; beyond AHEAD_MAX nothing is held
    a.flush()
    assert sent[3:] == []
    taken = a.take()
    assert sorted(taken) == ["d0", "d1", "d2", "d3", "d4"]
    assert a.take() == {}
    a.add(ExtractJob(Doc("e0", "x"), None))  # a later round (watch) starts afresh
    a.flush()
    assert sent[-1] == ["e0"]


@pytest.mark.slow
def test_an_ingest_with_two_workers_uses_what_they_extracted_ahead(tmp_path, mixed_inputs, snapshot, monkeypatch):
    from eventwire.pipeline import Pipeline

    used = []
    as_job = ahead_mod._as_job
    monkeypatch.setattr(ahead_mod, "_as_job", lambda *a: used.append(1) or as_job(*a))
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    Pipeline(one, workers=1).ingest(mixed_inputs)
    pool = Pipeline(two, workers=2)
    try:
        pool.ingest(mixed_inputs)
    finally:
        pool.close()
    assert len(used) > 0
    assert snapshot(one) == snapshot(two)
