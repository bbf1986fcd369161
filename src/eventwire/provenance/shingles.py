"""Turn a text into the sets that copies share: tokens, sentences and shingles.

Why several kinds of feature: a verbatim copy with different chrome keeps
most 5-word shingles, but a spun or paraphrased copy keeps almost none of
them (DESIGN.md measured 0.13) while still keeping most content words, the
named entities and the numbers.  So a document is described by

* ``shingles``  - hashed 5-word shingles over all words (near-duplicates);
* ``units``     - content-word stems mapped through synonym groups (rewrites);
* ``bigrams``   - consecutive content-unit pairs (rewrites that keep phrasing);
* ``entities``  - capitalised names, keyed loosely so Russia ~ Russian;
* ``numbers``   - figures normalised to digits ("four" -> 4, "600km" -> 600).

Stemming is deliberately crude (suffix stripping plus a length cap): it only
has to make two spellings of one word collide, not produce real lemmas, and
it is fast enough for 100k documents.
"""
from __future__ import annotations

import hashlib
import json
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

SHINGLE_SIZE = 5
# Stems are cut to this many characters after suffix stripping; 7 keeps
# "military"/"militant" apart while "damaged"/"damage" still meet.
STEM_LENGTH = 7

# what ``normalise`` replaces: one character by one character none of which is replaced in turn, so
# replacing them one after another is the translation ``str.translate`` made (at 1/80 of its cost on a
# news text with curly quotes: translate looked every character up in a dict)
_APOSTROPHES = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " "))
TOKEN_RE = re.compile(
    r"\d+(?:[.,:]\d+)*"  # 600, 1.35, 21:00, 50,000
    r"|[^\W\d_]+(?:['-][^\W\d_]+)*(?:'s)?"  # words, hyphenated words, possessives
    r"|n't",
    re.UNICODE,
)
NUMBER_RE = re.compile(r"^\d+(?:[.,:]\d+)*$")
# A sentence ends at . ! ? (optionally followed by a closing quote or
# bracket) and whitespace; newlines always end a sentence (headlines, list
# items and run-on paragraphs are their own units).
_SENT_END_RE = re.compile(r"[.!?][\"')\]]*\s+|\n+")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sgt capt maj jr sr no vs u.s u.k u.n prof rev gov sen rep inc ltd co corp approx est jan feb aug sept oct nov dec".split()
)


@dataclass(frozen=True)
class Lexicon:
    """The vocabularies of ``data/lexicons/drift.json``, as sets for lookups."""

    function_words: frozenset[str]
    reporting_verbs: frozenset[str]
    attack_verbs: frozenset[str]
    passive_markers: frozenset[str]
    negation_cues: frozenset[str]
    negation_phrases: tuple[tuple[str, ...], ...]
    denial_verbs: frozenset[str]
    non_negating_idioms: tuple[tuple[str, ...], ...]
    number_words: dict[str, int]
    months: frozenset[str]
    weekdays: frozenset[str]
    relative_dates: tuple[tuple[str, ...], ...]
    place_prepositions: frozenset[str]
    area_words: frozenset[str]
    synonyms: dict[str, str]  # stem -> group key
    # token -> ``word_facts``, filled as ``features`` meets words: functions of token and lexicon alone
    word_cache: dict[str, tuple[str | None, str | None, str]] = field(
        default_factory=dict, init=False, compare=False, repr=False)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the lexicon once per process (it is package data, never edited at run time)."""
    raw = json.loads(resources.files("eventwire.data.lexicons").joinpath("drift.json").read_text("utf-8"))
    neg = raw["negation_cues"]
    synonyms: dict[str, str] = {}
    for group in raw["synonym_groups"]:
        key = "~" + stem(group[0])
        for word in group:
            synonyms.setdefault(stem(word), key)
    dates = raw["date_words"]
    return Lexicon(
        function_words=frozenset(raw["function_words"]),
        reporting_verbs=frozenset(raw["reporting_verbs"]),
        attack_verbs=frozenset(raw["attack_verbs"]),
        passive_markers=frozenset(raw["passive_markers"]),
        negation_cues=frozenset(w for w in neg if " " not in w),
        negation_phrases=tuple(tuple(w.split()) for w in neg if " " in w),
        denial_verbs=frozenset(raw["denial_verbs"]),
        non_negating_idioms=tuple(tuple(p.split()) for p in raw["non_negating_idioms"]),
        number_words=dict(raw["number_words"]),
        months=frozenset(dates["months"]),
        weekdays=frozenset(dates["weekdays"]),
        relative_dates=tuple(tuple(p.split()) for p in dates["relative"]),
        place_prepositions=frozenset(raw["place_cues"]["prepositions"]),
        area_words=frozenset(raw["place_cues"]["area_words"]),
        synonyms=synonyms,
    )


def normalise(text: str) -> str:
    """Unify quotes and spaces; used before tokenising and for duplicate hashes."""
    for char, plain in _APOSTROPHES:
        if char in text:
            text = text.replace(char, plain)
    return text


def duplicate_key(text: str) -> str:
    """Hash of the text with case, punctuation and spacing removed: equal keys = duplicates."""
    words = TOKEN_RE.findall(normalise(text).lower())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Crude stem: lowercase, drop possessive and common suffixes, cap the length."""
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: len(w) - len(suffix)] + keep
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w[:STEM_LENGTH]


def entity_key(word: str) -> str:
    """Loose key for a name: "Russia's", "Russian" and "Russia" share "russi"."""
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    return w[:5]


def token_hash(token: str) -> int:
    """Stable 32-bit hash (crc32): identical across processes, unlike ``hash``."""
    return zlib.crc32(token.encode("utf-8"))


def shingle_hashes(lower: list[str]) -> frozenset[int]:
    """``token_hash`` of every ``SHINGLE_SIZE`` consecutive words (all of them when there are fewer).

    The windows are zipped rather than sliced and hashed without a call a window: this was a fifth
    of the time ``features`` and ``Sketcher.sketch`` took.
    """
    if not lower:
        return frozenset()
    if len(lower) < SHINGLE_SIZE:
        return frozenset((token_hash(" ".join(lower)),))
    crc32, join = zlib.crc32, " ".join
    windows = zip(*(lower[k:] for k in range(SHINGLE_SIZE)))
    return frozenset([crc32(join(w).encode("utf-8")) for w in windows])


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document: its exact text and offsets plus its features."""

    index: int
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    units: frozenset[str]  # content units (stems through synonym groups)
    entities: tuple[str, ...]  # surface forms of names, in order
    numbers: frozenset[str]


def tokens(text: str) -> list[Token]:
    norm = normalise(text)
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(norm)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (the text itself is not changed)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END_RE.finditer(text):
        end = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        if "\n" not in m.group(0):
            # Do not split after an abbreviation or an initial ("Mr.", "U.S.", "J.")
            before = text[start:m.start()].rsplit(None, 1)
            last = before[-1].lower().rstrip(".") if before else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
            nxt = text[m.end():m.end() + 1]
            if nxt and nxt.islower():
                continue
            end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        start = m.end()
    piece = text[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + len(piece.rstrip())))
    return spans


def number_value(tok: str, lex: Lexicon) -> str | None:
    """Digits of a number token ("4", "1.35", "50000"), or None if it is not a number."""
    low = tok.lower()
    if NUMBER_RE.match(tok):
        if re.fullmatch(r"\d{1,3}(,\d{3})+", tok):
            return tok.replace(",", "")
        return tok
    if low in lex.number_words:
        return str(lex.number_words[low])
    return None


def word_facts(word: str, lex: Lexicon) -> tuple[str | None, str | None, str]:
    """(``content_unit``, ``number_value``, lowercase) of a token, remembered on ``lex``: ``features`` asked both
    of every token of every document (~300k tokens a provenance batch, two regular expressions each)."""
    facts = lex.word_cache.get(word)
    if facts is None:
        if len(lex.word_cache) >= WORD_CACHE_SIZE:
            lex.word_cache.clear()
        facts = lex.word_cache[word] = (content_unit(word, lex), number_value(word, lex), word.lower())
    return facts


def content_unit(word: str, lex: Lexicon) -> str | None:
    """The unit a content word contributes (synonym group or stem), None for function words."""
    low = word.lower()
    if low in lex.function_words or low == "n't" or len(low) < 2:
        return None
    if NUMBER_RE.match(low):
        return None
    s = stem(low)
    if s in lex.function_words:
        return None
    return lex.synonyms.get(s, s)


def is_name(tok: Token, first_in_sentence: bool, lowercase_seen: frozenset[str], lex: Lexicon,
            next_tok: Token | None = None, capitalised_inside: frozenset[str] = frozenset()) -> bool:
    """A capitalised word that is not a function word.

    A sentence-initial word is capitalised anyway, so it counts only when it is
    never seen lowercase and either the next word is capitalised too
    ("Mikhail Vedernikov said") or the word is capitalised mid-sentence
    somewhere in the text; this keeps "Notably," and "Subsequent" out.
    """
    w = tok.text
    if not w[:1].isupper() or NUMBER_RE.match(w):
        return False
    low = w.lower()
    base = low[:-2] if low.endswith("'s") else low
    if base in lex.function_words or base in lex.reporting_verbs or base in lex.months or base in lex.weekdays:
        return False
    if first_in_sentence:
        if base in lowercase_seen or stem(base) in lowercase_seen:
            return False
        next_is_name = next_tok is not None and next_tok.text[:1].isupper() and next_tok.text.lower() not in lex.function_words
        if not next_is_name and w not in capitalised_inside:
            return False
    if w.isupper() and len(w) > 5:  # SHOUTED headline words
        return False
    return True


def _next_word(toks: tuple[Token, ...], j: int, norm: str) -> Token | None:
    """The next token when only spaces separate it from token ``j`` (a comma ends a name)."""
    if j + 1 < len(toks) and not norm[toks[j].end:toks[j + 1].start].strip():
        return toks[j + 1]
    return None


def sentences(text: str, lex: Lexicon | None = None) -> list[Sentence]:
    """The sentences of ``text`` with their content units, names and numbers."""
    return _sentences(text, lex or load_lexicon())[0]


def _sentences(text: str, lex: Lexicon) -> tuple[list[Sentence], list[list[str]], list[str]]:
    """``sentences``; each sentence's content units in token order (``features`` makes its bigrams of
    them) and every token lowercased, in order (its shingles): each token is looked at once."""
    norm = normalise(text)
    # the lowercase vocabulary, from the token strings alone (``tokens`` built a Token for each: a
    # tenth of the time a provenance pass spent in ``features``)
    lower_words = {w for w in TOKEN_RE.findall(norm) if w[:1].islower()}
    lowercase_seen = frozenset(lower_words | {stem(w) for w in lower_words})
    spans = split_sentences(text)
    cache, finditer = lex.word_cache, TOKEN_RE.finditer
    per_sentence, seqs, numbers, lowered = [], [], [], []
    for s, e in spans:  # tokens never cross a span's ends (whitespace), so matching inside it is matching its slice
        toks, seq, nums = [], [], set()
        for m in finditer(norm, s, e):
            w = m[0]
            toks.append(Token(w, m.start(), m.end()))
            unit, number, low = cache.get(w) or word_facts(w, lex)
            lowered.append(low)
            if unit:
                seq.append(unit)
            if number:
                nums.add(number)
        per_sentence.append(tuple(toks))
        seqs.append(seq)
        numbers.append(frozenset(nums))
    capitalised_inside = frozenset(t.text for toks in per_sentence for t in toks[1:] if t.text[:1].isupper())
    out: list[Sentence] = []
    for i, ((s, e), toks) in enumerate(zip(spans, per_sentence)):
        # ``is_name`` is False for a token not capitalised, whatever follows it: asked of the others only
        names = tuple(
            t.text for j, t in enumerate(toks)
            if t.text[:1].isupper()
            and is_name(t, j == 0, lowercase_seen, lex, _next_word(toks, j, norm), capitalised_inside)
        )
        out.append(Sentence(i, text[s:e], s, e, toks, frozenset(seqs[i]), names, numbers[i]))
    return out, seqs, lowered


@dataclass(frozen=True)
class DocFeatures:
    """Everything the pair checks need of one document (computed once per document)."""

    dup_key: str
    shingles: frozenset[int]
    units: frozenset[str]
    bigrams: frozenset[str]
    entities: frozenset[str]
    numbers: frozenset[str]
    sentences: tuple[Sentence, ...]


def features(text: str, lex: Lexicon | None = None) -> DocFeatures:
    lex = lex or load_lexicon()
    sents, seqs, words = _sentences(text, lex)
    shingles = shingle_hashes(words)
    units: set[str] = set()
    bigrams: set[str] = set()
    for seq in seqs:
        units.update(seq)
        bigrams.update(f"{a} {b}" for a, b in zip(seq, seq[1:]))
    return DocFeatures(
        dup_key=duplicate_key(text),
        shingles=shingles,
        units=frozenset(units),
        bigrams=frozenset(bigrams),
        entities=frozenset(entity_key(n) for s in sents for n in s.entities),
        numbers=frozenset(n for s in sents for n in s.numbers),
        sentences=tuple(sents),
    )


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: frozenset, b: frozenset) -> float:
    """Share of the smaller set found in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# The per-word caches (``word_facts``'s and ``sketcher.Sketcher``'s) hold at most this many words, then
# start again: a news vocabulary's frequent words are back in them within a few documents, and memory
# stays bounded on a million documents (about 30 MB at this size).
WORD_CACHE_SIZE = 200_000
