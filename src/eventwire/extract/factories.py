"""Every extract component registered in one place, and the two pipelines built from them.

Each factory says what its component ``requires`` and ``assigns`` (the
attributes of ``extract.extensions``), so ``nlp.analyze_pipes()`` checks the
order of a pipeline (tests/extract/test_factories.py asserts it reports no
problem).  Data and helpers are built here, once per pipeline, and injected
into the components' keyword-only constructors; helpers two components share
(the type classifier, the actor finder, the claim extractor) are one object.

* The *reader* (``build_reader``) reads a whole article without parsing it:
  a blank English pipeline whose one "token" is the article text.
* The *parser* (``build_parser``) is spaCy's small English model (with our
  attribute rules) followed by the sentence components.  The article context
  each piece carries (``doc._.article``, ``doc._.offset``) is set by
  ``to_mentions.Extractor`` before parsing, so it is not a requirement a
  component could assign.
"""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.extract import extensions  # noqa: F401  (registers the Doc._ and Span._ attributes)
from eventwire.extract.components.actors import Actors
from eventwire.extract.components.claims import Claims
from eventwire.extract.components.deeds import Deeds
from eventwire.extract.components.event_types import EventTypes
from eventwire.extract.components.landmarks import Landmarks
from eventwire.extract.components.places import ArticlePlaces, EventPlaces, Toponyms, capitals, group_short_names
from eventwire.extract.components.sentences import SentencePlanner
from eventwire.extract.components.times import Dates
from eventwire.extract.components.truecase import CaseRestorer, proper_names

READER = ("eventwire_toponyms", "eventwire_truecase", "eventwire_sentences", "eventwire_places")
PARSER = ("eventwire_claims", "eventwire_event_types", "eventwire_times", "eventwire_landmarks",
          "eventwire_event_places", "eventwire_actors", "eventwire_deeds")
# the reader never parses: a whole article (a hostile one may hold megabytes) is one token
READER_MAX_LENGTH = 10**9


# ------------------------------------------------------------------ shared helpers
@cache
def build_place_finder():
    from eventwire.extract.gazetteer import load
    from eventwire.extract.places import PlaceFinder

    return PlaceFinder(load())


@cache
def _claims():
    from eventwire.extract.claims import ClaimExtractor

    return ClaimExtractor()


@cache
def _types(nlp: Language):
    from eventwire.extract.types import EventTypeClassifier

    return EventTypeClassifier(nlp)


@cache
def _actors(nlp: Language):
    from eventwire.extract.actors import ActorFinder

    return ActorFinder(nlp)


# ------------------------------------------------------------------ reader
@Language.factory("eventwire_toponyms", assigns=["doc._.toponyms"])
def make_toponyms(nlp: Language, name: str) -> Toponyms:
    return Toponyms(nlp, name, finder=build_place_finder())


@Language.factory("eventwire_truecase", requires=["doc._.toponyms"], assigns=["doc._.parse_text"])
def make_truecase(nlp: Language, name: str) -> CaseRestorer:
    return CaseRestorer(nlp, name, names=proper_names())


@Language.factory("eventwire_sentences", requires=["doc._.parse_text"], assigns=["doc._.paragraphs", "doc._.plan"])
def make_sentences(nlp: Language, name: str) -> SentencePlanner:
    from eventwire.extract.prefilter import SentenceFilter

    return SentencePlanner(nlp, name, sentence_filter=SentenceFilter())


@Language.factory("eventwire_places", requires=["doc._.toponyms", "doc._.paragraphs", "doc._.parse_text"],
                  assigns=["doc._.places"])
def make_places(nlp: Language, name: str) -> ArticlePlaces:
    return ArticlePlaces(nlp, name, finder=build_place_finder(), group_names=group_short_names(), capitals=capitals())


# ------------------------------------------------------------------ parser
@Language.factory("eventwire_claims", requires=["doc.sents", "token.dep", "token.lemma"],
                  assigns=["span._.claimant", "span._.claims", "span._.claim_words"])
def make_claims(nlp: Language, name: str) -> Claims:
    return Claims(nlp, name, extractor=_claims())


@Language.factory("eventwire_event_types", requires=["doc.sents", "token.dep", "token.lemma", "token.tag"],
                  assigns=["span._.type_hits"])
def make_event_types(nlp: Language, name: str) -> EventTypes:
    return EventTypes(nlp, name, classifier=_types(nlp))


@Language.factory("eventwire_times", requires=["span._.type_hits", "token.dep"],
                  assigns=["span._.dates", "span._.hit_dates"])
def make_times(nlp: Language, name: str) -> Dates:
    from eventwire.data import load_json
    from eventwire.extract.times import TimeResolver

    referring = set(load_json("lexicons", "time_expressions.json")["referring_verbs"]["lemmas"])
    return Dates(nlp, name, times=TimeResolver(), types=_types(nlp), referring=referring)


@Language.factory("eventwire_landmarks", requires=["span._.type_hits", "span._.hit_dates"], assigns=["span._.landmarks"])
def make_landmarks(nlp: Language, name: str) -> Landmarks:
    from eventwire.extract.background import BackgroundReader
    from eventwire.extract.landmarks import LandmarkReader

    speech = _claims().speech
    return Landmarks(nlp, name, reader=LandmarkReader(speech), background=BackgroundReader(speech))


@Language.factory("eventwire_event_places", requires=["span._.type_hits"], assigns=["span._.hit_places"])
def make_event_places(nlp: Language, name: str) -> EventPlaces:
    return EventPlaces(nlp, name, types=_types(nlp), actors=_actors(nlp), speech_lemmas=_claims().speech,
                       finder=build_place_finder())


@Language.factory("eventwire_actors", requires=["span._.type_hits"], assigns=["span._.actors"])
def make_actors(nlp: Language, name: str) -> Actors:
    return Actors(nlp, name, finder=_actors(nlp), claims=_claims())


@Language.factory("eventwire_deeds", requires=["span._.type_hits", "span._.hit_dates", "span._.hit_places",
                                               "span._.actors", "span._.claims"], assigns=["span._.deeds"])
def make_deeds(nlp: Language, name: str) -> Deeds:
    from eventwire.extract.deeds import DeedJudge

    return Deeds(nlp, name, judge=DeedJudge(_types(nlp).trigger_lemmas))


# ------------------------------------------------------------------ pipelines
class WholeText:
    """The reader's tokenizer: the article is one token, so nothing is spent tokenizing it.

    Each article gets a fresh, empty vocabulary (0.07 ms): a shared one would keep every
    article's whole text in its string store for the life of the process.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(Vocab(), words=[text] if text else [], spaces=[False] if text else [])


def build_reader() -> Language:
    reader = spacy.blank("en")
    reader.tokenizer = WholeText(reader.vocab)
    reader.max_length = READER_MAX_LENGTH
    for name in READER:
        reader.add_pipe(name)
    return reader


def build_parser() -> Language:
    from eventwire.extract.nlp import fresh_model

    nlp = fresh_model()
    # the shared helpers lemmatise their phrase patterns with the model alone: build them first
    _types(nlp), _actors(nlp)
    for name in PARSER:
        nlp.add_pipe(name)
    return nlp


def build_extractor():
    from eventwire.extract.to_mentions import Extractor

    return Extractor(build_reader(), build_parser())
