"""Apply the line model to a page's verdicts: the block pass of the cleaner.

Runs after the single-line rules (their verdicts are features of the model:
a line between two dropped lines is probably furniture too) and before the
title is chosen, so that a menu above the headline no longer hides it.
"""
from __future__ import annotations

from eventwire.clean.boilerplate import Verdict
from eventwire.clean.features import ends_sentence, looks_like_reporting, words
from eventwire.clean.lexicon import Lexicon
from eventwire.clean.linefeatures import PROSE_MIN_WORDS, READER_WORDS
from eventwire.clean.linemodel import LineModel

REASON = "boilerplate block (line model)"
# A sentence of at least this many words right after a kept paragraph of prose
# continues the article ("The investigation continues.") unless it speaks to
# the reader; the model may not drop it.  Precision first: an article's last
# short sentence is reporting more often than a footer that reads like one.
FOLLOWER_MIN_WORDS = 3


def _prose(v: Verdict) -> bool:
    return v.keep and len(words(v.text)) >= PROSE_MIN_WORDS and ends_sentence(v.text)


def _plain_sentence(v: Verdict) -> bool:
    toks = [w.lower() for w in words(v.text)]
    return v.keep and len(toks) >= FOLLOWER_MIN_WORDS and ends_sentence(v.text) and not READER_WORDS.intersection(toks)


def guarded(verdicts: list[Verdict]) -> list[bool]:
    """Units the model may not drop: attributed sentences, and plain sentences that continue prose.

    An attributed sentence ("..., the governor said.") is reporting whatever its
    neighbours look like.  A plain sentence continues the article when the kept
    unit before it (units the rules dropped, such as a photo credit, are
    skipped) is prose or itself such a sentence.
    """
    out = [False] * len(verdicts)
    last_kept: int | None = None
    for i, v in enumerate(verdicts):
        if not v.keep:
            continue
        sentence = _plain_sentence(v)
        continues = last_kept is not None and (_prose(verdicts[last_kept]) or out[last_kept])
        out[i] = (ends_sentence(v.text) and looks_like_reporting(v.text)) or (sentence and continues)
        last_kept = i
    return out


def drop_by_model(verdicts: list[Verdict], model: LineModel, lex: Lexicon) -> list[Verdict]:
    """Drop each kept unit whose boilerplate probability reaches the model's threshold."""
    if not verdicts:
        return verdicts
    texts = [v.unit.text for v in verdicts]
    probs = model.page_probabilities(texts, [not v.keep for v in verdicts], lex)
    safe_units = guarded(verdicts)
    return [
        v.drop(REASON) if v.keep and p >= model.threshold and not safe else v
        for v, p, safe in zip(verdicts, probs, safe_units)
    ]
