"""Claims of one event: kept as made, deduplicated across copies, never averaged.

Headline fatalities are derived (best = the most conservative credible figure,
as ACLED codes; low/high span the claims).  Different claimants giving
different figures for the same property and subject, or one asserting losses
another denies, are contradictions; a later figure from the same claimant is
an update, not a contradiction.
"""
from __future__ import annotations

from collections import defaultdict

from eventwire.model import Claim, Contradiction, Fatalities, Update

CASUALTY_PROPERTIES = ("fatalities", "injuries", "captured")


def claimant_key(name: str | None) -> str:
    """Loose identity of a claimant: its last capitalised word, lower case."""
    if not name:
        return ""
    words = [w.strip(".,'’\"") for w in name.split()]
    caps = [w for w in words if w[:1].isupper()]
    return (caps[-1] if caps else words[-1]).lower()


def dedupe(claims: list[tuple[Claim, str]]) -> list[Claim]:
    """One claim per (story, property, value, subject, claimant): copies count once."""
    seen: set[tuple] = set()
    out: list[Claim] = []
    for claim, story in claims:
        key = (story, claim.property, str(claim.value), claim.subject, claimant_key(claim.claimant), claim.stance)
        if key in seen:
            continue
        seen.add(key)
        out.append(claim)
    return out


def _num(c: Claim) -> float | None:
    try:
        return float(c.value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def fatalities(claims: list[Claim]) -> Fatalities:
    values = [v for c in claims if c.property == "fatalities" and (v := _num(c)) is not None]
    if not values:
        return Fatalities(0, 0, 0)
    asserted = [v for c in claims if c.property == "fatalities" and c.stance == "asserts" and (v := _num(c)) is not None]
    best = min(asserted) if asserted else min(values)
    return Fatalities(int(best), int(min(values)), int(max(values)))


def contradictions(claims: list[Claim]) -> list[Contradiction]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.property in CASUALTY_PROPERTIES and _num(c) is not None:
            groups[c.property].append(i)
    out: list[Contradiction] = []
    for prop, idx in groups.items():
        by_claimant: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            by_claimant[claimant_key(claims[i].claimant)].append(i)
        # a claimant's latest figure stands for it (updates supersede)
        latest = {k: v[-1] for k, v in by_claimant.items()}
        keys = sorted(latest)
        found = False
        for x in range(len(keys)):
            for y in range(x + 1, len(keys)):
                a, b = claims[latest[keys[x]]], claims[latest[keys[y]]]
                if a.subject and b.subject and a.subject != b.subject and "people" not in (a.subject, b.subject):
                    continue
                va, vb = _num(a), _num(b)
                if va == vb:
                    continue
                # "at least 3" and "5" are compatible; so are "about 70" and "70"
                if a.qualifier in ("at least", "more than") and vb >= va or b.qualifier in ("at least", "more than") and va >= vb:
                    continue
                out.append(
                    Contradiction(
                        prop,
                        (latest[keys[x]], latest[keys[y]]),
                        f"{prop}: {a.claimant or 'unattributed'} says {a.value}; "
                        f"{b.claimant or 'unattributed'} says {b.value}",
                    )
                )
                found = True
                break
            if found:
                break
    out.extend(_stance_conflicts(claims, "control"))
    out.extend(_responsibility_conflicts(claims))
    return out


def _responsibility_conflicts(claims: list[Claim]) -> list[Contradiction]:
    """Blame denied by the blamed, or blame laid on different parties."""
    idx = [i for i, c in enumerate(claims) if c.property == "responsibility" and c.value]
    for a in idx:
        for b in idx:
            if b <= a:
                continue
            ca, cb = claims[a], claims[b]
            same = claimant_key(str(ca.value)) == claimant_key(str(cb.value))
            if same and ca.stance != cb.stance:
                return [Contradiction("responsibility", (a, b), f"responsibility of {ca.value}: "
                                      f"{ca.claimant or 'unattributed'} {'asserts' if ca.stance == 'asserts' else 'denies'} it; "
                                      f"{cb.claimant or 'unattributed'} {'asserts' if cb.stance == 'asserts' else 'denies'} it")]
            if not same and ca.stance == cb.stance == "asserts":
                return [Contradiction("responsibility", (a, b), f"responsibility disputed: {ca.claimant or 'unattributed'} "
                                      f"names {ca.value}; {cb.claimant or 'unattributed'} names {cb.value}")]
    return []


def _stance_conflicts(claims: list[Claim], prop: str) -> list[Contradiction]:
    """One side asserting (an advance, a capture) what another denies (repelled, never there)."""
    asserts = [i for i, c in enumerate(claims) if c.property == prop and c.stance == "asserts"]
    denies = [i for i, c in enumerate(claims) if c.property == prop and c.stance == "denies"]
    for a in asserts:
        for d in denies:
            ca, cd = claims[a], claims[d]
            if claimant_key(ca.claimant) != claimant_key(cd.claimant):
                return [Contradiction(prop, (a, d), f"{prop}: {ca.claimant or 'unattributed'} claims '{ca.value}'; "
                                                    f"{cd.claimant or 'unattributed'} says '{cd.value}'")]
    return []


def updates(claims: list[Claim]) -> list[Update]:
    """Same claimant, same property and subject, a new figure: in the order reported."""
    out: list[Update] = []
    last: dict[tuple[str, str, str | None], int] = {}
    for i, c in enumerate(claims):
        if c.property not in CASUALTY_PROPERTIES or _num(c) is None or not c.claimant:
            continue
        key = (claimant_key(c.claimant), c.property, c.subject)
        j = last.get(key)
        if j is not None and _num(claims[j]) != _num(c):
            out.append(Update(c.property, (j, i), f"{c.claimant}: {c.property} {claims[j].value} → {c.value}"))
        last[key] = i
    return out
