"""A state's soldiers named without their country: whose they are, from where the deed was placed.

Wire copy names a country's forces once ("Nine Colombian soldiers were killed") and then only by their
noun ("On Saturday, soldiers killed three dissidents", "fighting between the rebels and the army
continued"); a local report may never name the country at all.  ACLED codes such a deed with the forces of
the country it happened in.  The actor finder (``extract.actors``) marks such a phrase with the
placeholder ``STATE_FORCES``; once the deed is placed (``extract.to_mentions``) it becomes the forces of
that country, unless the article has named the forces of another country (an invasion or an
intervention: "the troops" may be either side's), when it is dropped: precision first.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from eventwire.data import load_json
from eventwire.model import ActorRef, Mention, Place

STATE_FORCES = "state-forces"  # the placeholder's id: never leaves the extract stage
GENERIC_ACTOR = "unidentified"  # the catalogue's entry for doers named by a common noun ("militants", "gunmen")
_LEX = load_json("actors", "actors.json")["state_force_nouns"]
NOUNS = frozenset(w for w in _LEX["nouns"] if " " not in w)
PHRASES = {tuple(w.split()) for w in _LEX["nouns"] if " " in w}  # ("armed", "forces")
MODIFIERS = frozenset(_LEX["modifiers"])
MILITARY_SUFFIX = "-military"  # the catalogue ids of countries' forces ("ru-military", "co-military")
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")  # how a noun qualifies another


def bare_force(tok: Token) -> bool:
    """A state-force noun qualified by nothing that says whose it is: 'soldiers', 'the army', 'government
    troops', 'the armed forces' (not 'rebel soldiers', 'Wagner troops', 'the army's spokesman')."""
    mods = [c for c in tok.children if c.dep_ in MODIFIER_DEPS]
    if tok.lower_ in NOUNS or tok.lemma_.lower() in NOUNS:
        return tok.pos_ == "NOUN" and all(c.lower_ in MODIFIERS for c in mods)
    return any((c.lower_, tok.lower_) in PHRASES for c in mods) and all(c.lower_ in MODIFIERS for c in mods)


def bare_force_spans(sent: Span, taken: set[int], deed_words: frozenset[int] = frozenset()) -> list[Span]:
    """The sentence's bare state-force phrases not inside another actor phrase (``taken``: sentence offsets);
    ``deed_words``: the doc indices of the words of its event phrases."""
    out = []
    for tok in sent:
        if tok.i - sent.start in taken:
            continue
        if tok.dep_ in ("amod", "compound") and tok.lower_ in NOUNS and tok.head.i in deed_words \
                and not any(c.dep_ in MODIFIER_DEPS for c in tok.children):
            out.append(sent.doc[tok.i: tok.i + 1])  # "a military air strike", "army shelling": the deed's doer
            continue
        if not bare_force(tok) or tok.dep_ in MODIFIER_DEPS:
            continue  # "the army's spokesman", "army escort vehicles": the noun qualifies another, whose role it is
        start = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("compound", "amod")])
        out.append(sent.doc[start: tok.i + 1])
    return out


def foreign_forces(place: Place | None, actors: tuple[ActorRef, ...], earlier: list[Mention]) -> bool:
    """Whether the article so far, or this deed, names the forces of a country other than the place's."""
    home = (place.country or "").lower() if place is not None else ""
    named = [a for m in earlier for a in m.actors] + list(actors)
    return any(a.id and a.id.endswith(MILITARY_SUFFIX) and a.id.removesuffix(MILITARY_SUFFIX) != home for a in named)


def with_scene_country(actors: tuple[ActorRef, ...], place: Place | None, earlier: list[Mention],
                       military_of, in_setting: bool = True) -> tuple[ActorRef, ...]:
    """``actors`` with a bare state force made the forces of the deed's country, or left out: also when
    the place is outside the article's setting (``in_setting``, extract.setting: a place read wrong, "US-made
    missiles" for a find in Syria, would give the find to the wrong army).
    ``military_of(code)``: (name, id, inter) of a country's forces, None when it has no known name
    (``ActorFinder.named_military``)."""
    if not any(a.id == STATE_FORCES for a in actors):
        return actors
    code = place.country if place is not None else None
    known = military_of(code) if code and in_setting and not foreign_forces(place, actors, earlier) else None
    if known is None:
        return tuple(a for a in actors if a.id != STATE_FORCES)
    name, aid, inter = known
    aid = aid or f"{code.lower()}{MILITARY_SUFFIX}"
    out: list[ActorRef] = []
    for a in actors:
        if a.id != STATE_FORCES:
            out.append(a)
        elif not any(o.name == name for o in out) and not any(o.name == name for o in actors if o.id != STATE_FORCES):
            out.append(replace(a, name=name, id=aid, inter=inter,
                               reason=f"{a.reason}; whose: the country the deed was placed in"))
    return tuple(out)
