"""A speaker told in a relative clause vouches for the figures after it (sentences written for these tests)."""
from datetime import date

import pytest

from eventwire.model import Document, PublishedDate


def claimants(extractor, text: str) -> dict[int, str | None]:
    doc = Document("d", "0" * 64, None, None, "W", None, PublishedDate(date(2026, 11, 17), "metadata", 1.0), "en", text)
    return {c.value: c.claimant for m in extractor.extract(doc) for c in m.claims if c.property == "fatalities"}


def test_a_figure_after_a_relative_clauses_verb_of_speech_is_its_speakers(extractor):
    text = ("The military said on Monday it had killed a senior commander in an air strike in the central Gaza Strip, "
            "an attack that Gaza health officials said also killed six members of his family.")
    assert claimants(extractor, text) == {1: "military", 6: "Gaza health officials"}


@pytest.mark.parametrize("text", [
    "The military said on Monday an air strike killed six members of a family in the central Gaza Strip.",
    "An air strike killed six members of a family in the central Gaza Strip, the military said on Monday.",
])
def test_a_sentence_with_one_speaker_keeps_it_for_every_figure(extractor, text):
    assert claimants(extractor, text) == {6: "military"}
