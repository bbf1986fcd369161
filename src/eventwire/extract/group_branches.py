"""A movement named as itself in a country where it fights as a branch: the branch of the deed's country.

Wire copy calls every province of the Islamic State "Islamic State" ("Islamic State-linked insurgents
beheaded five villagers in Cabo Delgado"); the catalogue's entry is the movement in Iraq, so such a deed in
Mozambique went out with "Islamic State (Iraq)" as its doer.  ACLED names the branches by country.  Once a
deed is placed (``extract.to_mentions``), an actor whose catalogue entry lists ``branches`` is given the one
of the place's country; in a country the entry lists none for, it stays as found.
"""
from __future__ import annotations

from dataclasses import replace

from eventwire.data import load_json
from eventwire.model import ActorRef, Place

BRANCHES: dict[str, dict[str, dict[str, str]]] = {
    a["id"]: a["branches"] for a in load_json("actors", "actors.json")["actors"] if a.get("branches")}


def with_branch(actors: tuple[ActorRef, ...], place: Place | None) -> tuple[ActorRef, ...]:
    """``actors`` with a movement that has a branch in the deed's country named as that branch."""
    code = place.country if place is not None else None
    if not code or not any(a.id in BRANCHES for a in actors):
        return actors
    out = []
    for a in actors:
        branch = BRANCHES.get(a.id or "", {}).get(code)
        if branch is None or branch["id"] == a.id:
            out.append(a)
        else:
            out.append(replace(a, name=branch["name"], id=branch["id"],
                               reason=f"{a.reason}; branch: that of the country the deed was placed in"))
    return tuple(out)
