"""Document → event mentions: the extract stage's one entry point, and where spans become Mentions.

Built once with its two pipelines injected (``extract.factories``); called
per document:

1. The *reader* reads the whole article: its places, the text to parse, and
   which sentences are worth parsing (``doc._.places``, ``doc._.plan``).
2. The *parser* parses each run of wanted sentences (its dateline blanked,
   same length, so offsets hold) and its components annotate every sentence:
   claims, event-type hits, dates, landmarks, the place and the actors of
   each hit.
3. Here the annotations become ``Mention``s, in document order.  What needs
   the article read so far is decided here, with the concern modules' rules:
   a sentence without a date of its own takes its paragraph's last date
   (``components.times.date_of_hit``), an event without a place in its
   sentence the article's previous one (``components.places.context_place``)
   if it lies in the article's setting, and a place on another continent
   than the setting places a deed only with strong evidence (``setting``),
   and claims in a sentence without an event word ("He said one person was
   injured") go to the article's latest event (control claims to the latest
   battle), and a group's claim of responsibility names that event's doer
   when its report named none (``claimed_doer``).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire import datelines
from eventwire.dating.entries import date_at, entry_dates
from eventwire.extract import extensions  # noqa: F401  (registers the Doc._ and Span._ attributes)
from eventwire.extract.background import answered_deed
from eventwire.extract.blamed import blames_for_named
from eventwire.extract.borrowed_doer import borrow_doer
from eventwire.extract.claimed_doer import claimed_deed, claimed_doer, own_claims
from eventwire.extract.components.context import Article, usable_pub
from eventwire.extract.components.places import (at_locality, context_place, COUNTRY_OF_DEED, EVENT_PRECISIONS,
                                                 filed_spans, LOCALITY, TOWN_PRECISIONS)
from eventwire.extract.components.sentences import PlanItem
from eventwire.extract.components.times import date_of_hit, own_dates
from eventwire.extract.concreteness import Anchors
from eventwire.extract.genre import GenreClassifier
from eventwire.extract.group_branches import with_branch
from eventwire.extract.intervals import landmark_dates
from eventwire.extract.localities import settlement_told_before
from eventwire.extract.retold import filled_in, retold
from eventwire.extract.setting import Setting
from eventwire.extract.state_forces import with_scene_country
from eventwire.extract.totals import counted_deeds
from eventwire.extract.types_base import AFTER_PREPOSITIONS, PEACEFUL, clause_verb, timed_apart
from eventwire.geo import km
from eventwire.model import DENIED_DOUBT, DateSpan, Document, Evidence, Mention, Place

# two towns this far apart are two places: a figure told at one is not about a deed placed at the other
# (the radius of a city with its suburbs; a city district read as the city stays within it)
SAME_TOWN_KM = 20.0

# a deed dated further than this from every deed told before it is another time's (set by hand: a month holds
# the follow-ups of one story; a ceasefire of a year before does not)
SCENE_GAP_DAYS = 31
PARSE_BATCH = 64  # pieces per nlp.pipe batch (spaCy's default is 1000; pieces are short)


class Extractor:
    def __init__(self, reader: Language, nlp: Language) -> None:
        self.reader = reader
        self.nlp = nlp
        self.times = nlp.get_pipe("eventwire_times").times  # unparsed sentences are still read for dates
        self.actors = nlp.get_pipe("eventwire_actors").finder  # a claim of responsibility names a doer
        self.genre = GenreClassifier()

    def extract(self, doc: Document, story: str | None = None) -> list[Mention]:
        return self.extract_many([(doc, story)])[0]

    def extract_many(self, jobs: list[tuple[Document, str | None]]) -> list[list[Mention]]:
        """``extract`` of each (document, story), the pieces of all of them parsed by one ``nlp.pipe``.

        Why: the model's layers run a batch at a time, and a document's dozen pieces made small batches;
        a pool worker's batch of four documents parsed together cost ~6% less of the parse (the 200 bench
        articles, ``bench/README.md`` session 22).  The same mentions: each piece's parse is its own (the
        tok2vec window and the parser read one piece), the components keep what crosses sentences on the
        piece's own article (``doc._.article.memory``), and the documents' pieces come back in order.
        """
        read = [self._read(doc) if doc.language == "en" else None for doc, _story in jobs]
        # without NER, half the parse: places and actors do without it (ActorFinder runs it on demand)
        parsed = iter(list(self.nlp.pipe([piece for r in read if r is not None for piece in r[3]],
                                         batch_size=PARSE_BATCH, disable=["ner"])))
        return [[] if r is None else self._mentions(doc, story, r, parsed) for (doc, story), r in zip(jobs, read)]

    def _read(self, doc: Document) -> tuple[Article, list[PlanItem], list[Article], list[Doc]]:
        """The reader's pass over a whole document: its article, sentence plan, per-item article, pieces to parse."""
        read = self.reader(doc.text)
        article = Article(doc, usable_pub(doc), read._.places,
                          setting=Setting.of(read._.toponyms, filed_spans(read._.paragraphs)))
        plan: list[PlanItem] = read._.plan
        entries = self._entries(doc, article, plan)
        return article, plan, entries, [self._piece(item, entries[n]) for n, item in enumerate(plan) if item.parse]

    def _mentions(self, doc: Document, story: str | None, read: tuple, parsed: Iterator[Doc]) -> list[Mention]:
        """The document's mentions, its parsed pieces taken in turn from ``parsed``."""
        _article, plan, entries, _pieces = read
        # on a commentary page a deed must be concrete in its own sentence to be reported (genre.py)
        genre = self.genre.classify(doc.title, doc.url, doc.text)
        commentary = genre.reason if genre.commentary else ""
        mentions: list[Mention] = []
        told_in: list[int] = []  # per mention, the index of the sentence that told it
        para_date: list[DateSpan | None] = [None]
        current = -1
        sentence_no = 0
        for n, item in enumerate(plan):
            if item.paragraph != current:
                current, para_date = item.paragraph, [None]
            if not item.parse:
                sentence_no += 1  # a run the prefilter kept from the parser still stands between two deeds
                # not parsed, but its dates still date the sentences after it ("On May 24, ... It ...")
                dates = own_dates(self.times, item.text, entries[n].pub, item.at_start)
                if dates:
                    para_date[0] = dates[0]
                continue
            for sent in next(parsed).sents:
                sentence_no += 1
                for m in self._sentence(sent, item.offset, entries[n], story, mentions, para_date, commentary):
                    actors = borrow_doer(m.actors, m.event_type, m.sub_event_type, sentence_no, told_in, mentions,
                                         m.entry)
                    mentions.append(replace(m, actors=actors))
                    told_in.append(sentence_no)
        return mentions

    @staticmethod
    def _entries(doc: Document, article: Article, plan: list[PlanItem]) -> list[Article]:
        """Per plan item, the article as its sentences see it: on a live page (dating.entries) the
        entry's stamp stands in for the page's date, so "on Thursday" and undated deeds are dated by
        the entry that tells them; elsewhere the article itself."""
        stamps = entry_dates(doc.text, article.pub)
        if not stamps:
            return [article] * len(plan)
        seen: dict[int, Article] = {}
        out = []
        for item in plan:
            stamp = date_at(stamps, item.offset)
            if stamp is None:
                out.append(article)
                continue
            if stamp.offset not in seen:
                seen[stamp.offset] = replace(article, pub=stamp.day, entry=stamp.text, entry_start=stamp.offset)
            out.append(seen[stamp.offset])
        return out

    @staticmethod
    def _context(place: Place | None, preason: str, start: int, article: Article, earlier: list[Mention],
                 actors: tuple, town: bool = False, date: DateSpan | None = None) -> tuple[Place | None, str]:
        """The place of a deed whose sentence names none precise enough: the article's scene
        (``context_place``), at most its region for a locality the gazetteer cannot place
        (``at_locality``), and never a scene in another country than the one the sentence says the deed was in.
        A deed its own words date far from every deed told before it is another time's, and no scene of theirs:
        when its sentence names a place of its own, however wide, it keeps that ("Israel has kept up strikes in
        Lebanon despite a ceasefire that took effect in November 2024", told after a strike in the Bekaa Valley:
        Lebanon's ceasefire, not the valley's; with no place of its own, the article's scene is still the best
        guess: "the attackers threw a bomb into his bedroom window on 22 December 1974" in a London story)."""
        if place is not None and date is not None and date.text and _another_time(date, earlier):
            return place, preason
        ctx, creason = context_place(start, article.places, earlier, article.is_scene,
                                     lambda p: article.may_borrow(p, actors), since=article.entry_start, town=town)
        if place is not None and place.precision == LOCALITY:
            return at_locality(place, ctx, creason)
        if place is not None and place.precision == "country" and ctx is not None and ctx.country != place.country \
                and COUNTRY_OF_DEED in preason:
            return place, f"{preason}; not borrowed: {creason}, in another country"
        if place is None or place.precision == "country" and ctx is not None:
            return ctx, creason or preason
        return place, preason

    def _piece(self, item: PlanItem, article: Article) -> Doc:
        """A run of sentences to parse, carrying its article; the parser reads "BELGOROD — Russia's
        ministry said" as if the city spoke, so an opening dateline is blanked (the evidence keeps it)."""
        piece = self.nlp.make_doc(datelines.blank_opening(item.text) if item.at_start else item.text)
        piece._.article, piece._.offset = article, item.offset
        return piece

    @staticmethod
    def _attach_claims(claims: list, earlier: list[Mention], dated: list[DateSpan] = (),
                       towns: list[Place] = ()) -> None:
        """Claims of a sentence without an event word: control claims belong to the fighting, casualty
        figures to the latest event told (a landmark only dates another happening: its figures are not about it)
        and not denied where it is told ("a school bus came under fire, but officials denied this": extract.deeds).
        A sentence dated before the event it would join ("In December, a strike killed 25 people") counts an
        earlier happening: its figures join nothing (a later date is usually the telling's: "said on Sunday").
        So does one that names only other towns than the town the event was placed in ("Two women were wounded
        in Beryslav" after a shell hit a house in Kherson): another happening's figures."""
        plain = [i for i, m in enumerate(earlier) if not m.landmark]
        told = [i for i in plain if DENIED_DOUBT not in earlier[i].doubt] or plain or [len(earlier) - 1]
        battles = [i for i in told if earlier[i].event_type == "Battles"]
        latest = earlier[told[-1]].date
        if latest is not None and any(d.end < latest.start for d in dated):
            return
        at = earlier[told[-1]].place
        if towns and at is not None and at.precision in TOWN_PRECISIONS and at.lat is not None and all(
                t.lat is not None and km(t.lat, t.lon, at.lat, at.lon) > SAME_TOWN_KM for t in towns):
            return
        own = own_claims(claims)
        claimed = claimed_deed(earlier) if own else None
        for claim in claims:
            i = battles[-1] if claim.property == "control" and battles else told[-1]
            if claim in own and claimed is not None:
                i = claimed  # "the Islamic State claimed the raid": the raid's, not the troops' fight told since
            if claim.property in ("fatalities", "injuries") and earlier[i].sub_event_type == PEACEFUL:
                continue  # a peaceful protest has no dead: "40 leaders have been killed this year" counts others'
            earlier[i] = replace(earlier[i], claims=earlier[i].claims + (claim,))

    def _sentence(self, sent: Span, off: int, article: Article, story: str | None,
                  earlier: list[Mention], para_date: list[DateSpan | None], commentary: str = "") -> list[Mention]:
        doc, claims, hits = article.document, sent._.claims, sent._.type_hits
        # "police have identified 1,084 civilians killed": a count of many deeds, not one (totals.py)
        hits = counted_deeds(hits, claims, sent._.claim_words or [None] * len(claims), sent)
        previous_date = para_date[0]
        if sent._.dates:
            para_date[0] = sent._.dates[0]
        if not hits:
            if blames_for_named(sent):  # blamed for something that is no deed told: no claim about one
                claims = [c for c in claims if c.property != "responsibility" or c in own_claims(claims)]
            if claims and earlier:
                here = [p for p in article.places if off + sent.start_char <= p.start < off + sent.end_char
                        and p.precision in TOWN_PRECISIONS]
                self._attach_claims(claims, earlier, sent._.dates, here)
                claimed_doer(sent, claims, earlier, self.actors)
            return []
        start, end = off + sent.start_char, off + sent.end_char
        ev = Evidence(doc.id, doc.text[start:end], start, end)
        landmarks = sent._.landmarks
        out: list[Mention] = []
        triggers: list = []  # the trigger Token of each mention of ``out``
        undated: list[bool] = []  # per mention of ``out``: its sentence gave it no date of its own
        timed: list[bool] = []  # per mention of ``out``: its sentence names a time of its own, datable or not
        dropped = 0
        for n, hit in enumerate(hits):
            date = date_of_hit(sent._.hit_dates[n], previous_date, doc, article.pub, sent.text)
            if article.entry and date is not None and date.reason.startswith("publication date"):
                date = replace(date, reason=f"the live entry's stamp '{article.entry}'; no date in sentence")
            place, preason = sent._.hit_places[n]
            deed = sent._.deeds[n]
            if deed.verdict == "drop":
                dropped += 1
                continue  # the sentence only talks about a deed (extract/deeds.py)
            if commentary and not Anchors.of(sent._.hit_dates[n].dated, preason, sent._.actors[n], claims).concrete:
                continue  # commentary names deeds in passing: only a concrete one is reported (concreteness.py)
            far = article.setting.far_reason(place) if place is not None else ""
            if far:
                place, preason = None, far  # named in the sentence, but far and in passing: unplaced, not moved
            elif place is None or place.precision not in EVENT_PRECISIONS:
                place, preason = self._context(place, preason, start, article, earlier + out, sent._.actors[n],
                                               settlement_told_before(sent), date)
            actors = with_scene_country(sent._.actors[n], place, earlier + out, self.actors.named_military,
                                        place is not None and article.setting.inside(place))
            actors = with_branch(actors, place)
            out.append(Mention(
                document=doc.id,
                evidence=ev,
                event_type=hit.event_type,
                sub_event_type=hit.sub_event_type,
                trigger=hit.trigger_text,
                date=date,
                place=place,
                actors=actors,
                story=story,
                reason=f"{hit.reason}; place: {preason or 'none'}; date: {date.reason if date else 'none'}"
                       + (f"; {landmarks[n]}" if landmarks[n] else "")
                       + (f"; commentary page ({commentary}), concrete in its sentence" if commentary else "")
                       + (f"; {deed.reason}" if deed.reason else ""),
                landmark=landmarks[n] is not None,
                weapon=hit.weapon,
                doubt=deed.reason,
                entry=article.entry,
            ))
            triggers.append(hit.trigger)
            undated.append(not sent._.hit_dates[n].near)
            timed.append(sent._.hit_dates[n].dated)
        if dropped == len(hits) and claims and earlier:
            # its event words only talk about a deed, so its figures are told as in a sentence without one
            self._attach_claims(claims, earlier, sent._.dates)
            claimed_doer(sent, claims, earlier, self.actors)  # "X claimed the raid, saying its fighters had killed"
        if self._retold(sent, out, triggers, timed, earlier, article.places, (start, end)):
            return []
        first = next((i for i, m in enumerate(out) if not m.landmark), 0)
        apart = {h.trigger.i for h in hits if timed_apart(h, hits)}
        out = landmark_dates(sent, out, triggers, undated, first, [t.i in apart for t in triggers])
        return self._give_claims(out, claims, sent._.claim_words or [None] * len(claims), triggers, first)

    def _retold(self, sent: Span, out: list[Mention], triggers: list, timed: list[bool], earlier: list[Mention],
                places: list[Place], span: tuple[int, int]) -> bool:
        """Whether the sentence tells the article's latest deed again (extract.retold), any other deed word of it
        being one the deeds rules doubt ("opened fire after the lead truck struck a mine"); if so, its figures
        and the doers the deed lacked join that deed ("the attack was the work of Ukrainian sea
        drones").  A deed its sentence gives a time (even one its page cannot date) or a place name of its own
        is not retold."""
        placeless = not any(span[0] <= p.start < span[1] and p.feature != "demonym" for p in places)
        told_again = [retold(m, t, placeless and not d, earlier) for m, t, d in zip(out, triggers, timed)]
        if not any(i is not None for i in told_again) or not all(i is not None or m.doubt for i, m in zip(told_again, out)):
            return False
        for i, m in zip(told_again, out):
            if i is not None:
                earlier[i] = filled_in(earlier[i], m)
        claims = sent._.claims
        if claims:
            self._attach_claims(claims, earlier, sent._.dates)
            claimed_doer(sent, claims, earlier, self.actors)
        return True

    @staticmethod
    def _give_claims(out: list[Mention], claims: list, words: list, triggers: list, first: int) -> list[Mention]:
        """The sentence's claims go with its first reported event that is kept, not with a landmark dating
        it, nor with a deed the commentary gate left out (its figures would be lost with it).  A figure
        whose word stands in another deed's own clause counts that deed: "the bombing came a week after
        fighters stormed a hotel, a siege that left 21 people dead" (a landmark's), "Hezbollah fired
        rockets hours after Israeli strikes killed three of its fighters"."""
        if not out or not claims:
            return out
        clauses = _own_clauses(triggers) if len(out) > 1 else []
        given: dict[int, list] = {}
        for claim, word in zip(claims, words):
            given.setdefault(_counting(word, clauses, first), []).append(claim)
        for i, told in given.items():
            out[i] = replace(out[i], claims=tuple(told))
        return out


def _own_clauses(triggers: list) -> list:
    """Per trigger, its own clause: the lowest verb at or above it that heads no other trigger of the
    sentence, or None ("hours after air strikes on a village killed three": 'killed' is the strikes' clause,
    and 'fired', which holds it, is the rockets' deed, not theirs; in "two died on Monday, a week after a
    bombing" the verb above 'bombing' is the report's own, so the bombing has none)."""
    out = []
    for trigger in triggers:
        # "fired rockets in response to the killing of one of its commanders": the deed answered is its noun's
        clause = answered_deed(trigger) or clause_verb(trigger)
        # a clause told for its time that the parse made the root holds the news before its mark, not in it
        mark = next((c.i for c in clause.children if c.dep_ == "mark" and c.lower_ in AFTER_PREPOSITIONS), -1) \
            if clause is not None else -1
        if clause is not None and any(o.i != trigger.i and (o.i == clause.i or clause.is_ancestor(o)) and o.i > mark
                                      for o in triggers):
            clause = None
        out.append(clause)
    return out


def _another_time(date: DateSpan, earlier: list[Mention]) -> bool:
    """Whether every deed told before, dated, lies more than ``SCENE_GAP_DAYS`` from ``date``."""
    dated = [m.date for m in earlier if m.date is not None]
    return bool(dated) and all(d.start - date.end > timedelta(days=SCENE_GAP_DAYS)
                               or date.start - d.end > timedelta(days=SCENE_GAP_DAYS) for d in dated)


def _counting(word: int | None, clauses: list, first: int) -> int:
    """The mention whose own clause (``_own_clauses``) holds the word a figure is tied to, the innermost
    one, else ``first``."""
    if word is None:
        return first
    held = [(c.right_edge.i - c.left_edge.i, i) for i, c in enumerate(clauses)
            if c is not None and (word == c.i or c.is_ancestor(c.doc[word]))]
    return min(held)[1] if held else first
