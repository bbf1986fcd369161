"""ACLED sub-types of sentences we wrote from the codebook's definitions (tests/extract/data/acled_sentences.tsv).

CASE 2021's snippets tune and check the rules on real text; these sentences add the
phrasings the definitions name that neither half happens to hold ("protesters damaged
vehicles", "soldiers fired into the crowd", "took over the abandoned base"), one sub-type
each, with ``None`` for no conflict event.  Rows marked ``gap`` are known misses kept
in view: they are strict xfails, so a change that fixes one must mark it ``ok``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.extract.snippets import SnippetClassifier

DATA = Path(__file__).parent / "data" / "acled_sentences.tsv"


def rows():
    lines = DATA.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        sub, status, text = line.split("\t")
        marks = [pytest.mark.xfail(strict=True, reason="known gap")] if status == "gap" else []
        yield pytest.param(text, None if sub == "None" else sub, marks=marks, id=text[:60])


@pytest.fixture(scope="module")
def snip(nlp):
    return SnippetClassifier(nlp)


def test_the_file_is_well_formed():
    lines = DATA.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "sub_event_type\tstatus\ttext"
    texts = [line.split("\t")[2] for line in lines[1:]]
    assert len(texts) == len(set(texts)) > 100
    assert {line.split("\t")[1] for line in lines[1:]} == {"ok", "gap"}


@pytest.mark.parametrize("text, expected", list(rows()))
def test_sub_type_of_a_written_sentence(snip, text, expected):
    got = snip.classify(text)
    assert (got[1] if got else None) == expected
