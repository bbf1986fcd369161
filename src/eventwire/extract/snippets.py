"""One ACLED type per short snippet, for `eventwire classify`.

A snippet has no document around it: every sentence is classified, and the
most salient hit decides (``EventTypeClassifier.best_of``: the most specific
sub-type, then the earliest sentence, then the main clause).  A protest is
re-typed by its outcome anywhere in the snippet ("...  Police fired tear gas").
A snippet with no event is not a conflict event (None).  An opening wire dateline is blanked and a
Title Case headline put in sentence case before the parse, as extraction does
(``datelines.blank_opening``, ``truecase.restore_title_case``).  A deed of a sentence dated only by a
year or by an earlier stretch ("last week") beside a deed dated closer is background.

The rules' answer then goes to the trained snippet model (``type_model``),
which may reject it, replace its sub-type, or type a snippet the rules found
nothing in, each only above a threshold set on labelled snippets.
"""
from __future__ import annotations

from functools import cache

from eventwire import datelines
from eventwire.data import load_json
from eventwire.extract.background import BackgroundReader
from eventwire.extract.claims import ClaimExtractor
from eventwire.extract.components.truecase import proper_names
from eventwire.extract.factories import build_place_finder
from eventwire.extract.nlp import load_nlp
from eventwire.extract.number_kinds import YEAR
from eventwire.extract.truecase import has_title_case, restore_title_case
from eventwire.extract.type_model import TypeModel, load_type_model, snippet_features
from eventwire.extract.types import EventTypeClassifier, TypeHit


class SnippetClassifier:
    """``use_model=False`` gives the rules alone (how the model's training data is made);
    ``model`` replaces the shipped model (a model written for a test)."""

    def __init__(self, nlp=None, *, use_model: bool = True, model: TypeModel | None = None) -> None:
        self.nlp = nlp or load_nlp()
        self.types = EventTypeClassifier(self.nlp)
        self.background = BackgroundReader(ClaimExtractor().speech)  # the speech verbs, as extraction's
        self.names = proper_names()  # the names a Title Case headline keeps, as extraction's
        self.places = cache(build_place_finder)  # ...and its places: the gazetteer is loaded when first needed
        chosen = (model or load_type_model()) if use_model else None
        self.model: TypeModel | None = chosen if chosen is not None and chosen.thresholds.active else None

    def hit(self, text: str) -> TypeHit | None:
        """The hit that decides this snippet by the rules, with its trigger and reason."""
        return self._read(text, features=False)[0]

    def rule_view(self, text: str) -> tuple[str | None, frozenset[str]]:
        """The rules' sub-type (None: no event) and the model's features of this snippet."""
        best, features = self._read(text)
        return (best.sub_event_type if best else None), features

    def _read(self, text: str, features: bool = True) -> tuple[TypeHit | None, frozenset[str]]:
        # "ALEPPO, Syria (AP) - Airstrikes pounded ...": a dateline is blanked before the parse, as extraction does
        text = datelines.blank_opening(text[:100_000])
        if has_title_case(text):  # a Title Case headline, put in sentence case; its places keep their capitals
            text = restore_title_case(text, [(p.start, p.end) for p in self.places().find(text)], self.names)
        doc = self.nlp(text)
        per_sentence = [(sent, self.types.classify(sent)) for sent in doc.sents]
        # "... The rebels had seized the town last year": an earlier deed recalled is not the snippet's news
        recalled = {h.trigger.i for sent, hs in per_sentence for h in hs if self.background.cue(h.trigger, sent)}
        # "fighters seized parts of the city after a wave of suicide bombings": the deed the sentence's clause
        # tells is its news; the one in its 'after' phrase led up to it
        recalled |= {h.trigger.i for _s, hs in per_sentence for h in hs if self._led_up(h.trigger)}
        # "... Bomb disposal experts later found a second device": a further device is the attack's aftermath
        recalled |= {h.trigger.i for _s, hs in per_sentence for h in hs
                     if h.sub_event_type == "Disrupted weapons use" and self.types.further_device(h.trigger)}
        # "The town was captured in 2015. On Sunday, warplanes bombed a market there": a deed dated by a year
        # alone, beside a deed of another sentence dated closer, is the background of that news
        # ("Last week, rebels shot down a helicopter" beside "on Monday, warplanes struck" likewise)
        dated_before = [_year_only(sent) or self.background.dated_earlier(sent) and not _closer(sent)
                        for sent, _hs in per_sentence]
        if any(hs and not before for (_s, hs), before in zip(per_sentence, dated_before)):
            recalled |= {h.trigger.i for (_s, hs), before in zip(per_sentence, dated_before) if before for h in hs}
        best = self.types.best_of(per_sentence, recalled)
        if not features:  # the rules alone decide: the model's features would go unread
            return best, frozenset()
        subs = {h.sub_event_type for _s, hs in per_sentence for h in hs}
        return best, snippet_features(doc, best.sub_event_type if best else None, subs)

    def _led_up(self, trigger) -> bool:
        """The trigger sits in an 'after'/'following' phrase of a verb, that verb's deed coming after it."""
        tok = trigger
        while tok.dep_ in ("pobj", "compound", "conj", "prep") and tok.pos_ != "VERB" and tok.head.i != tok.i:
            tok = tok.head  # "after a wave of suicide bombings": through the nouns and their 'of'
            if tok.dep_ == "prep" and tok.lower_ in self.background.sequence:
                return tok.head.pos_ == "VERB"
        return False

    def decide(self, text: str) -> tuple[tuple[str, str] | None, str]:
        """(event type, sub-type) or None, and why: the rules' answer after the model's say."""
        best, features = self._read(text, features=self.model is not None)
        rule = (best.event_type, best.sub_event_type) if best else None
        if self.model is None:
            return rule, best.reason if best else "rules: no event"
        sub, why = self.model.decide(rule[1] if rule else None, features)
        if sub is None:
            return None, why
        if rule and sub == rule[1]:
            return rule, best.reason if best else why
        return (self.model.event_types[sub], sub), why

    def classify(self, text: str) -> tuple[str, str] | None:
        return self.decide(text)[0]


def _closer_date_words() -> frozenset[str]:
    """Words that date a sentence to a day, a night or a month (the time lexicon's weekdays, months,
    one-word day offsets, nights and parts of the day): a sentence with one is not dated by a year alone."""
    times = load_json("lexicons", "time_expressions.json")
    days = [w for group in ("day_offsets", "nights") for w in times[group] if not w.startswith("_")]
    return frozenset(times["weekdays"]) | frozenset(times["months"]) | frozenset(times["parts_of_day"]) \
        | {w for w in days if " " not in w}


_CLOSER_DATES = _closer_date_words()


def _closer(sent) -> bool:
    """The sentence names a day, a night, a month or a recent time word."""
    return any(t.lower_ in _CLOSER_DATES for t in sent)


def _year_only(sent) -> bool:
    """'... captured by the rebels in 2015': the sentence's only date is a bare year ('in 2015'), no
    day, month, weekday or recent time word."""
    years = [t for t in sent if YEAR.fullmatch(t.text) and t.dep_ == "pobj" and t.head.lower_ == "in"]
    return bool(years) and not _closer(sent)
