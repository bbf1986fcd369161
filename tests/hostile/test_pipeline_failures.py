"""An exception escaping a stage for one document is a reported failure, never a crashed run."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from eventwire.model import IngestError, Record
from eventwire.pipeline import Pipeline
from eventwire.store.orm import DocumentRow

from hostile_inputs import GOOD_TEXT


class _Extractor:
    """Fails on any document whose text contains ``poison``; finds nothing elsewhere."""

    def __init__(self, poison: str | None) -> None:
        self.poison = poison

    def extract(self, doc, story=None):
        if self.poison and self.poison in doc.text:
            raise ValueError("could not convert string to float: '²'")
        return []


def _write(tmp_path, texts):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, t in enumerate(texts):
        (folder / f"{i}.txt").write_text(t, encoding="utf-8")
    return str(folder)


def test_extraction_error_is_reported_and_the_document_left_for_the_next_run(tmp_path, db_url):
    folder = _write(tmp_path, [GOOD_TEXT, "Shelling killed ² people in Kupiansk on Monday, police said.", GOOD_TEXT.replace("Monday", "Friday")])
    summary = Pipeline(db_url, extractor_factory=lambda: _Extractor("²")).ingest([folder])
    assert summary.new == 3 and summary.failed == 1
    [err] = summary.errors
    assert "1.txt (d_" in err.source and "unexpected error in extract (ValueError" in err.reason
    assert "left for the next run" in err.reason
    pipe = Pipeline(db_url, extractor_factory=lambda: _Extractor(None))
    with pipe.Session() as s:
        stages = sorted(s.scalars(select(DocumentRow.stage)))
    assert stages == ["cleaned", "extracted", "extracted"]
    again = pipe.ingest([folder])  # fixed extractor: the left-over document is finished, nothing duplicated
    assert again.failed == 0 and again.new == 0 and again.duplicates == 3
    with pipe.Session() as s:
        assert sorted(s.scalars(select(DocumentRow.stage))) == ["extracted"] * 3


def test_unexpected_cleaner_error_is_reported_and_the_run_goes_on(tmp_path, db_url):
    from eventwire.clean import Cleaner

    class Brittle(Cleaner):
        def clean(self, record: Record):
            if "boom" in (record.text or ""):
                raise KeyError("surprise")
            return super().clean(record)

    folder = _write(tmp_path, ["boom goes the cleaner", GOOD_TEXT])
    summary = Pipeline(db_url, cleaner=Brittle(), extractor_factory=lambda: _Extractor(None)).ingest([folder])
    assert summary.new == 1 and summary.failed == 1
    assert summary.errors[0].source.endswith("0.txt")
    assert summary.errors[0].reason.startswith("unexpected error in clean (KeyError")


def test_a_reader_that_raises_is_reported(tmp_path, db_url, monkeypatch):
    import eventwire.ingest.files as files

    def broken(path, limits):
        raise RuntimeError("reader bug")
        yield  # pragma: no cover

    monkeypatch.setattr(files, "read_jsonl", broken)
    (tmp_path / "x.jsonl").write_text('{"text": "a"}\n', encoding="utf-8")
    (tmp_path / "y.txt").write_text(GOOD_TEXT, encoding="utf-8")
    items = list(files.read_inputs([str(tmp_path / "x.jsonl"), str(tmp_path / "y.txt")]))
    assert isinstance(items[0], IngestError) and "unexpected error reading it (RuntimeError: reader bug)" in items[0].reason
    assert isinstance(items[1], Record)


@pytest.mark.slow
def test_a_run_on_sentence_is_cut_into_paragraphs_spacy_can_take(nlp):
    """Text longer than nlp.max_length in one line: chunked in paragraphs(), not an E088 crash."""
    from eventwire.clean import Cleaner
    from eventwire.extract.factories import build_extractor
    from eventwire.extract.components.sentences import paragraphs

    unit = "and the shelling of Kupiansk by Russian forces continued on Monday killing two civilians according to officials "
    text = "Shelling hit Kupiansk on Monday, officials said. " + unit * 600  # ~70k characters, one line
    for off, part in paragraphs(text):
        assert text[off:off + len(part)] == part and len(part) <= 10_000
    doc = Cleaner().clean(Record(source="run-on", text=text, published="2024-03-04"))
    extractor = build_extractor()
    old = extractor.nlp.max_length
    extractor.nlp.max_length = 20_000  # the whole text is over it; each piece is under it
    try:
        mentions = extractor.extract(doc)
    finally:
        extractor.nlp.max_length = old
    assert mentions and all(m.evidence.start < m.evidence.end <= len(doc.text) for m in mentions)
