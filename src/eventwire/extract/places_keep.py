"""Keeping or dropping a resolved match, and the ``Place`` it becomes.

Step 4 of the cascade in ``extract.places``: a match that may be a person's or an organisation's
name is kept only with evidence (NER, context, size).
"""
from __future__ import annotations

import re

from eventwire.extract.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY
from eventwire.extract.places_base import (
    _asciify,
    _close,
    _DEMONYM_HEAD,
    _given_names,
    _Match,
    _NAMEISH,
    _PERSONISH,
    _PLACE_HEAD,
    _PLACEISH,
    _PLAIN_NAME,
    STANDALONE_POP,
)

# the country votes a text's other names give a one-reading town's country for it to count as support
COUNTRY_SUPPORT = 1.0
from eventwire.extract.truecase import english_words
from eventwire.model import Place


class Keeping:
    """Keeping or dropping a resolved match, and the ``Place`` it becomes."""

    # ------------------------------------------------------------ 4. keep
    def _keep(self, m: _Match, i: int, why: tuple[str, dict], have_ner: bool, upper: bool,
              person_elsewhere: bool = False, text: str = "", named_person: bool = False) -> tuple[bool, str]:
        """Is this match a place at all, given its chosen reading?

        Order matters: street names and people first (no reading of "Henry"
        in "Raquel Henry" is a place), then NER's word, then size and context.
        Towns inside organisation names ("Dublin City Council") are places:
        the organisation is there.
        """
        g = self.gaz
        info = why[1]
        k = g.kind[i]
        multi = " " in m.key
        support = info["qual"] or info["near"] > 0 or info["ctx_a"] >= 0.5
        # few readings and the text agrees: a village NER took for a person
        strong = info["qual"] or (info["n"] <= 2 and support)
        if m.demonym:
            return self._keep_demonym(m, text)
        if m.district_of is not None:
            return True, f"district of {m.district_of.key}"
        if m.street:
            return False, "part of a street name"
        if info["qual"]:
            return True, "qualified"
        if m.person_next and not multi and m.ner not in _PLACEISH:
            return False, "followed by a person's name (NER)"
        if m.person_after and not multi and m.key in g.first_names:
            return False, "a first name followed by a surname"
        if m.in_name in _PERSONISH:
            return False, "inside a person's name"
        if m.person_before and m.ner not in _PLACEISH and m.in_name not in _PLACEISH:
            return False, "after a title or first name"
        if m.ner in _PLACEISH:
            return True, f"NER {m.ner}"
        if m.ner in _PERSONISH and (k == CITY and not (strong or support and not person_elsewhere) or m.person_after):
            return False, "NER says person"
        if k in (ADMIN1, ADMIN2) and have_ner and not multi and info["ctx_c"] < 0.5:
            return False, "region of a country the text does not mention"
        if k != CITY:
            if not have_ner and m.person_after and not multi and k != COUNTRY:
                return False, "followed by a name"
            return True, f"{k} name"
        if not have_ner and m.person_after and not multi:
            return False, "followed by a name"
        if not have_ner and named_person and not multi:
            return False, "a person's name elsewhere in the text"  # "Senator Jackson ... Jackson said"
        if multi:
            return True, "multi-word name"
        big = g.pop[i] >= STANDALONE_POP
        if m.in_name:
            return (True, f"in {m.in_name} name, context") if support or big else (False, f"inside {m.in_name} name")
        if m.ner in _NAMEISH and m.ner not in _PERSONISH:
            # a sizeable town the text supports is a metonym ("Huntsville beat Madison"),
            # which LGL annotates: on LGL recall@161km 0.751 -> 0.765, span precision 0.823 -> 0.824
            # (support alone: 0.768 / 0.817; size alone: 0.768 / 0.814)
            return (True, "NER ORG, but a large town the text supports") if strong or support and big \
                else (False, f"NER {m.ner}")
        if upper and not big and not support:
            return False, "small one-word town in all-caps text"
        if support:
            return True, "context"
        # a town of one reading in a country the text names ("Vuhledar" in a report on Ukraine), when nothing
        # says it is a person (NER, a name elsewhere: checked above) and its name is no English word or given
        # name ("Sanders", "Gray", "Eva" name towns too); weaker than other support, so it never outvotes NER
        if info["n"] == 1 and info["ctx_c"] >= COUNTRY_SUPPORT and m.ner is None and _no_word(m.key):
            return True, "one reading, in a country the text names"
        if big and (not m.initial or info["ctx_c"] >= 1.0):
            return True, "large town"
        if m.strong_prep and not upper and m.ner is None and not m.person_after:
            # "clashed ... in Kozinka": the syntax places it, where NER would have (extraction parses without NER)
            return True, "after a locative preposition"
        return False, "one-word town without support"

    @staticmethod
    def _keep_demonym(m: _Match, text: str) -> tuple[bool, str]:
        """'Russian forces' is a mention of Russia; 'Monica French', 'Native American' are not.

        A demonym opening an organisation's name ("Russian Volunteer Corps",
        "Georgian Interior Ministry") is kept: LGL annotates 23 of its 36
        such cases (not "American Red Cross", "French President Nicolas
        Sarkozy"; yes "Canadian Coast Guard", "Egyptian President Hosni
        Mubarak"); dropping them cost recall@161km 0.723 -> 0.710 for span
        precision 0.822 -> 0.825.  Event extraction ignores demonyms anyway.
        """
        if m.in_name in _PERSONISH or m.ner in _PERSONISH:
            return False, "inside a person's name"
        before = re.search(r"([A-Z][\w'\u2019]*)[ \t]+$", text[max(0, m.start - 30):m.start])
        if before and (before.group(1) in _DEMONYM_HEAD or m.person_before and before.group(1) not in _PLACE_HEAD):
            return False, f"after '{before.group(1)}'"
        return True, "demonym"

    # ------------------------------------------------------------ output
    def _display_name(self, i: int, key: str, upper: bool) -> str:
        """The name English text uses: GeoNames' when plain, else the text's close spelling."""
        g = self.gaz
        nm = g.name[i]
        if g.kind[i] not in (CITY, ADMIN2) or _PLAIN_NAME.fullmatch(nm):
            return nm
        plain = _asciify(nm)
        surface = key.title() if upper else key
        if _PLAIN_NAME.fullmatch(surface) and _close(surface, plain):
            return surface
        return plain

    def _place(self, text: str, m: _Match, i: int, reason: str, upper: bool = False) -> Place:
        g = self.gaz
        k = g.kind[i]
        if m.demonym:  # a country's (or a region's) centre, as GeoNames gives it
            e = g.entry(i)
            admin1 = g.name[i] if k == ADMIN1 else (g.admin1_name(e.country, e.admin1_code) if k != COUNTRY else None)
            return Place(name=e.name, country=e.country, admin1=admin1, lat=e.lat, lon=e.lon,
                         precision=e.precision, geonames_id=e.geonames_id, start=m.start, end=m.end,
                         surface=text[m.start:m.end], reason=f"demonym of {e.name}; {reason}",
                         feature="demonym")
        if k == ADMIN1:
            admin1 = g.name[i]
        elif k == COUNTRY:
            admin1 = None
        else:
            admin1 = g.admin1_name(g.cc[i], g.a1[i])
        e = g.entry(i)
        name = self._display_name(i, m.key, upper)
        if m.district_kind == "unlisted":
            reason = f"district of '{m.district_of.key}' not in the gazetteer: read as the town; {reason}"
        return Place(
            name=name, country=e.country, admin1=admin1, lat=e.lat, lon=e.lon,
            precision=e.precision, geonames_id=e.geonames_id, start=m.start, end=m.end,
            surface=text[m.start:m.end], reason=reason,
        )


def _no_word(name: str) -> bool:
    """A name that is no English word, plural or given name: only a place would be called so."""
    _common, known, _forms = english_words()
    low = name.lower()
    return not ({low, low.removesuffix("s"), low.removesuffix("es")} & known) and low not in _given_names()

