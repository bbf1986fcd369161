"""Document → event mentions: the extract stage's one entry point.

Built once with its parts injected (nlp, place finder, time resolver); called
per document.  Per sentence: type triggers decide whether it reports an
event; the place tied to the trigger, the date expression in the sentence
(else the publication date), the actors and the claims fill the mention.
Claims in a sentence without a trigger ("He said one person was injured")
belong to the document's most recent mention.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Span

from eventwire import datelines
from eventwire.clean.blocks import unwrap
from eventwire.config import LIMITS
from eventwire.data import load_json
from eventwire.extract.actors import ActorFinder
from eventwire.extract.claims import ClaimExtractor, SpeakerMemory
from eventwire.extract.concreteness import Anchors
from eventwire.extract.genre import GenreClassifier
from eventwire.extract.landmarks import LandmarkReader
from eventwire.extract.place_roles import PlaceRoles
from eventwire.extract.prefilter import SentenceFilter, split_sentences
from eventwire.extract.totals import TOTAL, TotalsDetector
from eventwire.extract.truecase import mostly_upper, truecase
from eventwire.extract.types import TIME_NOUNS, EventTypeClassifier, TypeHit
from eventwire.extract.vocab import words
from eventwire.model import DateSpan, Document, Evidence, Mention, Place

EVENT_PRECISIONS = ("point", "town", "district", "region")
PLACE_PREPS = words("place_words", "event_place_prepositions")
# how far back (characters) a sentence without a place may borrow the last place named
CONTEXT_PLACE_WINDOW = 1500
# a place named right after these is a name of something else ("the Telegram channel Baza")
MEDIA_NOUNS = words("place_words", "media_nouns")
# capitalised words that may stand before a one-word place name without making it part of another name
NAME_PREFIX_OK = words("place_words", "name_prefix_ok")
ACCUSING_LEMMAS = words("event_words", "accusing_lemmas")
# a place that modifies these, or speaks, stands for its government: "Moscow officials", "Kyiv said"
INSTITUTION_NOUNS = words("place_words", "institution_nouns")
_PARA_SPLIT = re.compile(r"\n+")
CALENDAR_NAMES = ("January", "February", "March", "April", "June", "July", "August", "September", "October",
                  "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_CAPITAL = re.compile(r"\b(?:the|The) (\w+) capital\b")


def paragraphs(text: str, max_chars: int = LIMITS.max_paragraph_chars) -> list[tuple[int, str]]:
    """(offset, paragraph) pairs; sentences never cross a line break.

    Hostile-input guard (config.Limits.max_paragraph_chars): a paragraph longer
    than ``max_chars`` — a 2 MB run-on "sentence" — is cut at the last space
    before the limit (hard cut if there is none), so spaCy never sees more than
    nlp.max_length and its parser's memory (~1 GB per 100k chars) stays bounded.
    News paragraphs are far below the limit, so real text is unaffected.
    """
    out, pos = [], 0
    for part in _PARA_SPLIT.split(text):
        start = text.find(part, pos)
        pos = start + len(part)
        while len(part) > max_chars:  # bounded: every pass removes at least max_chars // 2 characters
            cut = part.rfind(" ", max_chars // 2, max_chars)
            cut = cut + 1 if cut > 0 else max_chars
            if part[:cut].strip():
                out.append((start, part[:cut]))
            start, part = start + cut, part[cut:]
        if part.strip():
            out.append((start, part))
    return out


class Extractor:
    def __init__(self, nlp: Language, places, times) -> None:
        self.nlp = nlp
        self.places = places
        self.times = times
        self.types = EventTypeClassifier(nlp)
        self.actors = ActorFinder(nlp)
        self.claims = ClaimExtractor()
        self.prefilter = SentenceFilter()
        self.landmarks = LandmarkReader(self.claims.speech)
        self.genre = GenreClassifier()
        self.place_roles = PlaceRoles()
        self.totals = TotalsDetector()
        self.referring = set(load_json("lexicons", "time_expressions.json")["referring_verbs"]["lemmas"])
        self.weapon_words = {w.lower() for i in self.types.instruments for w in i["lemmas"]}
        dem = load_json("actors", "demonyms.json")["countries"]
        self.capitals = {a: c["capital"] for c in dem.values() for a in c["adjectives"] if c.get("capital")}
        # names whose capitals are restored in all-caps copy: catalogue names, demonyms, months, weekdays
        catalogue = load_json("actors", "actors.json")["actors"]
        aliases = [x for a in catalogue for x in a["aliases"] + [a["name"]]]
        # a group's short name that is also a town ("Wagner", "Azov"): its longer names in the text say which
        self._group_names: dict[str, list[str]] = {}
        for a in catalogue:
            names = [x.lower() for x in a["aliases"] + [a["name"]]]
            for x in names:
                self._group_names.setdefault(x, []).extend(n for n in names if n != x and x in n)
        self.proper_names = sorted(
            {x for x in aliases if x[:1].isupper() and len(x) > 3}
            | {w for c in dem.values() for w in c["adjectives"] + c["names"]}
            | set(CALENDAR_NAMES),
            key=len,
        )

    def _not_group_names(self, places: list[Place], text: str) -> list[Place]:
        """Drop a place whose name is a catalogued group's short name when the text also calls the
        group by a longer one: "military muscle from Wagner" beside "the Wagner Group" is no town."""
        low = text.lower()
        return [p for p in places
                if not any(longer in low for longer in self._group_names.get((p.surface or p.name).lower(), ()))]

    def _capital_places(self, text: str) -> list[Place]:
        """'the Russian capital' names Moscow: a toponym the gazetteer cannot see."""
        out = []
        for m in _CAPITAL.finditer(text):
            city = self.capitals.get(m.group(1))
            if not city:
                continue
            hit = next(iter(self.places.find(city)), None)
            if hit is not None:
                out.append(replace(hit, start=m.start(), end=m.end(), surface=m.group(0),
                                   reason=f"'{m.group(0)}' is {city}"))
        return out

    # ----------------------------------------------------------------- places
    def _usable(self, sent: Span, offset: int, p: Place) -> bool:
        """False for toponyms that name something else here: weapons, media, a government speaking."""
        if p.surface.lower() in self.weapon_words:
            return False
        toks = [t for t in sent if p.start <= offset + t.idx < p.end]
        if not toks:
            return True
        first, last = toks[0], toks[-1]
        if any(span.start <= first.i < span.end for span, *_ in self.actors.spans(sent)):
            return False  # "the Wagner Group": a name, not the town of Wagner
        before_tok = sent.doc[first.i - 1] if first.i > sent.start else None
        if len(toks) == 1 and before_tok is not None and before_tok.text[:1].isupper() and before_tok.is_alpha \
                and before_tok.lower_ not in NAME_PREFIX_OK and before_tok.ent_type_ not in ("GPE", "LOC"):
            return False  # "Le Pen", "Dick Lugar": the tail of a longer name
        if first.i == sent.start and first.text.isupper() and len(first.text) > 2:
            return False  # a dateline ("KURSK, 14 March —") says where the report was filed
        if last.i + 1 < sent.end and sent.doc[last.i + 1].lower_ in ("time", "timezone"):
            return False  # "01:35 Moscow time"
        before = [t.lower_ for t in sent.doc[max(sent.start, first.i - 2) : first.i]]
        if any(b in MEDIA_NOUNS for b in before):
            return False
        if last.dep_ in ("compound", "poss", "amod") and last.head.lower_ in INSTITUTION_NOUNS:
            return False
        if last.dep_ in ("nsubj",) and last.head.lemma_.lower() in self.claims.speech:
            return False
        if last.dep_ == "poss" and last.head.lemma_.lower() in self.types.trigger_lemmas:
            return False  # "Moscow's bombardment": who bombards, not where
        if last.dep_ == "dobj" and last.head.lemma_.lower() in ACCUSING_LEMMAS:
            return False  # "Moscow accused Kyiv of ...": the accused government, not a place
        return self.place_roles.not_location(first, last) is None

    def _place_for(self, sent: Span, offset: int, hit: TypeHit, found: list[Place],
                   others: tuple = ()) -> tuple[Place | None, str]:
        """The place tied to this trigger; a place under another event word of the sentence is that one's."""
        s0, s1 = offset + sent.start_char, offset + sent.end_char
        inside = [p for p in found if s0 <= p.start < s1 and p.lat is not None and p.feature != "demonym"
                  and self._usable(sent, offset, p)]
        if not inside:
            return None, ""
        trig_pos = offset + hit.trigger.idx

        def tie(p: Place) -> tuple[int, int, int]:
            toks = [t for t in sent if offset + t.idx >= p.start and offset + t.idx < p.end]
            tied = 1
            if toks:
                tok = toks[-1]
                chain = [tok, *tok.ancestors]
                upto = chain.index(hit.trigger) if hit.trigger in chain else len(chain)
                if any(o in chain[:upto] for o in others):
                    tied = 2  # "fighting around Kozinka" places the fighting, not the shelling
                elif hit.trigger in chain:
                    tied = 0
                elif any(t.dep_ == "prep" and t.lower_ in PLACE_PREPS for t in chain[:4]):
                    tied = 0 if hit.trigger.is_ancestor(tok) or hit.trigger.head.is_ancestor(tok) else 1
            rank = EVENT_PRECISIONS.index(p.precision) if p.precision in EVENT_PRECISIONS else 9
            return tied, rank, abs(p.start - trig_pos)

        best = min(inside, key=tie)
        if tie(best)[0] == 2:
            return None, ""
        return best, f"'{best.surface or best.name}' in the sentence"

    @staticmethod
    def _context_place(pos: int, found: list[Place], earlier: list[Mention]) -> tuple[Place | None, str]:
        """The place of the article's previous event mention, else the last place named shortly before."""
        for m in reversed(earlier):
            if m.place is not None and m.place.precision in EVENT_PRECISIONS:
                return m.place, f"'{m.place.name}' of the article's previous event"
        before = [p for p in found if p.start < pos and pos - p.start < CONTEXT_PLACE_WINDOW
                  and p.precision in EVENT_PRECISIONS and p.lat is not None and p.feature != "demonym"]
        if before:
            return before[-1], f"'{before[-1].surface or before[-1].name}' named earlier in the article"
        return None, ""

    # ------------------------------------------------------------------ dates
    @staticmethod
    def _date_owners(sent: Span, hits: list[TypeHit], dates: list[DateSpan]) -> list[TypeHit | None]:
        """For each date expression, the hit whose trigger (or its governing word) is its nearest ancestor."""
        if len(hits) < 2:
            return [None] * len(dates)
        anchors: dict[int, TypeHit] = {}
        for h in hits:
            anchors.setdefault(h.trigger.i, h)
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

    def _named_as_topic(self, hit: TypeHit) -> bool:
        """'The investigation of the murder', 'the trial for the bombing': the deed is what a
        non-event noun is about, a reference to it rather than its narration."""
        t = hit.trigger
        return t.dep_ == "pobj" and self.types.is_topic_noun(t.head.head)

    def _dates_telling(self, sent: Span, d: DateSpan, hit: TypeHit) -> bool:
        """True when the date dates something said or done about the deed, not the deed itself.

        * 'Referred today to the murder': the date's verb is a referring verb
          (``referring_verbs`` in time_expressions.json) that governs the trigger.
        * 'Captured 22 August for his involvement in the murder', 'the bodies of
          victims of the massacre were found on Monday': the deed is the topic of
          a noun that is no event word, below the verb the date is on.
        A date inside the trigger's own phrase ('Monday's attack') always dates it.
        """
        tok = next((t for t in sent if t.idx - sent.start_char >= d.span[0]), None)
        if tok is None or hit.trigger.is_ancestor(tok):
            return False
        verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
        if verb is None or verb.i == hit.trigger.i or not verb.is_ancestor(hit.trigger):
            return False
        if verb.lemma_.lower() in self.referring:
            return True
        node = hit.trigger.head
        while node.i != verb.i:
            if node.lemma_.lower() in TIME_NOUNS:
                return False  # "issued on 18 August, the same day the senator was assassinated"
            if self.types.is_topic_noun(node):
                return True
            node = node.head
        return False

    @staticmethod
    def _date_for(own: list[DateSpan], previous: DateSpan | None, doc: Document, pub,
                  text: str = "") -> DateSpan | None:
        """The sentence's own date, else the paragraph's last explicit date, else publication.

        A sentence that names an older year ("the 2017 air strikes", "in 1795") is not
        dated by publication: it is history, told in passing.
        """
        if own:
            return own[0]
        if previous is not None:
            return replace(previous, reason=f"{previous.reason} (previous sentence)")
        if pub is not None and any(int(y) < pub.year - 1 for y in _YEAR.findall(text)):
            return None
        if pub is not None:
            return DateSpan(pub, pub, "day", "", f"publication date ({doc.published.source}); no date in sentence")
        return None

    # ------------------------------------------------------------------ public
    def extract(self, doc: Document, story: str | None = None) -> list[Mention]:
        if doc.language != "en":
            return []
        # wire copy's wrapped lines are fragments of sentences: parse them joined (same offsets)
        text, upper_places = unwrap(doc.text), None
        if mostly_upper(doc.text):
            upper_places = self.places.find(doc.text)
            text = truecase(text, [(p.start, p.end) for p in upper_places], self.proper_names)
        raw_paras = paragraphs(text)
        items = self._plan(raw_paras)
        # the parser reads "BELGOROD — Russia's ministry said" as if the city spoke: blank the dateline
        # (same length, so offsets hold; the stored text and evidence keep it)
        to_parse = [datelines.blank_opening(t) if at_start else t for kind, _pi, _off, t, at_start in items if kind == "parse"]
        # without NER, half the parse: places and actors do without it (ActorFinder runs it on demand)
        parsed = iter(list(self.nlp.pipe(to_parse, batch_size=64, disable=["ner"])))
        docs = [(item, next(parsed) if item[0] == "parse" else None) for item in items]
        places = upper_places if upper_places is not None else self.places.find(text)
        filed = [(off, off + m.end()) for off, p in raw_paras if (m := datelines.OPENING.match(p))]
        places = [p for p in places if not any(a <= p.start < b for a, b in filed)]
        places = self._not_group_names(places, text)
        found = sorted(places + self._capital_places(text), key=lambda p: p.start)
        memory = SpeakerMemory()
        # on a commentary page a deed must be concrete in its own sentence to be reported (genre.py)
        genre = self.genre.classify(doc.title, doc.url, doc.text)
        mentions: list[Mention] = []
        pub = doc.published.date if doc.published.conflict is None or doc.published.source == "story" else None
        para_date: list[DateSpan | None] = [None]
        current = -1
        for (kind, pi, off, t, at_start), pdoc in docs:
            if pi != current:
                current, para_date = pi, [None]
            if pdoc is None:
                # not parsed, but its dates still date the sentences after it ("On May 24, ... It ...")
                dates = self.times.find(t, pub)
                dl = datelines.OPENING.match(t) if at_start else None
                dates = [d for d in dates if not dl or d.span[0] >= dl.end()]
                if dates:
                    para_date[0] = dates[0]
                continue
            for sent in pdoc.sents:
                mentions.extend(self._sentence(sent, off, doc, story, found, memory, mentions, para_date,
                                               genre.reason if genre.commentary else ""))
        return mentions

    def _plan(self, paras: list[tuple[int, str]]) -> list[tuple[str, int, int, str, bool]]:
        """(parse|skip, paragraph index, offset, text, starts its paragraph) in document order.

        Consecutive wanted sentences are parsed together, so a sentence keeps
        the one before it as context when both matter.
        """
        items: list[tuple[str, int, int, str, bool]] = []
        for pi, (off, p) in enumerate(paras):
            run: tuple[int, int] | None = None
            for a, b in split_sentences(p):
                if self.prefilter.wanted(p[a:b]):
                    run = (run[0], b) if run else (a, b)
                    continue
                if run:
                    items.append(("parse", pi, off + run[0], p[run[0]:run[1]], run[0] == 0))
                    run = None
                items.append(("skip", pi, off + a, p[a:b], a == 0))
            if run:
                items.append(("parse", pi, off + run[0], p[run[0]:run[1]], run[0] == 0))
        return items

    def _sentence(self, sent, off, doc, story, found, memory, earlier, para_date, commentary: str = "") -> list[Mention]:
        claimant, why = self.claims.claimant(sent, memory)
        start, end = off + sent.start_char, off + sent.end_char
        original = doc.text[start:end]  # evidence quotes the stored text, even when parsing a case-restored copy
        claims = [
            replace(c, evidence=replace(c.evidence, sentence=original))
            for c in self.claims.extract(sent, doc.id, start, claimant or doc.outlet,
                                         why if claimant else "the outlet's own report")
        ]
        claims = self.totals.mark(claims, sent.text, {t.lemma_.lower() for t in sent})
        # a question asks, it does not report ("how many mothers took to the streets?")
        hits = [] if sent.text.rstrip(" \"'”’").endswith("?") else self.types.classify(sent)
        pub = doc.published.date if doc.published.conflict is None or doc.published.source == "story" else None
        own_dates = self.times.find(sent.text, pub)
        if any(c.property == TOTAL for c in claims) \
                and not any(c.property in ("fatalities", "injuries") for c in claims):
            hits = []  # "police have identified 1,084 civilians killed": a count of many deeds, not one (totals.py)
        dateline = datelines.OPENING.match(sent.text)
        if dateline:
            own_dates = [d for d in own_dates if d.span[0] >= dateline.end()]
        previous_date = para_date[0]
        if own_dates:
            para_date[0] = own_dates[0]
        if not hits:
            if claims and earlier:
                # control claims belong to the fighting; casualty figures to the latest event told
                # (a landmark only dates another happening: its figures are not about it)
                told = [i for i, m in enumerate(earlier) if not m.landmark] or [len(earlier) - 1]
                battles = [i for i in told if earlier[i].event_type == "Battles"]
                for claim in claims:
                    i = battles[-1] if claim.property == "control" and battles else told[-1]
                    earlier[i] = replace(earlier[i], claims=earlier[i].claims + (claim,))
            return []
        ev = Evidence(doc.id, original, start, end)
        speech = self.claims.speech_heads(sent)
        out: list[Mention] = []
        owner = self._date_owners(sent, hits, own_dates)
        landmarks = [self.landmarks.reason(hit.trigger, hit.trigger_text) for hit in hits]
        # the sentence's claims go with its first reported event, not with a landmark dating it
        claimer = next((n for n, why in enumerate(landmarks) if why is None), 0)
        for n, hit in enumerate(hits):
            # a date expression dates the trigger whose clause holds it; else the nearest free one
            mine = [d for d, o in zip(own_dates, owner) if o is hit]
            telling = [d for d, o in zip(own_dates, owner) if o is None and self._dates_telling(sent, d, hit)]
            free = [d for d, o in zip(own_dates, owner) if o is None and d not in telling]
            near = mine or sorted(free, key=lambda d: abs(d.span[0] - (hit.trigger.idx - sent.start_char)))
            # "the investigation of the murder": a deed named as a topic is not dated by the sentence before
            inherited = None if self._named_as_topic(hit) else previous_date
            date = self._date_for(near, inherited, doc, pub, sent.text)
            if telling and not near and date is not None:
                date = replace(date, reason=f"{date.reason}; '{telling[0].text}' dates what was said or done "
                                            "about the deed, not the deed")
            # other event words: not this trigger, its phrase ("drones struck") or the words governing it
            own = {hit.trigger.i, *(a.i for a in hit.trigger.ancestors)}
            phrase_end = hit.trigger.idx + len(hit.trigger_text)
            others = tuple(t for t in self.types.candidate_tokens(sent, other_than=hit.event_type)
                           if t.i not in own and not hit.trigger.idx <= t.idx < phrase_end)
            place, preason = self._place_for(sent, off, hit, found, others)
            if place is None or place.precision not in EVENT_PRECISIONS:
                ctx, creason = self._context_place(start, found, earlier + out)
                if ctx is not None and (place is None or place.precision == "country"):
                    place, preason = ctx, creason
            actors = self.actors.find(sent, hit.trigger, speech)
            anchors = Anchors.of(bool(near), preason, actors, claims)
            if commentary and not anchors.concrete:
                continue  # commentary names deeds in passing: only a concrete one is reported (concreteness.py)
            out.append(
                Mention(
                    document=doc.id,
                    evidence=ev,
                    event_type=hit.event_type,
                    sub_event_type=hit.sub_event_type,
                    trigger=hit.trigger_text,
                    date=date,
                    place=place,
                    actors=actors,
                    claims=tuple(claims) if n == claimer else (),
                    story=story,
                    reason=f"{hit.reason}; place: {preason or 'none'}; date: {date.reason if date else 'none'}"
                           + (f"; {landmarks[n]}" if landmarks[n] else "")
                           + (f"; commentary page ({commentary}), concrete in its sentence" if commentary else ""),
                    landmark=landmarks[n] is not None,
                    weapon=hit.weapon,
                )
            )
        return out
