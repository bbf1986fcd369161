"""The boilerplate vocabularies, loaded once from package data.

Words live in ``data/lexicons/boilerplate.json`` grouped by concept (credit
labels, calls to action, social networks ...), so that adding a word never
means touching a rule, and a rule never hides a phrase list.  This module turns
each group into the shape the rules need: a set for whole-line look-ups and a
compiled regular expression for "phrase anywhere" or "label at line start".
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.clean.wordgate import GatedPattern, PhraseGate
from eventwire.phrases import alternation

LEXICON_PACKAGE = "eventwire.data.lexicons"
LEXICON_FILE = "boilerplate.json"


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Any phrase of the group as whole words, anywhere in a line."""
    return re.compile(rf"(?<![\w]){'(?:' + alternation(phrases) + ')'}(?![\w])", re.IGNORECASE)


def gated_phrase_pattern(phrases: list[str]) -> GatedPattern:
    """``phrase_pattern`` behind a ``wordgate.PhraseGate``: the lines without its words are not searched."""
    return GatedPattern(phrase_pattern(phrases), PhraseGate(phrases))


def label_pattern(labels: list[str]) -> re.Pattern[str]:
    """A label at the start of a line followed by a colon (``Tags: a, b``)."""
    return re.compile(rf"^\s*(?:{alternation(labels)})\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """Every vocabulary the classifier uses, ready to match."""

    groups: dict[str, frozenset[str]]
    lead_in_label: re.Pattern[str]
    cta: GatedPattern
    comment_prompt: GatedPattern
    share_cookie: GatedPattern
    credit_label: re.Pattern[str]
    credit_by: GatedPattern
    caption_strong: re.Pattern[str]
    caption_weak: re.Pattern[str]
    metadata_label: re.Pattern[str]
    metadata_label_any: GatedPattern
    credit_line_label: re.Pattern[str]
    credit_line_suffix: GatedPattern
    syndication: GatedPattern
    widget: GatedPattern
    spam: GatedPattern
    block_cue: GatedPattern  # widget words: an input of the line model, never a rule on its own

    def has(self, group: str, phrase: str) -> bool:
        return phrase.lower() in self.groups[group]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the JSON once per process; the result is immutable and shared."""
    raw = json.loads(resources.files(LEXICON_PACKAGE).joinpath(LEXICON_FILE).read_text("utf-8"))
    groups = {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
    weak = alternation(raw["caption_markers_weak"])
    strong = alternation(raw["caption_markers_strong"])
    return Lexicon(
        groups=groups,
        lead_in_label=label_pattern(raw["lead_in_labels"]),
        cta=gated_phrase_pattern(raw["cta_phrases"]),
        comment_prompt=gated_phrase_pattern(raw["comment_prompts"]),
        share_cookie=gated_phrase_pattern(raw["share_cookie_phrases"]),
        credit_label=label_pattern(raw["credit_labels"]),
        credit_by=gated_phrase_pattern(raw["credit_by_labels"]),
        caption_strong=re.compile(rf"[(\[]\s*(?:{strong})\s*[)\]]", re.IGNORECASE),
        caption_weak=re.compile(rf"[(\[]\s*(?:{weak})\s*[)\]]", re.IGNORECASE),
        metadata_label=label_pattern(raw["metadata_labels"]),
        metadata_label_any=GatedPattern(
            re.compile(rf"(?<!\w)(?:{alternation(raw['metadata_labels'])})\s*:", re.IGNORECASE),
            PhraseGate(raw["metadata_labels"]),
        ),
        credit_line_label=re.compile(rf"^\W*(?:{alternation(raw['credit_line_labels'])})\s", re.IGNORECASE),
        credit_line_suffix=gated_phrase_pattern(raw["credit_line_suffixes"]),
        syndication=gated_phrase_pattern(raw["syndication_notes"]),
        widget=gated_phrase_pattern(raw["widget_phrases"]),
        spam=gated_phrase_pattern(raw["spam_terms"]),
        block_cue=gated_phrase_pattern(raw["block_cues"]),
    )
