"""The collector held off for a provenance pass, and given back as the caller had it."""
import gc

import pytest

from eventwire.gcpause import collector_paused
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


def test_the_collector_is_off_inside_and_back_after_also_on_an_error(collector_on):
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


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
        seen.append(gc.isenabled())
        return features(text, lex)

    monkeypatch.setattr(stored, "features", watched)
    pipe = Pipeline(f"sqlite:///{tmp_path / 'gc.db'}")
    with pipe.Session.begin() as s:
        repo.add_document(s, _document("a", TEXT))
        repo.add_document(s, _document("b", TEXT + " Two more drones were shot down."))
    pipe.update_provenance()
    assert seen and not any(seen)  # features were built, none of them with the collector on
    assert gc.isenabled()
    with pipe.Session() as s:
        assert repo.get_document(s, "b").story == repo.get_document(s, "a").story
