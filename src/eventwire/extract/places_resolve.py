"""Resolving matches to GeoNames places: qualifiers, districts, and soft voting by context.

Step 2 and 3 of the cascade in ``extract.places``: "Paris, Texas" restricts Paris; one choice per
name per document, scored as prior (population, rank) plus how strongly the rest of the document
points at each country and region, then nearness to the places already chosen.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from eventwire.extract.country_first import country_readings, top_regions
from eventwire.extract.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, FEATURE
from eventwire.extract.places_base import (
    _BARE_DISTRICT,
    _DISTRICT_OF,
    _folded,
    _initial,
    _Match,
    _OWN_DISTRICT,
    _softmax,
    _within,
    ALT_NAME_PENALTY,
    CAPITAL_BONUS,
    DEMONYM_VOTES,
    DISTRICT_KM,
    MIN_CITY_POP,
    PRIOR,
    QUALIFIER_BONUS,
    RESOLVE_ROUNDS,
    W_ADMIN1,
    W_COUNTRY,
)
from eventwire.extract.places_near import RoundPoints
from eventwire.geo import km

# A city this large inside a region of its name is the region's centre (every Ukrainian and
# Russian oblast centre is over 100,000; checked on LGL and the hoot articles, see README).
REGION_CENTRE_MIN_POP = 100_000
# ... and lies inside it, or within this distance of its point when the city is a region of its
# own (Kyiv City beside Kyiv Oblast): an oblast's point is within 100 km of its centre.
REGION_CENTRE_KM = 100


def _other_regions(shared: Counter, own: tuple[str, str] | None) -> set[tuple[str, str]]:
    """The regions the other groups read as, from every group's count (``shared``) and this one's region."""
    return set(shared) if own is None or shared[own] > 1 else set(shared) - {own}


class Resolving:
    """Resolving matches to GeoNames places: qualifiers, districts, and soft voting by context."""

    # ------------------------------------------------------------ 2. qualify
    def _qualify(self, text: str, ms: list[_Match], upper: bool) -> None:
        g = self.gaz
        for a, b in zip(ms, ms[1:]):
            if not re.fullmatch(r",\s*", text[a.end:b.start]):
                continue
            qual = {(g.cc[i], g.a1[i] if g.kind[i] == ADMIN1 else None)
                    for i in b.ids if g.kind[i] in (ADMIN1, COUNTRY)}
            if qual and any(_within(g, i, qual) for i in a.ids):
                a.qualifier, a.qual_text = qual, b.key
                a.group = f"{a.key}|{b.key}"
        for m in ms:  # "Paris, TX"
            if m.qualifier:
                continue
            post = re.match(r",\s*([A-Z]{2})\b", text[m.end:m.end + 5])
            if post and ("US", post.group(1)) in g.admin1_ids and not upper:
                q = {("US", post.group(1))}
                if any(_within(g, i, q) for i in m.ids):
                    m.qualifier, m.qual_text = q, post.group(1)
                    m.group = f"{m.key}|{post.group(1)}"

    # ------------------------------------------------------------ 2b. districts
    def _districts(self, text: str, ms: list[_Match]) -> list[_Match]:
        """'the Kyivskyi district of Kharkiv', "Kharkiv's Kyivskyi district": X lies in Y.

        A matched X keeps only readings inside Y (within ``DISTRICT_KM`` of a
        town Y, in region or country Y); with none left, or when X is no
        gazetteer name at all, the district is read as Y itself.
        """
        starts = {m.start: m for m in ms}
        extra: list[_Match] = []
        for y in ms:
            if y.demonym:
                continue
            before = _DISTRICT_OF.search(text, max(0, y.start - 80), y.start)
            after = _OWN_DISTRICT.match(text, y.end)
            for hit in (before, after):
                if hit is None:
                    continue
                xs, xe = hit.span("x")
                x = starts.get(xs)
                if x is not None and x.end <= hit.end("word") and not x.demonym:
                    self._constrain(x, y)
                elif not any(m.start < hit.end("word") and hit.start("x") < m.end for m in ms):
                    extra.append(_Match(xs, hit.end("word"), y.key, y.ids, _initial(text, xs), group=y.group,
                                        ner="GPE", district_of=y, district_kind="unlisted",
                                        qualifier=y.qualifier, qual_text=y.qual_text))
        self._bare_districts(text, ms)
        return sorted(ms + extra, key=lambda m: m.start) if extra else ms

    def _bare_districts(self, text: str, ms: list[_Match]) -> None:
        """'In Odesa, debris fell in the Prymorskyi district': a district named with no 'of', after a town of
        its own sentence, whose every reading lies in another region than that town's (a city district
        elsewhere of the same name), is a district of that town."""
        g = self.gaz
        for n, x in enumerate(ms):
            if x.district_of is not None or x.demonym or not _BARE_DISTRICT.match(text, x.end):
                continue
            y = next((m for m in reversed(ms[:n]) if not m.demonym and m.district_of is None
                      and all(g.kind[i] not in (COUNTRY, ADMIN1) for i in m.ids)), None)
            if y is None or re.search(r"[.!?]\s", text[y.end:x.start]):
                continue
            towns = {(g.cc[j], g.a1[j]) for j in y.ids}
            if not any((g.cc[i], g.a1[i]) in towns for i in x.ids):
                self._constrain(x, y)

    def _constrain(self, x: _Match, y: _Match) -> None:
        """Keep X's readings inside Y; with none, X is read as Y."""
        inside = tuple(i for i in x.ids if any(self._inside(i, j) for j in y.ids))
        x.district_of = y
        if inside:
            x.ids, x.group, x.district_kind = inside, f"{x.group}|in|{y.group}", "filtered"
        else:
            x.ids, x.group, x.district_kind = y.ids, y.group, "unlisted"
            x.key, x.qualifier, x.qual_text = y.key, y.qualifier, y.qual_text

    def _inside(self, i: int, j: int) -> bool:
        """Is reading ``i`` of a district inside reading ``j`` of its town, region or country?"""
        g = self.gaz
        if i == j or g.lat[i] is None:
            return False
        kj = g.kind[j]
        if kj == COUNTRY:
            return g.cc[i] == g.cc[j]
        if kj == ADMIN1:
            return g.cc[i] == g.cc[j] and g.a1[i] == g.a1[j]
        return g.lat[j] is not None and km(g.lat[i], g.lon[i], g.lat[j], g.lon[j]) <= DISTRICT_KM

    def _check_districts(self, ms: list[_Match], choice: dict[int, int]) -> None:
        """After resolution: a district whose reading is not inside its town's takes the town's."""
        for x in ms:
            y = x.district_of
            if y is None or x.district_kind != "filtered" or id(x) not in choice or id(y) not in choice:
                continue
            if not self._inside(choice[id(x)], choice[id(y)]):
                choice[id(x)] = choice[id(y)]
                x.district_kind = "unlisted"

    # ------------------------------------------------------------ 3. resolve
    def _prior(self, i: int, key: str) -> float:
        g = self.gaz
        k = g.kind[i]
        if k != CITY:
            return PRIOR[k]
        p = math.log10(max(g.pop[i], MIN_CITY_POP))
        if i in g.capital:
            p += CAPITAL_BONUS
        nm = g.name[i]
        if key != nm and _folded(key) != _folded(nm):
            p -= ALT_NAME_PENALTY
        return p

    def _country_first(self, groups: dict[str, list[_Match]], priors: dict[str, dict[int, float]]) -> None:
        """An unqualified country name keeps only its country reading (country_first.py says when not)."""
        tops = top_regions(self.gaz, priors)
        # how many groups read as each region: the regions of the others are all of them, less a group's own
        # when no other group shares it (counted once, not a set built over every group for every group)
        shared = Counter(r for r in tops.values() if r is not None)
        for gk, gm in groups.items():
            if gm[0].qualifier or gm[0].demonym:
                continue
            keep = country_readings(self.gaz, priors[gk], _other_regions(shared, tops[gk]))
            if keep:
                priors[gk] = {i: priors[gk][i] for i in keep}

    def _city_over_its_region(self, groups: dict[str, list[_Match]], priors: dict[str, dict[int, float]]) -> None:
        """A bare name shared by a region and a large city at its heart ("Kiev", "Odessa") is the city.

        A region named after its centre, with a region word in its own name, is called so in English ("the Odessa region",
        "Kyiv Oblast", matched as longer names of their own); said alone, the name is the city.  The
        city takes the region's reading and its standing: an exonym ("Odessa", "Kiev") is only an
        alternate name of the city, and without the region's prior it would lose to a small town
        abroad that bears the name as its own.
        """
        g = self.gaz
        for gk, gm in groups.items():
            if gm[0].qualifier or gm[0].demonym:
                continue
            pr = priors[gk]
            own = _folded(gm[0].key)
            # only a region whose own name adds a region word ("Odesa Oblast"): a region called by the bare
            # name itself ("New York", "Oklahoma") is said alone in English, and keeps its reading
            for r in [i for i in pr if g.kind[i] == ADMIN1 and _folded(g.name[i]) != own]:
                centres = [i for i in pr if g.kind[i] == CITY and g.cc[i] == g.cc[r] and g.pop[i] >= REGION_CENTRE_MIN_POP
                           and (g.a1[i] == g.a1[r] or self._near_region(i, r))]
                if centres:
                    c = max(centres, key=lambda i: g.pop[i])
                    pr[c] = max(pr[c], pr.pop(r))

    def _near_region(self, city: int, region: int) -> bool:
        """A city within REGION_CENTRE_KM of the region's point (a capital is often its own region)."""
        g = self.gaz
        if g.lat[region] is None or g.lat[city] is None:
            return False
        return km(g.lat[region], g.lon[region], g.lat[city], g.lon[city]) <= REGION_CENTRE_KM

    def _resolve(self, ms: list[_Match]):
        """One reading per group of equal names, by a few rounds of soft voting.

        Round 0 weighs each group's readings by prior alone; every later
        round lets the other groups' current beliefs vote for countries and
        regions, and adds nearness to their current best points.  Votes are
        soft (a 2M-person Paris and a 25k-person Paris share one vote) so one
        wrong early choice does not lock in.
        """
        g = self.gaz
        groups: dict[str, list[_Match]] = {}
        for m in ms:
            groups.setdefault(m.group, []).append(m)
        priors: dict[str, dict[int, float]] = {}
        for gk, gm in groups.items():
            ids = gm[0].ids
            if gm[0].qualifier:
                ids = tuple(i for i in ids if _within(g, i, gm[0].qualifier)) or ids
            priors[gk] = {i: self._prior(i, gm[0].key) for i in ids}
        self._country_first(groups, priors)
        self._city_over_its_region(groups, priors)
        mult = {gk: 1.0 + math.log(len(gm)) for gk, gm in groups.items()}
        belief = {gk: _softmax(pr) for gk, pr in priors.items()}
        info: dict[str, dict[int, dict]] = {}
        scores: dict[str, dict[int, float]] = dict(priors)
        for rnd in range(RESOLVE_ROUNDS):
            votes = {}
            tot_c: dict[str, float] = {}
            tot_a: dict[tuple, float] = {}
            for gk, b in belief.items():
                vc: dict[str, float] = {}
                va: dict[tuple, float] = {}
                if not DEMONYM_VOTES and groups[gk][0].demonym:
                    votes[gk] = (vc, va)
                    continue
                for i, w in b.items():
                    if g.cc[i]:
                        vc[g.cc[i]] = vc.get(g.cc[i], 0.0) + w * mult[gk]
                    if g.a1[i] and g.kind[i] != COUNTRY:
                        a = (g.cc[i], g.a1[i])
                        va[a] = va.get(a, 0.0) + w * mult[gk]
                votes[gk] = (vc, va)
                for c, v in vc.items():
                    tot_c[c] = tot_c.get(c, 0.0) + v
                for a, v in va.items():
                    tot_a[a] = tot_a.get(a, 0.0) + v
            points = {}
            for gk, b in belief.items():
                i = max(b, key=b.get)
                if g.kind[i] in (CITY, ADMIN2, FEATURE) and g.lat[i] is not None:
                    points[gk] = (g.lat[i], g.lon[i])
            near_by = RoundPoints.of(points, near_by if rnd else None)  # sorted once a round, not once a group
            for gk, pr in priors.items():
                (own_c, own_a), sc, inf = votes[gk], {}, {}
                for i, p in pr.items():
                    c = g.cc[i]
                    ctx_c = max(tot_c.get(c, 0.0) - own_c.get(c, 0.0), 0.0) if c else 0.0
                    ctx_a = 0.0
                    if g.a1[i] and g.kind[i] != COUNTRY:
                        a = (c, g.a1[i])
                        ctx_a = max(tot_a.get(a, 0.0) - own_a.get(a, 0.0), 0.0)
                    s = p + W_COUNTRY * math.log1p(ctx_c) + W_ADMIN1 * math.log1p(ctx_a)
                    near = 0.0
                    if g.kind[i] in (CITY, ADMIN2, FEATURE) and g.lat[i] is not None:
                        near = near_by.bonus(g.lat[i], g.lon[i], gk)
                    q = bool(groups[gk][0].qualifier) and _within(g, i, groups[gk][0].qualifier)
                    sc[i] = s + near + (QUALIFIER_BONUS if q else 0.0)
                    inf[i] = dict(prior=p, ctx_c=ctx_c, ctx_a=ctx_a, near=near, qual=q, n=len(groups[gk][0].ids))
                scores[gk], info[gk] = sc, inf
            belief = {gk: _softmax(sc) for gk, sc in scores.items()}
        choice, why = {}, {}
        for gk, gm in groups.items():
            best = max(scores[gk], key=scores[gk].get)
            inf = info[gk][best] if gk in info else dict(prior=priors[gk][best], ctx_c=0, ctx_a=0, near=0,
                                                        qual=False, n=len(gm[0].ids))
            inf["margin"] = belief[gk][best]
            for m in gm:
                choice[id(m)] = best
                why[id(m)] = (self._why(gm[0], best, inf), inf)
        return choice, why

    def _why(self, m: _Match, i: int, info: dict) -> str:
        g = self.gaz
        bits = [f"gazetteer '{m.key}' ({info['n']} candidate{'s' if info['n'] != 1 else ''})"]
        if info["qual"]:
            bits.append(f"qualified by '{m.qual_text}'")
        if g.kind[i] == CITY:
            bits.append(f"pop {g.pop[i]:,}")
        if info["ctx_c"] >= 0.5 and info["n"] > 1:
            bits.append(f"text points to {g.cc[i]} ({info['ctx_c']:.1f})")
        if info["ctx_a"] >= 0.5 and info["n"] > 1:
            bits.append(f"and to {g.admin1_name(g.cc[i], g.a1[i])} ({info['ctx_a']:.1f})")
        if info["near"]:
            bits.append("near other places in the text")
        return ", ".join(bits)
