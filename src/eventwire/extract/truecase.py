"""Case restoration for all-capitals wire copy.

spaCy's small model tags every word of an upper-case text as a proper noun,
so its parse (and with it triggers, roles and claims) falls apart.  Old wire
services and some feeds send nothing but capitals.  The text is lowered, and
capitals are put back where they are sure:

1. the toponyms the place finder kept and the caller's known names (actor
   catalogue, demonyms, months);
2. words that are no English word at all ("CRISTIANI", "FENASTRAS"): in
   news these are names of people, groups and places; a word without a vowel
   ("FMLN") stays in capitals, as an acronym;
3. sentence starts.

English-word knowledge (:func:`english_words`) comes from spaCy's English stop
words, the spaCy model's lemmatizer tables (WordNet lemma lists by part of
speech, with irregular forms; both copied into ``data/english`` by
``extract.english_source``) and a short hand list of news nouns
(``data/gazetteer/common_words.txt``); the place finder uses the same sets in
its all-caps mode.  Case changes keep every character offset, so mentions
still point into the stored text.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from eventwire.data import lexicon_words, load_json
from eventwire.extract.english_source import LEMMAS_FILE, POS, STOP_WORDS_FILE

# share of letters in capitals above which a text is treated as all-caps copy
UPPER_SHARE = 0.8
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n\s*|--\s+|\]\s+)([a-z])")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_VOWELS = set("aeiouy")
# endings stripped, in order, to find a word's lemma when the tables do not list its form
_SUFFIXES = (("men", "man"), ("ies", "y"), ("ied", "y"), ("ied", "ie"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("d", ""),
             ("s", ""), ("ly", ""), ("er", ""), ("est", ""), ("'s", ""), ("\u2019s", ""))


# the last text's first 5,000 characters and their answer, replaced whole
_LAST_SHARE: list[tuple[str, tuple[int, float]]] = [("", (0, 0.0))]


def upper_share(text: str) -> tuple[int, float]:
    """(letters, share of them in capitals) over the text's first 5,000 characters.

    Counted with ``map`` over str methods: a per-character generator was a
    measurable part of extraction.  The toponyms, the case restorer, the place
    search and the genre reader each ask of the same article (four passes of two
    counts each): the last answer is kept for a text that starts the same.
    """
    head = text[:5000]
    last = _LAST_SHARE[0]
    if last[0] == head:
        return last[1]
    letters = sum(map(str.isalpha, head))
    share = letters, (sum(map(str.isupper, head)) / letters if letters else 0.0)
    _LAST_SHARE[0] = (head, share)
    return share


def mostly_upper(text: str) -> bool:
    letters, share = upper_share(text)
    return letters > 0 and share >= UPPER_SHARE


def _data_lines(name: str) -> list[str]:
    text = resources.files("eventwire.data.gazetteer").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _english_file(name: str) -> str:
    return resources.files("eventwire.data").joinpath("english", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from ``data/english`` (``extract.english_source`` makes the file
    from spaCy and its test keeps it equal): fusion needs them in a process that never loads spaCy."""
    return frozenset(_english_file(STOP_WORDS_FILE).split())


def _lemma_tables() -> tuple[dict[str, set[str]], dict[str, str]]:
    """WordNet lemmas per part of speech and irregular form -> lemma, the spaCy model's lookups as
    ``data/english/lemmas.json`` keeps them (``extract.english_source``: read from a file, the tables
    cost no spaCy import)."""
    tables = json.loads(_english_file(LEMMAS_FILE))
    return {pos: set(tables[pos]) for pos in POS}, tables["forms"]


@lru_cache(maxsize=1)
def english_words() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """(common, known, irregular forms), all lower case.

    *common*: words whose capitalised form is more often the word than a
    name — stop words, the hand list, and adjective, verb and adverb lemmas
    (noun lemmas are not: WordNet lists "bogota" and "george" as nouns).
    *known*: common plus noun lemmas — any English word.
    """
    lemmas, forms = _lemma_tables()
    common = set(stop_words()) | set(_data_lines("common_words.txt"))
    for pos in ("verb", "adj", "adv"):
        common |= lemmas.get(pos, set())
    common = {w for w in common if "_" not in w}
    known = common | {w for w in lemmas.get("noun", set()) if "_" not in w} | _event_words()
    return frozenset(common), frozenset(known), forms


def _event_words() -> set[str]:
    """The event lexicon's own one-word triggers and weapons ('ceasefire', 'airstrike'), English words that
    WordNet lacks: in capitals they are these words, not names."""
    lex = load_json("lexicons", "event_types.json")
    return {w.lower() for group in lex["triggers"] + lex["instruments"] for w in group.get("lemmas", ())
            if w.isalpha()}


def _in(word: str, words: frozenset[str], forms: dict[str, str]) -> bool:
    w = word.lower()
    if w in words or forms.get(w) in words:
        return True
    for suf, add in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3 and w[: len(w) - len(suf)] + add in words:
            return True
    return False


def is_common_word(word: str) -> bool:
    """'FRONT', 'LIBERATION', 'OUSTED', 'THEM': an ordinary English word (any inflection)."""
    common, _known, forms = english_words()
    return _in(word, common, forms)


def is_english_word(word: str) -> bool:
    """Any English word, nouns included ('HEADQUARTERS', 'CLERGYMEN'); False for 'CRISTIANI'."""
    _common, known, forms = english_words()
    return _in(word, known, forms)


def truecase(text: str, spans: Iterable[tuple[int, int]], names: Iterable[str] = (),
             unknown_words: bool = True) -> str:
    """``text`` in sentence case, with ``spans`` (start, end), known ``names`` and non-English words capitalised.

    ``unknown_words``: also capitalise words that are no English word (names
    of people and groups), and restore vowel-less ones to capitals ("FMLN").
    """
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep the text as it is
        return text
    chars = list(low)

    def title(start: int, end: int) -> None:
        word_start = True
        for i in range(start, end):
            if word_start and chars[i].isalpha():
                chars[i] = chars[i].upper()
            word_start = not chars[i].isalnum()

    if unknown_words:
        for m in _WORD.finditer(low):
            w = m.group(0)
            if len(w) < 2 or is_english_word(w):
                continue
            if not _VOWELS & set(w) or len(w) <= 3 and text[m.start():m.end()].isupper() and w.isascii() \
                    and not _VOWELS & set(w[1:]):
                chars[m.start():m.end()] = text[m.start():m.end()]  # "FMLN", "CD": an acronym
            else:
                title(m.start(), m.end())
    for start, end in spans:
        title(start, end)
    for name in names:
        for m in re.finditer(r"\b" + re.escape(name.lower()) + r"\b", low):
            title(m.start(), m.end())
    for m in _SENTENCE_START.finditer(low):
        i = m.start(2)
        chars[i] = chars[i].upper()
    return "".join(chars)


# a segment is a Title Case headline when every word but short function words opens with a capital (a prose
# sentence has lower-case verbs and nouns however many names it holds), at least this many words do, and
# two or more of them are ordinary English words (not a list of names)
TITLE_MIN_CAPITALISED = 4
# a headline's segment ends at a full stop, a question or exclamation mark followed by a space, or a line end
_SEGMENT = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.MULTILINE)
_SPACED_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_TITLE_SMALL_WORDS = lexicon_words("function_words", "title_case_small_words")


def _title_case(segment: str) -> bool:
    """'Gunmen Kill 12 in Attack on Village': every content word capitalised, several of them ordinary words."""
    content = [w for w in _SPACED_WORD.findall(segment) if len(w) > 1 and w.lower() not in _TITLE_SMALL_WORDS]
    if len(content) < TITLE_MIN_CAPITALISED or any(not w[0].isupper() for w in content):
        return False
    if all(w.isupper() for w in content):
        return False  # all-caps copy has its own treatment
    return sum(is_common_word(w.split("-")[0]) for w in content) >= 2



def has_title_case(text: str) -> bool:
    """Whether any segment of ``text`` is a Title Case headline (``restore_title_case`` would change it)."""
    return any(_title_case(m.group(0)) for m in _SEGMENT.finditer(text))


def restore_title_case(text: str, spans: Iterable[tuple[int, int]] = (), names: Iterable[str] = ()) -> str:
    """``text`` with each Title Case headline segment put in sentence case (same length and offsets).

    Many outlets write headlines in Title Case ("Police Fire Tear Gas at Opposition Rally"); the
    parser reads such a line as a string of proper nouns, as it does all-caps copy, and finds no
    verb.  The segment is given the all-caps treatment (``truecase``): known names, the places in
    ``spans`` and words that are no English word keep their capitals.  Prose is left as it is.
    """
    spans = list(spans)
    names = list(names)
    out = text
    for m in _SEGMENT.finditer(text):
        seg = m.group(0)
        if not _title_case(seg):
            continue
        inside = [(s - m.start(), e - m.start()) for s, e in spans if s >= m.start() and e <= m.end()]
        fixed = list(truecase(seg, inside, names))
        for w in _SPACED_WORD.finditer(seg):
            if len(w.group(0)) > 1 and w.group(0).isupper():
                fixed[w.start():w.end()] = w.group(0)  # "(SAA)", "UN": an acronym as written
        out = out[:m.start()] + "".join(fixed) + out[m.end():]
    return out
