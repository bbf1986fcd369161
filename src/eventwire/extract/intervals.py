"""When a deed told as a time landmark happened, from the count of days between it and the deed it dates.

"The attack came a day after Russian missiles struck Dnipro": the strike is a landmark of the attack
(``extract.landmarks``, ``extract.background``), and with no date of its own it would take the page's
day; English says how far apart the two were, so the strike is the day before the attack's.  Hours
apart is the same day; weeks apart is that week, give or take half of one.  A count English leaves
vague ("days after") tells nothing exact and is not read.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from spacy.tokens import Span, Token

from eventwire.data import load_json
from eventwire.extract.components.times import token_at
from eventwire.extract.types_base import clause_verb
from eventwire.model import DateSpan

_LEX = load_json("lexicons", "time_expressions.json")["interval_units"]
UNIT_DAYS: dict[str, int] = _LEX["days"]
MARKER_SIGN: dict[str, int] = _LEX["markers"]
NUMBER_WORDS: dict[str, int] = {k: v for k, v in load_json("lexicons", "claims.json")["number_words"].items()
                                if not k.startswith("_") and v}
HALF_WEEK = timedelta(days=3)


def offset(trigger: Token) -> tuple[int, str, int, Token] | None:
    """(signed days from the dated deed to this one, the phrase, the unit's days, the landmark's clause or
    phrase) when its own marker is counted: "a day after [missiles struck]" gives -1, "two weeks before
    [the offensive]" +14."""
    verb = clause_verb(trigger)
    markers = [trigger.head] if trigger.dep_ == "pobj" and trigger.head.lower_ in MARKER_SIGN else []
    if verb is not None:
        markers += [c for c in verb.children if c.dep_ == "mark" and c.lower_ in MARKER_SIGN]
    for marker in markers:
        # "a week after": the count hangs from the marker, the landmark's verb, or (right before the
        # marker) the verb it dates
        before = marker.doc[marker.i - 1] if marker.i > 0 else marker
        for count_noun in [*marker.children, *(verb.children if verb is not None else ()), before]:
            if count_noun.dep_ != "npadvmod" or count_noun.lemma_.lower() not in UNIT_DAYS:
                continue
            number = _count(count_noun)
            if number is not None:
                unit = UNIT_DAYS[count_noun.lemma_.lower()]
                clause = marker if marker.dep_ == "prep" else verb
                return number * unit * MARKER_SIGN[marker.lower_], \
                    " ".join(t.text for t in count_noun.subtree) + f" {marker.text}", unit, clause
    return None


def _count(noun: Token) -> int | None:
    for c in noun.children:
        if c.dep_ in ("nummod", "det") and (c.text.isdecimal() or c.lower_ in NUMBER_WORDS):
            return int(c.text) if c.text.isdecimal() else int(NUMBER_WORDS[c.lower_])
    return None


def landmark_dates(sent: Span, out: list, triggers: list[Token], undated: list[bool], first: int,
                   apart: list[bool] | None = None) -> list:
    """The sentence's mentions with each undated landmark, or deed told apart for its time (``apart``:
    "struck Hodeidah on Wednesday, a day after a drone hit a hotel in Eilat"), dated from the deed it dates
    by the interval English gives between them.  That deed's day is its mention's (``out[first]``); when it is none (a
    bare "the attack came a week after ..." reports nothing of its own), the day a date outside the
    landmark's clause gives ("the attack on Monday came ..."), else the day the sentence is told on."""
    for i, (m, trigger) in enumerate(zip(out, triggers)):
        found = offset(trigger) if (m.landmark or apart and apart[i] and i != first) and undated[i] else None
        if found is None:
            continue
        days, phrase, unit, clause = found
        host = out[first].date if not out[first].landmark else next(
            (d for d in sent._.dates or () if not _within(sent, d, clause)), m.date)
        if host is not None and host.precision == "day":
            date = shifted(host, days, phrase, unit)
            out[i] = replace(m, date=date, reason=f"{m.reason}; dated: {date.reason}")
    return out


def _within(sent: Span, d: DateSpan, clause: Token) -> bool:
    tok = token_at(sent, d)
    return tok is not None and clause.left_edge.i <= tok.i <= clause.right_edge.i


def shifted(host: DateSpan, days: int, phrase: str, unit_days: int) -> DateSpan:
    """The host's day moved by ``days``; a count of weeks is that week, give or take half of one."""
    start, end = host.start + timedelta(days=days), host.end + timedelta(days=days)
    reason = f"'{phrase}' the deed it dates ({host.start})"
    if unit_days >= UNIT_DAYS["week"]:
        return replace(host, start=start - HALF_WEEK, end=end + HALF_WEEK, precision="week", reason=reason)
    return replace(host, start=start, end=end, reason=reason)
