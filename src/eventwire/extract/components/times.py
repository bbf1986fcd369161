"""Dates: the date expressions of a sentence and which event word each one dates.

``extract.times.TimeResolver`` finds and resolves the expressions; this
component drops a dateline's date (when the report was filed), then gives
each event word of the sentence its dates: the expression in its own clause,
else the nearest one no other event word owns.  A date on a verb of telling
or judging ("referred today to the murder") dates the telling, not the deed.
What a sentence without a date of its own is dated by (the paragraph's last
date, else the publication date) is decided while mentions are assembled,
by ``date_of_hit``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire import datelines
from eventwire.extract.times import TimeResolver
from eventwire.extract.types import EventTypeClassifier, TypeHit
from eventwire.extract.types_base import SPEECH_LEMMAS, TIME_NOUNS, active_acl, participle_host, phrase_end, phrase_noun
from eventwire.model import DateSpan, Document

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")  # "in 1995", "in the 1990s"


@dataclass(frozen=True)
class HitDates:
    """The dates of one event word's sentence as they bear on it."""

    near: list[DateSpan]  # its clause's dates, else the free ones nearest first
    telling: list[DateSpan]  # dates of what was said or done about the deed
    topic: bool  # the deed is named as a topic ("the investigation of the murder")
    # the sentence names a time its page cannot date ("on Monday" in a page with no date of its own)
    undatable: bool = False

    @property
    def dated(self) -> bool:
        """The deed has a time of its own in its sentence, datable or not (an anchor, extract.concreteness)."""
        return bool(self.near) or self.undatable


def own_dates(times: TimeResolver, text: str, pub: date | None, at_start: bool = True) -> list[DateSpan]:
    """The date expressions of a text, without a dateline's date."""
    found = times.find(text, pub)
    dl = datelines.OPENING.match(text) if at_start else None
    return [d for d in found if not dl or d.span[0] >= dl.end()]


class Dates:
    """Parser component: each sentence → ``span._.dates`` and, per hit, ``span._.hit_dates``."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_times", *,
                 times: TimeResolver, types: EventTypeClassifier, referring: set[str]) -> None:
        self.name = name
        self.times = times
        self.types = types
        self.referring = referring

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[tuple[list[DateSpan], list[HitDates]]]:
        pub = doc._.article.pub
        out = []
        for sent in doc.sents:
            dates = own_dates(self.times, sent.text, pub)
            per_hit = self._per_hit(sent, sent._.type_hits, dates)
            if pub is None and per_hit and not dates and self.times.mentions_time(sent.text):
                per_hit = [replace(hd, undatable=True) for hd in per_hit]
            out.append((dates, per_hit))
        return out

    @staticmethod
    def set_annotations(doc: Doc, per_sentence: list[tuple[list[DateSpan], list[HitDates]]]) -> Doc:
        for sent, (dates, per_hit) in zip(doc.sents, per_sentence):
            sent._.dates = dates
            sent._.hit_dates = per_hit
        return doc

    def _per_hit(self, sent: Span, hits: list[TypeHit], dates: list[DateSpan]) -> list[HitDates]:
        if not hits:
            return []
        owner = date_owners(sent, hits, dates)
        out = []
        for hit in hits:
            # a date expression dates the trigger whose clause holds it; else the nearest free one
            sourced = [d for d in dates if _in_attribution(token_at(sent, d), hit.trigger)]
            mine = [d for d, o in zip(dates, owner) if o is hit and d not in sourced]
            telling = sourced + [d for d, o in zip(dates, owner)
                                 if o is None and d not in sourced and self.dates_telling(sent, d, hit)]
            clause = _clause_verb(hit.trigger)
            told_for_time = self.types.background.sequence_adjunct(hit.trigger)
            free = [d for d, o in zip(dates, owner) if o is None and d not in telling
                    and not self._of_another_argument(sent, d, hit) and not _since_elsewhere(sent, d, clause)
                    and (told_for_time is None or _inside(token_at(sent, d), told_for_time))]
            # the nearest free date, one in the deed's own clause before one on a verb above it ("HRW said in
            # April that soldiers had executed villagers in February": April dates the saying)
            def rank(d: DateSpan) -> tuple[bool, int]:  # the deed's own day first, then the nearest
                return not _own(token_at(sent, d), clause), abs(d.span[0] - (hit.trigger.idx - sent.start_char))
            near = sorted(mine, key=lambda d: rank(d)[0]) if mine else sorted(free, key=rank)
            if near and not _own(token_at(sent, near[0]), clause) and _on_speech(token_at(sent, near[0]), clause):
                near = [replace(near[0], spoken=True), *near[1:]]  # "activists said on Saturday"
            out.append(HitDates(near, telling, self.named_as_topic(hit)))
        return _clauses_of_deeds(sent, hits, dates, out)

    def _of_another_argument(self, sent: Span, d: DateSpan, hit: TypeHit) -> bool:
        """'The chilly weather in mid-April ... have stalled the offensive': a date inside another noun
        argument of the verb the trigger hangs from (its subject, when the trigger is the object), on a
        noun that is no event word, dates that noun, not the deed."""
        tok, verb = token_at(sent, d), hit.trigger.head
        if tok is None or hit.trigger.dep_ not in ("dobj", "nsubjpass", "pobj") or verb.pos_ != "VERB":
            return False
        arg = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i != hit.trigger.i
                    and (c.i == tok.i or c.is_ancestor(tok))), None)
        # ... and not a party's: "troops in March launched an offensive" dates the launch (a parse's slip)
        return arg is not None and self.types.is_topic_noun(arg) \
            and not any(arg.lemma_.lower() in words for words in self.types.actor_sets.values())

    def named_as_topic(self, hit: TypeHit) -> bool:
        """'The investigation of the murder', 'the trial for the bombing': the deed is what a
        non-event noun is about, a reference to it rather than its narration."""
        t = hit.trigger
        return t.dep_ == "pobj" and self.types.is_topic_noun(t.head.head)

    def dates_telling(self, sent: Span, d: DateSpan, hit: TypeHit) -> bool:
        """True when the date dates something said or done about the deed, not the deed itself.

        * 'Referred today to the murder': the date's verb is a referring verb
          (``referring_verbs`` in time_expressions.json) that governs the trigger.
        * 'Captured 22 August for his involvement in the murder', 'the bodies of
          victims of the massacre were found on Monday': the deed is the topic of
          a noun that is no event word, below the verb the date is on.
        A date inside the trigger's own phrase ('Monday's attack') always dates it.
        """
        tok = token_at(sent, d)
        if tok is None or hit.trigger.is_ancestor(tok):
            return False
        verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
        if verb is None or verb.i == hit.trigger.i or not verb.is_ancestor(hit.trigger):
            return False
        if verb.lemma_.lower() in self.referring:
            return True
        below, node = hit.trigger, hit.trigger.head
        last = phrase_end(hit.trigger, hit.trigger_text).i  # "rubber bullets": the deed's own words
        while node.i != verb.i:
            if node.lemma_.lower() in TIME_NOUNS:
                return False  # "issued on 18 August, the same day the senator was assassinated"
            # a noun the deed is coordinated with ("rubber bullets and tear gas") is no topic it is told under
            # ... nor is the doer the parser hung the deed's verb on ("bandits [who were] killed 25 people")
            if self.types.is_topic_noun(node) and not hit.trigger.i <= node.i <= last and below.dep_ != "conj" \
                    and not active_acl(below):
                return True
            below, node = node, node.head
        return False


def _clause_verb(trigger: Token) -> Token:
    """The verb whose clause tells the deed: the trigger, or the verb above an event noun."""
    return trigger if trigger.pos_ == "VERB" else next((a for a in trigger.ancestors if a.pos_ == "VERB"), trigger)


def _on_speech(tok: Token | None, clause: Token) -> bool:
    """Whether a date hangs on a verb of speech ('killed 124 people in an attack, a local group said on
    Saturday'), or stands between it and the told clause's subject ('said on Wednesday it had carried out',
    which the parser hangs on the told verb): the day it was told, which the deed happened on or before."""
    if tok is None:
        return False
    if _inside(tok, clause):
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_LEMMAS and subj is not None \
            and clause.head.i < tok.i < subj.i
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in SPEECH_LEMMAS


def _own(tok: Token | None, clause: Token) -> bool:
    """A date in the deed's own clause, not one of the telling the parser hung there."""
    return _inside(tok, clause) and not _on_speech(tok, clause)


def _since_elsewhere(sent: Span, d: DateSpan, clause: Token) -> bool:
    """'The protest followed fighting with rebels, who have seized towns since last year': a date after
    'since' on a perfect starts a span that runs to the present for that verb; it dates no deed outside
    its clause."""
    tok = token_at(sent, d)
    if tok is None:
        return False
    since = next((t for t in (tok, sent.doc[max(tok.i - 1, sent.start)]) if t.lower_ == "since"), None)
    if since is None or since.is_ancestor(clause):
        return False  # "since 2017, when a general was killed": the deed is told of that date
    verb = since.head  # whose span it starts: a perfect's ("have seized ... since last year")
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False
    return verb.i != clause.i and not verb.is_ancestor(clause)


def _inside(tok: Token | None, clause: Token) -> bool:
    return tok is not None and (tok.i == clause.i or clause.is_ancestor(tok))


def token_at(sent: Span, d: DateSpan) -> Token | None:
    """The first token of a date expression."""
    return next((t for t in sent if t.idx - sent.start_char >= d.span[0]), None)


def _in_attribution(tok: Token | None, trigger: Token) -> bool:
    """'..., according to images analysed by reporters on Thursday': a date inside the 'according to'
    phrase dates the source (when it was said, shown or analysed), not the deed it vouches for."""
    if tok is None:
        return False
    for a in tok.ancestors:
        if a.lower_ == "according" and a.dep_ == "prep" and not a.is_ancestor(trigger):
            return True
    return False


def _clauses_of_deeds(sent: Span, hits: list[TypeHit], dates: list[DateSpan],
                      dated: list[HitDates]) -> list[HitDates]:
    """'The attack on Bamako last month, when fighters stormed the airport', 'the strike, which killed
    five', 'on 3 March, when militants abducted ten girls': a clause on a deed's noun, or on a time,
    tells that deed or that time, so a trigger in it with no date of its own takes the noun's or the
    time's (a date owned by the noun is no free date left for the clause).  So does a deed's verb
    coordinated with another deed's, whose subject does both in one telling ("gunmen stormed a school
    early on Friday and abducted 40 students"), and a participle telling how a deed went ("overran the town
    on Monday, setting fire to the police station")."""
    by_trigger = {h.trigger.i: hd for h, hd in zip(hits, dated)}
    out = []
    for h, hd in zip(hits, dated):
        near = hd.near
        if not near and h.trigger.dep_ in ("relcl", "acl"):
            head = h.trigger.head
            host = by_trigger.get(head.i)
            at = head.idx - sent.start_char
            near = host.near if host is not None else [d for d in dates if d.span[0] <= at < d.span[1]]
        elif not near and h.trigger.dep_ == "conj" and h.trigger.pos_ == "VERB" and h.trigger.head.i in by_trigger:
            near = by_trigger[h.trigger.head.i].near
        elif not near and (host := _dated_host(h.trigger, by_trigger)) is not None:
            near = by_trigger[host.i].near
        out.append(replace(hd, near=near) if near else hd)
    return out


def _dated_host(trigger: Token, by_trigger: dict) -> Token | None:
    """The deed's verb a participle telling how it went hangs from ('stormed a bus on Tuesday, taking 20
    passengers hostage': the participle of the noun 'hostage'), up the verbs coordinated with it ('blew up a
    track and stormed a train ..., taking ...'), when that verb is a hit's; else None."""
    host = participle_host(_clause_verb(trigger))
    while host is not None and host.i not in by_trigger and host.dep_ == "conj":
        host = host.head
    return host if host is not None and host.i in by_trigger else None


def date_owners(sent: Span, hits: list[TypeHit], dates: list[DateSpan]) -> list[TypeHit | None]:
    """For each date expression, the hit whose trigger (or its governing word) is its nearest ancestor."""
    if len(hits) < 2:
        return [None] * len(dates)
    anchors: dict[int, TypeHit] = {}
    for h in hits:
        anchors.setdefault(h.trigger.i, h)
    for h in hits:  # "a drone strike hit a market on Saturday": the verb a deed noun is the subject of tells its day
        noun = phrase_noun(h.trigger)  # (as its object, "condemned the murder on 30 November": the telling's day)
        if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
            anchors.setdefault(noun.head.i, h)
    for h in hits:
        anchors.setdefault(h.trigger.head.i, h)
    owners: list[TypeHit | None] = []
    for d in dates:
        tok = next((t for t in sent if t.idx - sent.start_char >= d.span[0]), None)
        owner = None
        if tok is not None:
            for a in [tok, *tok.ancestors]:
                if a.i in anchors:
                    owner = anchors[a.i]
                    break
        owners.append(owner)
    return owners


def date_for(own: list[DateSpan], previous: DateSpan | None, doc: Document, pub: date | None,
             text: str = "") -> DateSpan | None:
    """The sentence's own date, else the paragraph's last explicit date, else publication.

    A sentence that names an older year ("the 2017 air strikes", "in 1795") is not
    dated by publication nor by the sentence before: it is history, told in
    passing, and the time of its neighbour is not its own.
    """
    if own:
        return own[0]
    if pub is not None and any(int(y) < pub.year - 1 for y in _YEAR.findall(text)):
        return None
    if previous is not None:
        return replace(previous, reason=f"{previous.reason} (previous sentence)")
    if pub is not None:
        return DateSpan(pub, pub, "day", "", f"publication date ({doc.published.source}); no date in sentence")
    return None


def date_of_hit(hd: HitDates, previous: DateSpan | None, doc: Document, pub: date | None,
                text: str) -> DateSpan | None:
    """One event word's date: its own, else (unless it is named as a topic) the paragraph's, else publication."""
    # "the investigation of the murder": a deed named as a topic is not dated by the sentence before
    date_ = date_for(hd.near, None if hd.topic else previous, doc, pub, text)
    if hd.telling and not hd.near and date_ is not None:
        date_ = replace(date_, reason=f"{date_.reason}; '{hd.telling[0].text}' dates what was said or done "
                                      "about the deed, not the deed")
    return date_
