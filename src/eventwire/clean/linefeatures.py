"""The numbers the line model reads about one unit of a page and its neighbours.

Boilerplate comes in blocks: a donation box is an appeal followed by short
option lines ("$10", "Monthly", "Remind me later"), a menu is a run of short
title-case lines, a footer sits after the last paragraph of prose.  So each
unit is described by its own shape (length, verbs and function words, title
case, digits, currency, lexicon hits, the line rules' verdict) and by the
same measurements averaged over a window of neighbours, plus where it sits
relative to the page's prose.  ``FEATURE_NAMES`` fixes the order of the
vector; the model file stores the names it was trained with and refuses a
mismatch.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from eventwire.clean.boilerplate import is_link_shaped
from eventwire.clean.features import (
    ends_sentence,
    looks_like_reporting,
    normalise,
    strip_bullet,
    title_case_share,
    url_share,
    words,
)
from eventwire.clean.lexicon import Lexicon

# Function words of English: prose is about half function words, menus and
# button rows almost none.
FUNCTION_WORDS = frozenset(
    """a about after all also an and any are as at be because been before being between both but by can could did
    do does during each either for from had has have he her here his how i if in into is it its may might more most
    must my no nor not of on once only or other our out over own she should since so some such than that the their
    them then there these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your""".split()
)
# Finite verbs and auxiliaries that make a line a clause rather than a label.
AUXILIARIES = frozenset(
    "is are was were be been being has have had do does did will would can could should may might must said says".split()
)
READER_WORDS = frozenset("you your yours we our us".split())
CURRENCY = re.compile(r"[$€£¥₹]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|euros?)\b", re.IGNORECASE)
PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
DIGIT = re.compile(r"\d")
PAST_OR_GERUND = re.compile(r"^[a-z]{3,}(?:ed|ing)$")
# Weather and clock widgets: "21°C", "-3 °F", "10:45 AM".
WEATHER_OR_CLOCK = re.compile(r"-?\d+\s?°\s?[CF]?|\b\d{1,2}:\d{2}\s?(?:[ap]\.?m\.?)?(?!\d)", re.IGNORECASE)
# Reaction and comment counters: "12 Comments", "1.2K shares", "Likes 45".
COUNTER = re.compile(r"^\W*(?:\d[\d.,]*[km]?\s*[^\W\d]+|[^\W\d]+\s*\(?\d[\d.,]*[km]?\)?)\W*$", re.IGNORECASE)
# Block cues counted up to this many hits per line.
CUE_CAP = 3
# A line of prose for the position features: a sentence of at least this many words.
PROSE_MIN_WORDS = 12
SHORT_MAX_WORDS = 4
# Neighbours looked at on each side for the block averages, and for the wider
# "is this inside the article" average of prose lines.
WINDOW = 3
WIDE_WINDOW = 8

OWN = (
    "log_chars", "log_words", "ends_sentence", "function_share", "has_auxiliary", "verb_form_share",
    "title_share", "punct_share", "digit_share", "currency", "url_share", "reader_share", "reporting",
    "short", "prose", "repeated", "rule_drop", "lex_ui", "lex_cta", "lex_comment", "lex_share", "lex_meta",
    "lex_credit", "lex_lead_in", "pipes", "lex_block", "question", "counter", "weather_or_clock", "starts_lower",
    "link_shaped",
)
NEIGHBOUR = (
    "log_words", "ends_sentence", "short", "prose", "rule_drop", "lex_any", "title_share", "currency", "lex_block",
    "link_shaped",
)
FEATURE_NAMES: tuple[str, ...] = (
    OWN
    + tuple(f"prev_{n}" for n in NEIGHBOUR)
    + tuple(f"next_{n}" for n in NEIGHBOUR)
    + tuple(f"win_{n}" for n in NEIGHBOUR)
    + ("position", "prose_before", "prose_after", "in_prose_span", "bias_short_x_win_prose", "wide_prose")
)


def _lexicon_hits(text: str, lex: Lexicon) -> dict[str, float]:
    bare = normalise(strip_bullet(text))
    short = len(text) <= 200
    return {
        "lex_ui": float(len(text) <= 60 and lex.has("whole_line_ui", bare)),
        "lex_cta": float(short and bool(lex.cta.search(text))),
        "lex_comment": float(short and bool(lex.comment_prompt.search(text))),
        "lex_share": float(short and bool(lex.share_cookie.search(text))),
        "lex_meta": float(bool(lex.metadata_label_any.search(text) or lex.widget.search(text))),
        "lex_credit": float(bool(lex.credit_label.match(text) or lex.credit_line_label.match(text))),
        "lex_lead_in": float(bool(lex.lead_in_label.match(text))),
    }


def own_features(text: str, lex: Lexicon, rule_drop: bool, repeated: bool) -> dict[str, float]:
    """One unit's own measurements (see ``OWN``)."""
    toks = words(text)
    lower = [t.lower() for t in toks]
    n = len(toks)
    chars = max(len(text), 1)
    f = {
        "log_chars": math.log1p(len(text)),
        "log_words": math.log1p(n),
        "ends_sentence": float(ends_sentence(text)),
        "function_share": sum(t in FUNCTION_WORDS for t in lower) / n if n else 0.0,
        "has_auxiliary": float(any(t in AUXILIARIES for t in lower)),
        "verb_form_share": sum(bool(PAST_OR_GERUND.match(t)) for t in lower) / n if n else 0.0,
        "title_share": title_case_share(text),
        "punct_share": len(PUNCT.findall(text)) / chars,
        "digit_share": len(DIGIT.findall(text)) / chars,
        "currency": float(bool(CURRENCY.search(text))),
        "url_share": url_share(text),
        "reader_share": sum(t in READER_WORDS for t in lower) / n if n else 0.0,
        "reporting": float(looks_like_reporting(text)),
        "short": float(n <= SHORT_MAX_WORDS),
        "prose": float(n >= PROSE_MIN_WORDS and ends_sentence(text)),
        "repeated": float(repeated),
        "rule_drop": float(rule_drop),
        "pipes": min(text.count("|") + text.count("•"), 5) / 5,
        "lex_block": min(len(lex.block_cue.findall(text)), CUE_CAP) / CUE_CAP,
        "question": float(text.rstrip().endswith("?")),
        "counter": float(bool(COUNTER.match(text))),
        "weather_or_clock": float(bool(WEATHER_OR_CLOCK.search(text))),
        "starts_lower": float(text[:1].islower()),
        "link_shaped": float(is_link_shaped(text)),
    }
    f.update(_lexicon_hits(text, lex))
    f["lex_any"] = max(f[k] for k in OWN if k.startswith("lex_") and k != "lex_block")
    return f


def _mean(rows: Sequence[dict[str, float]], key: str) -> float:
    return sum(r[key] for r in rows) / len(rows) if rows else 0.0


def page_features(texts: Sequence[str], rule_drops: Sequence[bool], lex: Lexicon) -> list[list[float]]:
    """The feature vector (in ``FEATURE_NAMES`` order) of every unit of one page."""
    counts = Counter(normalise(t) for t in texts)
    own = [own_features(t, lex, d, counts[normalise(t)] > 1) for t, d in zip(texts, rule_drops)]
    n = len(own)
    prose_chars = [len(t) if o["prose"] else 0 for t, o in zip(texts, own)]
    total = sum(prose_chars) or 1
    before = 0
    empty = {k: 0.0 for k in NEIGHBOUR}
    vectors = []
    for i, o in enumerate(own):
        prev_row = own[i - 1] if i > 0 else empty
        next_row = own[i + 1] if i + 1 < n else empty
        window = own[max(0, i - WINDOW):i] + own[i + 1:i + 1 + WINDOW]
        after = total - before - prose_chars[i]
        row = [o[k] for k in OWN]
        row += [prev_row[k] for k in NEIGHBOUR] + [next_row[k] for k in NEIGHBOUR]
        row += [_mean(window, k) for k in NEIGHBOUR]
        b, a = before / total, after / total
        wide = own[max(0, i - WIDE_WINDOW):i] + own[i + 1:i + 1 + WIDE_WINDOW]
        row += [i / max(n - 1, 1), b, a, float(b > 0 and a > 0), o["short"] * _mean(window, "prose"), _mean(wide, "prose")]
        before += prose_chars[i]
        vectors.append(row)
    return vectors
