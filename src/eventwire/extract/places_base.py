"""The place finder's settings and shared parts: calibrated constants, the word lists it reads, the
match record and the text helpers its matching, resolving and keeping steps share.
"""
from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.extract.gazetteer import ADMIN1, ADMIN2, COUNTRY, FEATURE, fold, Gazetteer
from eventwire.extract.truecase import upper_share
from eventwire.extract.vocab import table, titles, words
from eventwire.geo import km
from eventwire.phrases import alternation

# ---------------------------------------------------------------- constants
# Priors are in log10(population) units so that towns compare by size.  A
# country or region name outranks any town of that name unless the context
# says otherwise ("Georgia" with Atlanta nearby is the state).
PRIOR = {COUNTRY: 8.0, ADMIN1: 6.5, FEATURE: 7.5, ADMIN2: 5.0}

MIN_CITY_POP = 100  # floor so that population-less hamlets still compare

# National capitals: bare "Washington" is DC, not the state (6.5); kept small
# so that a capital does not beat a same-named town the context points to.
CAPITAL_BONUS = 0.8

ALT_NAME_PENALTY = 1.5  # a name that is only an alternate (often historic) name

# Context weights, calibrated on LGL (US local news, with spaCy sm NER spans)
# by a coarse grid: W_COUNTRY 0.6 / 1.2 / 2.0 gave recall@161km 0.650 / 0.656
# / 0.644; W_ADMIN1 0.75 / 1.5 / 2.5 gave 0.648 / 0.656 / 0.648.  Nearness
# matters most for towns sharing a name within one country.
W_COUNTRY = 1.2

W_ADMIN1 = 1.5

NEAR_BONUS = ((30.0, 1.5), (100.0, 1.0), (250.0, 0.5))  # (km, bonus)

QUALIFIER_BONUS = 10.0

RESOLVE_ROUNDS = 3  # soft-voting rounds; on LGL 1 round: recall 0.647, 3 rounds: 0.656

# A one-word town with no other evidence is kept only if at least this big:
# below it surnames and first names ("Henry", "Clinton") dominate.  On LGL
# 5k / 20k / 50k gave span precision 0.796 / 0.822 / 0.828 at recall 0.657 /
# 0.656 / 0.655.
STANDALONE_POP = 20000

# "X district of Y": X must lie within this distance of town Y, else X is
# read as an unlisted district of Y and given Y's point.
DISTRICT_KM = 30.0

# Demonyms vote for their country when resolving other names.  On LGL
# with votes: recall@161km 0.710; without: 0.708.
DEMONYM_VOTES = True

# Text whose letters are at least this share upper case is matched
# case-insensitively (wire copy of the 1980s-90s, MUC-4).
UPPER_SHARE = 0.6

# All-caps mode (see ``PlaceFinder._caps_keep``).  Case no longer tells a
# name from a word, so a case-folded match needs support.  Population floors
# for a one-word town, measured on MUC-4 wire copy (bench/caps_places_eval.py):
# one the text's other places agree with (same country) ...
CAPS_AGREE_POP = 20000

# ... one after a locative preposition that no other place agrees with ...
CAPS_PREP_POP = 100000

# ... and one with neither, in a text that names no country at all.
CAPS_ALONE_POP = 1000000

# words before a name that make it the place something happens in or comes from
CAPS_PREPS = words("place_words", "locative_prepositions")

# the prepositions that let an ordinary English word be a place ("IN SPLIT")
CAPS_STRONG_PREPS = words("place_words", "strong_locative_prepositions")

# "the city of X", "X department": nouns that make a neighbouring name a place
CAPS_PLACE_NOUNS = words("place_words", "place_nouns", use="of_name_in_caps")

# nouns after a name that say it is an administrative place ("CHALATENANGO DEPARTMENT")
CAPS_NAMING_NOUNS = words("place_words", "place_nouns", use="after_name_in_caps")

# NER labels the place finder reads (places, and the names that rule a place out): `eventwire places` passes them
NER_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP", "ORG", "PERSON", "PRODUCT"}

# mixed case: a lower-case locative preposition (and "the") right before a name: "in Kozinka", "near the Dnipro"
_LOCATIVE_BEFORE = re.compile(rf"\b(?:{alternation(CAPS_STRONG_PREPS)})[ \t]+(?:the[ \t]+)?$")

# A word; "Russia's" stops before the possessive so "Russia" can match.
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019\-](?!s\b)[^\W\d_]+)*")

_SENT_END = set(".!?:;\"\u201c\u201d\n")

_PLURAL_TO_LOOKUP = table("place_words", "plural_division_nouns")  # "regions" -> "region"

_PLURAL = tuple(_PLURAL_TO_LOOKUP)

_PERSONISH = {"PERSON"}

_NAMEISH = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}

_PLACEISH = {"GPE", "LOC", "FAC"}

# A capitalised word right after a town name that makes it a street (not a
# place mention), or an organisation named after the place (still a mention).
_STREET = words("place_words", "street_words")

_ORG_TAIL = words("place_words", "organisation_tails")

# Capitalised words before a name that do not make it a person's name.
_PLACE_HEAD = words("place_words", "place_heads")

# Words right before a name that make it a person's: "Sen. Byrd", "Mr Lincoln".
_PERSON_HEAD = titles("before_names")
# Lower-case role nouns right before a name that make it a person's: "opposition leader Nika Melia".
_ROLE_HEAD = titles("role_before_names")

CAPS_TITLES = {w.lower() for w in titles("before_names") | titles("in_caps_copy")}

@dataclass
class _Match:
    start: int
    end: int
    key: str
    ids: tuple[int, ...]
    initial: bool  # first word of a sentence
    qualifier: set = field(default_factory=set)  # {(cc, a1)} or {(cc, None)}
    qual_text: str = ""
    ner: str | None = None  # label of an NER span equal to this match
    in_name: str | None = None  # label of a longer NER name that contains it
    street: bool = False  # "Dublin Road"
    person_before: bool = False  # "Sen. Byrd", "Raquel Henry"
    person_after: bool = False  # "Jordan Brown": followed by a capitalised non-place word
    group: str = ""  # key used to share one resolution per document
    demonym: bool = False  # "Russian", "Georgians": names the country's people
    person_next: bool = False  # directly followed by an NER PERSON span: "Volodymyr Artiukh"
    person_named: bool = False  # right after a title or a given name: "Senator Jackson", "Mark Jackson"
    district_of: "_Match | None" = None  # "the Kyivskyi district of Kharkiv": Kharkiv's match
    district_kind: str = ""  # "filtered": candidates kept near Y; "unlisted": Y's own point
    # all-caps mode only (see PlaceFinder._caps_marks)
    common: bool = False  # every word an ordinary English word: "FRONT", "THE CITY"
    prep: bool = False  # after "IN", "NEAR", "THE CITY OF", before "DEPARTMENT", or listed with such a place
    dateline: bool = False  # "SAN SALVADOR, 10 JAN 90 (EFE) --"
    strong_prep: bool = False  # right after "IN", "AT", "NEAR" ("TO ARREST", "FROM THE START" are not)
    named_as: str = ""  # "CHALATENANGO DEPARTMENT": the text says what kind of place it is

# ---------------------------------------------------------------- helpers
_SUFFIX_WORDS = words("place_words", "name_particles") | words("place_words", "division_words", use="continues_name")

# all-caps mode: the word before / after a match (spaces and one line break between)
_CAPS_PREV = re.compile(r"([^\W\d_]+)[ \t]*\n?[ \t]*\Z")

_CAPS_NEXT = re.compile(r"[ \t]*\n?[ \t]*([^\W\d_]+)")

_CAPS_GLUE = re.compile(r"[ \t]+\n?[ \t]*|\n[ \t]*")

_CAPS_PARA_START = re.compile(r"\n[ \t]*\n[ \t]*\Z")

# what follows a dateline's place: "SAN SALVADOR, 10 JAN 90", "BOGOTA (EFE) --"
_CAPS_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+", re.IGNORECASE)

@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from .truecase import _data_lines

    return frozenset(_data_lines("given_names.txt"))

def _mostly_upper(text: str) -> bool:
    letters, share = upper_share(text)
    return letters >= 20 and share >= UPPER_SHARE

def _initial(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0'\"(\u2018\u201c":
        k -= 1
    return k < 0 or text[k] in _SENT_END

# "St. Petersburg", "Ft. Worth": the abbreviation whose full stop a place name spans
_ABBREVIATED_BEFORE = re.compile(r"\b(St|Ft|Mt)\. $")

# ``_neighbours``' looks around a match, compiled once (they ran through ``re``'s pattern cache per match):
# the capitalised word after it, the one before it, the lower-case word before it
_CAPITAL_AFTER = re.compile(r"[ \t]+([A-Z][\w'\u2019]*)")

_CAPITAL_BEFORE = re.compile(r"([A-Z][\w'\u2019]*)\.?[ \t]+$")

_LOWER_BEFORE = re.compile(r"\b([a-z]+)[ \t]+$")

# the punctuation no place name spans, as one character class: searched in C, where a generator over the
# characters (``any(c in gap for c in ...)``) was a tenth of the place search's matching
_BREAK_CHARS = ",;:()[]\n\"\u201c\u201d!?"

_BREAK_CHAR = re.compile("[" + re.escape(_BREAK_CHARS) + "]")

def _breaks(text: str, a: int, b: int, upper: bool = False) -> bool:
    """Punctuation between two words that no place name spans.

    In all-caps wire copy lines are wrapped inside sentences ("LATIN\nAMERICA"),
    so there a single line break (not a blank line) joins words too.
    """
    gap = text[a:b]
    if upper and "\n" in gap and gap.count("\n") == 1 and not gap.strip(" \t\n"):
        gap = gap.replace("\n", " ")
    return _BREAK_CHAR.search(gap) is not None or ". " in gap and not _ABBREVIATED_BEFORE.search(text[max(0, a - 3):b])

def _neighbours(text: str, m: _Match, starts: set[int], ends: set[int] = frozenset()) -> None:
    """Flag matches glued to other capitalised words: streets and people."""
    after = _CAPITAL_AFTER.match(text[m.end:m.end + 40])
    if after:
        w = after.group(1).rstrip(".")
        if w in _STREET:
            m.street = True
        elif w not in _ORG_TAIL and w not in ("And", "The", "I") and m.end + after.start(1) not in starts:
            m.person_after = True
    before = _CAPITAL_BEFORE.search(text[max(0, m.start - 40):m.start])
    if before:
        w = before.group(1)
        b0 = before.start() + max(0, m.start - 40)
        # "Democratic Republic of Congo's North Kivu": a place's possessive (a match ends before its 's) is no
        # first name, though the place's first word lies further back
        owner = w[-2:] in ("'s", "\u2019s") and b0 + len(w) - 2 in ends
        if w in _PERSON_HEAD or (not _initial(text, b0) and w not in _PLACE_HEAD and b0 not in starts and not owner):
            m.person_before = True
        # the strong kind of evidence: a title or a given name ("Senator Jackson", "Mark Jackson"),
        # not any capitalised word ("New Moscow")
        m.person_named = w in _PERSON_HEAD or w.lower() in _given_names()
    role = _LOWER_BEFORE.search(text[max(0, m.start - 30):m.start])
    if role and role.group(1) in _ROLE_HEAD and after:
        m.person_before = m.person_named = True  # "opposition leader Nika Melia": a role, a first and a last name

# "the Kyivskyi district of Kharkiv" (ends where Y starts) and "Kharkiv's
# Kyivskyi district" (starts where Y ends).
_X = r"(?P<x>[A-Z][\w'\u2019\-]+(?:[ \t][A-Z][\w'\u2019\-]+)?)"

_DWORD = r"(?P<word>[ \t](?:[Dd]istrict|[Rr]aion|[Rr]ayon|neighbou?rhood|microdistrict))"

_DISTRICT_OF = re.compile(_X + _DWORD + r"[ \t]+(?:of|in)[ \t]+(?:the[ \t]+(?:city[ \t]+of[ \t]+)?)?\Z")

_OWN_DISTRICT = re.compile(r"['\u2019]s[ \t]+" + _X + _DWORD + r"\b")

# "In Odesa, debris fell in the Prymorskyi district": a district named after a town of its sentence, no "of"
_BARE_DISTRICT = re.compile(_DWORD + r"\b")

# First parts of a hyphenated word that make the next part an ethnic term.
_HYPHEN_HEAD = words("place_words", "hyphen_heads")

# Second parts of a hyphenated word that make a town before them its government ("Moscow-backed").
_ALLEGIANCE_TAIL = words("place_words", "allegiance_tails")

# Words before a demonym that make it part of another name ("Native American").
_DEMONYM_HEAD = words("place_words", "demonym_heads")

_PLAIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]*")

_SOFT_MARKS = str.maketrans("", "", "\u2019\u02b9\u02bc\u2032`")

# how many folded names ``_folded`` keeps: the bench's 200 articles ask for ~9,000 different names (their
# candidates' gazetteer names), a long run more; past it the least recent are folded again, no harm done
FOLD_MEMO = 1 << 16


@lru_cache(maxsize=FOLD_MEMO)
def _folded(name: str) -> str:
    """``fold(name).casefold()``, remembered: resolving compares a group's name with each candidate's, and
    the same names come back in every group, round and article (``fold`` normalises the whole string)."""
    return fold(name).casefold()

def _asciify(name: str) -> str:
    """'L\u2019gov' -> 'Lgov', 'T\u00ebtkino' -> 'Tetkino': transliteration marks and accents off."""
    return fold(name.translate(_SOFT_MARKS))

def _close(a: str, b: str) -> bool:
    """Two spellings of one name: 'Tyotkino'/'Tetkino', 'Lgov'/'Lgovskiy', 'Kyiv'/'Kiev'."""
    a, b = a.casefold().replace("'", ""), b.casefold().replace("'", "")
    if a.startswith(b) or b.startswith(a):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75

_NEAR_DEG = NEAR_BONUS[-1][0] / 111.0  # the widest nearness radius in degrees of latitude

def _near(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    """Nearness bonus from the closest point; a cheap box test skips far points."""
    cos = max(math.cos(math.radians(lat)), 0.05)
    best = 1e9
    for la, lo in points:
        if abs(la - lat) > _NEAR_DEG or abs(lo - lon) * cos > _NEAR_DEG:
            continue
        best = min(best, km(lat, lon, la, lo))
    return next((bonus for lim, bonus in NEAR_BONUS if best <= lim), 0.0)

def _softmax(scores: dict[int, float]) -> dict[int, float]:
    """Scores in log10 units → probabilities (a point more is ten times likelier)."""
    top = max(scores.values())
    w = {i: 10 ** (v - top) for i, v in scores.items()}
    t = sum(w.values())
    return {i: v / t for i, v in w.items()}

def _within(g: Gazetteer, i: int, qual: set) -> bool:
    return any(g.cc[i] == c and (a is None or g.a1[i] == a) for c, a in qual)
