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

from eventwire.clean.boilerplate import COPYRIGHT, is_link_shaped
from eventwire.clean.features import (
    MINOR_WORDS,
    capitalised,
    ends_sentence,
    looks_like_reporting,
    normalise,
    strip_bullet,
    url_share,
    words,
)
from eventwire.clean.lexicon import Lexicon
from eventwire.data import lexicon_words as words_of

# Function words of English: prose is about half function words, menus and
# button rows almost none.
FUNCTION_WORDS = words_of("function_words", "line_function_words")
# Finite verbs and auxiliaries that make a line a clause rather than a label.
AUXILIARIES = words_of("function_words", "line_auxiliaries")
READER_WORDS = words_of("function_words", "reader_words")
CURRENCY = re.compile(r"[$€£¥₹]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|euros?)\b", re.IGNORECASE)
PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
DIGIT = re.compile(r"\d")
PAST_OR_GERUND = re.compile(r"^[a-z]{3,}(?:ed|ing)$")
# Weather and clock widgets: "21°C", "-3 °F", "10:45 AM".  Each match holds a "°" or a ":"
# (WEATHER_OR_CLOCK_MARKS): a line with neither is not searched.
WEATHER_OR_CLOCK = re.compile(r"-?\d+\s?°\s?[CF]?|\b\d{1,2}:\d{2}\s?(?:[ap]\.?m\.?)?(?!\d)", re.IGNORECASE)
WEATHER_OR_CLOCK_MARKS = ("°", ":")
# Reaction and comment counters: "12 Comments", "1.2K shares", "Likes 45".
COUNTER = re.compile(r"^\W*(?:\d[\d.,]*[km]?\s*[^\W\d]+|[^\W\d]+\s*\(?\d[\d.,]*[km]?\)?)\W*$", re.IGNORECASE)
# Block cues counted up to this many hits per line.
CUE_CAP = 3
# Pattern features look at a line's first PROBE_CHARS characters only; whole-line
# labels and counters are at most UI_MAX_CHARS long, phrase cues count on lines up
# to SHORT_CHARS (as in the rules of ``boilerplate``); a headline-shaped link is at
# most LINK_SHAPED_MAX_WORDS words (boilerplate.LINK_LINE_MAX_WORDS).
PROBE_CHARS = 300
UI_MAX_CHARS = 60
SHORT_CHARS = 200
LINK_SHAPED_MAX_WORDS = 20
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
# Block features (``block_features``): what the run of units around a unit is.
BLOCK = ("continues_prose", "short_run", "after_footer", "wide_short", "wide_rule_drop", "wide_title_share")
LEX_ANY = tuple(k for k in OWN if k.startswith("lex_") and k != "lex_block")  # the rules' vocabularies
FEATURE_NAMES: tuple[str, ...] = (
    OWN
    + tuple(f"prev_{n}" for n in NEIGHBOUR)
    + tuple(f"next_{n}" for n in NEIGHBOUR)
    + tuple(f"win_{n}" for n in NEIGHBOUR)
    + ("position", "prose_before", "prose_after", "in_prose_span", "bias_short_x_win_prose", "wide_prose")
    + BLOCK
)


def _lexicon_hits(text: str, lex: Lexicon) -> dict[str, float]:
    bare = normalise(strip_bullet(text)) if len(text) <= UI_MAX_CHARS else ""
    short = len(text) <= SHORT_CHARS
    return {
        "lex_ui": float(bool(bare) and lex.has("whole_line_ui", bare)),
        "lex_cta": float(short and bool(lex.cta.search(text))),
        "lex_comment": float(short and bool(lex.comment_prompt.search(text))),
        "lex_share": float(short and bool(lex.share_cookie.search(text))),
        "lex_meta": float(bool(lex.metadata_label_any.search(text) or lex.widget.search(text))),
        "lex_credit": float(bool(lex.credit_label.match(text) or lex.credit_line_label.match(text))),
        "lex_lead_in": float(bool(lex.lead_in_label.match(text))),
    }


def weather_or_clock(text: str) -> bool:
    """``WEATHER_OR_CLOCK`` searched only in a line holding one of its marks."""
    return any(c in text for c in WEATHER_OR_CLOCK_MARKS) and bool(WEATHER_OR_CLOCK.search(text))


def _title_share(toks: list[str]) -> float:
    """``features.title_case_share`` on words already split."""
    content = [w for w in toks if w[:1].isalpha() and w.lower() not in MINOR_WORDS]
    return sum(1 for w in content if capitalised(w)) / len(content) if content else 0.0


def own_features(text: str, lex: Lexicon, rule_drop: bool, repeated: bool) -> dict[str, float]:
    """One unit's own measurements (see ``OWN``).

    Pattern features read only the first ``PROBE_CHARS`` characters: widgets
    are short, and a long paragraph is told by its length and words, so
    searching all of it would only cost time.
    """
    toks = words(text)
    lower = [t.lower() for t in toks]
    n = len(toks)
    probe = text[:PROBE_CHARS]
    chars = max(len(probe), 1)
    ends = ends_sentence(text)
    f = {
        "log_chars": math.log1p(len(text)),
        "log_words": math.log1p(n),
        "ends_sentence": float(ends),
        "function_share": sum(t in FUNCTION_WORDS for t in lower) / n if n else 0.0,
        "has_auxiliary": float(any(t in AUXILIARIES for t in lower)),
        "verb_form_share": sum(bool(PAST_OR_GERUND.match(t)) for t in lower) / n if n else 0.0,
        "title_share": _title_share(toks),
        "punct_share": len(PUNCT.findall(probe)) / chars,
        "digit_share": len(DIGIT.findall(probe)) / chars,
        "currency": float(bool(CURRENCY.search(probe))),
        "url_share": url_share(probe),
        "reader_share": sum(t in READER_WORDS for t in lower) / n if n else 0.0,
        "reporting": float(looks_like_reporting(text)),
        "short": float(n <= SHORT_MAX_WORDS),
        "prose": float(n >= PROSE_MIN_WORDS and ends),
        "repeated": float(repeated),
        "rule_drop": float(rule_drop),
        "pipes": min(probe.count("|") + probe.count("•"), 5) / 5,
        "lex_block": min(len(lex.block_cue.findall(probe)), CUE_CAP) / CUE_CAP,
        "question": float(text.rstrip().endswith("?")),
        "counter": float(len(text) <= UI_MAX_CHARS and bool(COUNTER.match(text))),
        "weather_or_clock": float(weather_or_clock(probe)),
        "starts_lower": float(text[:1].islower()),
        "link_shaped": float(n <= LINK_SHAPED_MAX_WORDS and is_link_shaped(text)),
    }
    f.update(_lexicon_hits(probe, lex))
    f["lex_any"] = max(f[k] for k in LEX_ANY)
    return f


def _window_means(own: list[dict[str, float]], key: str, width: int) -> list[float]:
    """For each unit, the mean of ``key`` over up to ``width`` units each side (itself excluded)."""
    n = len(own)
    prefix = [0.0]
    for o in own:
        prefix.append(prefix[-1] + o[key])
    out = []
    for i in range(n):
        lo, hi = max(0, i - width), min(n, i + 1 + width)
        count = hi - lo - 1
        out.append((prefix[hi] - prefix[lo] - own[i][key]) / count if count else 0.0)
    return out


def page_features(texts: Sequence[str], rule_drops: Sequence[bool], lex: Lexicon) -> list[list[float]]:
    """The feature vector (in ``FEATURE_NAMES`` order) of every unit of one page."""
    keys = [normalise(t) for t in texts]
    counts = Counter(keys)
    own = [own_features(t, lex, d, counts[k] > 1) for t, d, k in zip(texts, rule_drops, keys)]
    n = len(own)
    prose_chars = [len(t) if o["prose"] else 0 for t, o in zip(texts, own)]
    total = sum(prose_chars) or 1
    windows = {k: _window_means(own, k, WINDOW) for k in NEIGHBOUR}
    wide = _window_means(own, "prose", WIDE_WINDOW)
    blocks = block_features(texts, own)
    before = 0
    empty = {k: 0.0 for k in NEIGHBOUR}
    vectors = []
    for i, o in enumerate(own):
        prev_row = own[i - 1] if i > 0 else empty
        next_row = own[i + 1] if i + 1 < n else empty
        after = total - before - prose_chars[i]
        row = [o[k] for k in OWN]
        row += [prev_row[k] for k in NEIGHBOUR] + [next_row[k] for k in NEIGHBOUR]
        row += [windows[k][i] for k in NEIGHBOUR]
        b, a = before / total, after / total
        row += [i / max(n - 1, 1), b, a, float(b > 0 and a > 0), o["short"] * windows["prose"][i], wide[i]]
        row += blocks[i]
        before += prose_chars[i]
        vectors.append(row)
    return vectors


def _short_runs(own: list[dict[str, float]]) -> list[float]:
    """log(1 + length) of the run of consecutive short units a unit sits in (0 for a longer unit).

    Option lines of a donation box, a menu, a payment-badge row: furniture
    comes as runs of short lines, an article as paragraphs.
    """
    out = [0.0] * len(own)
    i = 0
    while i < len(own):
        if not own[i]["short"]:
            i += 1
            continue
        j = i
        while j < len(own) and own[j]["short"]:
            j += 1
        out[i:j] = [math.log1p(j - i)] * (j - i)
        i = j
    return out


def _continues_prose(texts: Sequence[str], own: list[dict[str, float]]) -> list[float]:
    """1 for a sentence whose nearest unit the rules kept before it is prose, or itself such a sentence.

    An article's last short sentence ("The investigation continues.") follows
    its prose, skipping a photo credit the rules dropped; a footer note usually
    follows other furniture.
    """
    out = [0.0] * len(own)
    last: int | None = None
    for i, o in enumerate(own):
        if o["rule_drop"]:
            continue
        sentence = bool(o["ends_sentence"]) and o["log_words"] >= math.log1p(3) and not o["reader_share"]
        out[i] = float(sentence and last is not None and bool(own[last]["prose"] or out[last]))
        last = i
    return out


def _after_footer(texts: Sequence[str]) -> list[float]:
    """1 for every unit after the page's first copyright line: a footer runs to the end of the page."""
    out, seen = [], False
    for t in texts:
        out.append(float(seen))
        seen = seen or (len(t) <= SHORT_CHARS and bool(COPYRIGHT.search(t)))
    return out


def block_features(texts: Sequence[str], own: list[dict[str, float]]) -> list[list[float]]:
    """The ``BLOCK`` columns of every unit."""
    runs = _short_runs(own)
    cont = _continues_prose(texts, own)
    footer = _after_footer(texts)
    wide = {k: _window_means(own, k, WIDE_WINDOW) for k in ("short", "rule_drop", "title_share")}
    return [[cont[i], runs[i], footer[i], wide["short"][i], wide["rule_drop"][i], wide["title_share"][i]]
            for i in range(len(own))]
