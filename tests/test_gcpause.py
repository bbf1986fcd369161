"""The cycle collector paused for a provenance pass or a fusion run, and given back as the caller had it."""
import gc

import pytest

from eventwire.gcpause import collector_paused, paused
from eventwire.model import Document, PublishedDate
from eventwire.pipeline import Pipeline
from eventwire.provenance import stored
from eventwire.store import repository as repo

TEXT = ("Ukrainian drones struck an oil depot in the town of Lgov in the Kursk region early on Tuesday, the regional "
        "governor said, adding that two workers were injured. The governor said the fire at the depot was put out by "
        "the afternoon and that a garage and a car were also damaged by falling debris in the same street.")


@pytest.fixture()
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_inside_and_back_after_also_on_an_error(collector_on):
    with collector_paused():
        assert paused()
    assert gc.isenabled() and not paused()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled() and not paused()


def test_no_collection_inside_even_if_a_library_turns_the_collector_back_on_and_one_after():
    """``collector_paused``: no automatic collection inside (also after a library's ``gc.enable``, as
    srsly's loader does), the thresholds as they were after, and the cycles made inside collected
    then by a young collection, which does not walk the old generation; an exception inside restores
    them too."""
    import gc
    import weakref

    class Node:
        pass

    runs: list[int] = []
    counting = lambda phase, info: phase == "start" and runs.append(info["generation"])  # noqa: E731
    before = gc.get_threshold()
    gc.callbacks.append(counting)
    try:
        with collector_paused():
            gc.enable()
            assert gc.get_threshold()[0] == 0
            for _ in range(50_000):  # far past threshold0: would collect ~70 times
                a, b = Node(), Node()
                a.other, b.other = b, a
            gone = weakref.ref(a)
            del a, b
            assert runs == [] and gone() is not None
        assert runs == [1] and gone() is None  # one collection of the young generations, after
        assert gc.get_threshold() == before
        with pytest.raises(KeyError):
            with collector_paused():
                raise KeyError("x")
        assert gc.get_threshold() == before
    finally:
        gc.callbacks.remove(counting)
        gc.set_threshold(*before)


def test_a_caller_that_turned_the_collector_off_keeps_it_off(collector_on):
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()
    gc.enable()


def _document(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, content_hash=doc_id, external_id=None, url=None, outlet=None, title=None,
                    published=PublishedDate(None, "none", 0.0, None, None), language="en", text=text,
                    removed=(), source="")


def test_a_provenance_pass_verifies_its_copies_with_the_collector_off(tmp_path, monkeypatch, collector_on):
    seen = []
    features = stored.features

    def watched(text, lex=None):
        seen.append(paused())
        return features(text, lex)

    monkeypatch.setattr(stored, "features", watched)
    pipe = Pipeline(f"sqlite:///{tmp_path / 'gc.db'}")
    with pipe.Session.begin() as s:
        repo.add_document(s, _document("a", TEXT))
        repo.add_document(s, _document("b", TEXT + " Two more drones were shot down."))
    pipe.update_provenance()
    assert seen and all(seen)  # features were built, all of them with the collector paused
    assert gc.isenabled() and not paused()
    with pipe.Session() as s:
        assert repo.get_document(s, "b").story == repo.get_document(s, "a").story


def test_a_provenance_pass_has_let_go_of_its_index_before_the_collection_after_it(tmp_path, monkeypatch, collector_on):
    """``Pipeline._index_provenance`` returns before ``collector_paused`` collects: the pass's index (and
    its ~1M objects in a batch) is freed by reference counting, not walked by the collection."""
    import weakref

    made: list = []
    index_class = stored.StoredIndex

    class Watched(index_class):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            made.append(weakref.ref(self))

    alive_at_collection: list[bool] = []

    def at_start(phase, info):
        if phase == "start" and made:
            alive_at_collection.append(made[0]() is not None)

    monkeypatch.setattr(stored, "StoredIndex", Watched)
    pipe = Pipeline(f"sqlite:///{tmp_path / 'gc.db'}")
    with pipe.Session.begin() as s:
        repo.add_document(s, _document("a", TEXT))
    gc.callbacks.append(at_start)
    try:
        pipe.update_provenance()
    finally:
        gc.callbacks.remove(at_start)
    assert made and alive_at_collection == [False]
