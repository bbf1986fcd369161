"""Is an event word news, or an earlier deed recalled in passing?

News tells its news in the simple past or the present perfect and recalls
what came before with a few plain devices of English grammar:

* the past perfect: "Russian forces had shelled the village before the
  ceasefire" (but "the governor said troops had shelled the town" is only
  reported speech shifted back a tense: a sentence that reports speech is
  left alone);
* a "since" adjunct: "the town has been a target since the attack";
* a concession: "confident despite setbacks including troops being driven back from Kyiv";
* a verb of pure sequence: "the strike came a week after a missile hit the
  mall", "the raid followed an attack on the depot";
* words that place the deed before the news: "previously occupied", "the
  previous attack", "the 2014 massacre" (a deed named by its year), "the riots that broke out
  last week", and the deeds told in that clause's adjuncts ("previously
  occupied ... before being retaken");
* what is found of it: a deed told of the dead's remains ("mass graves with
  murdered villagers were found", "the bodies of ten miners who were
  killed", "most bodies the doctors examined had been shot") was done before
  the news, which is the finding.

Such a deed keeps its own date when its sentence gives it one ("the previous
attack took place on July 24th"): it is then an event of that day.  Without
one it would take the article's date, the worst possible guess; it is only a
reference to the event it names (``components.landmarks`` marks it, fusion
links it and never starts an event from it).  The cue words are data
(``background`` in time_expressions.json).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.data import load_json
from eventwire.extract.number_kinds import YEAR
from eventwire.extract.types_base import AFTER_PREPOSITIONS, aux_host, clause_verb, phrase_noun
from eventwire.extract.vocab import words

RELATIVE_PRONOUNS = words("function_words", "relative_pronouns")

PERFECT_AUX = "had"
# links from a deed up to the clause it is an adjunct of ("before being retaken", "after it was shelled")
ADJUNCT_LINKS = ("pcomp", "prep", "advcl", "pobj")


_ANSWERS = load_json("lexicons", "time_expressions.json")["background"]
ANSWER_NOUNS: dict[str, str] = _ANSWERS["answer_nouns"]  # the noun and the preposition its object takes
ANSWER_VERBS = frozenset(_ANSWERS["answer_verbs"])


def answered(trigger: Token) -> Token | None:
    """The word of answering whose object holds the deed ("in response to [the killing of a commander]",
    "in retaliation for [the bombing]", "to avenge [the massacre]"): another deed, done before the one
    that answers it and told as known; None when the deed is no such object."""
    tok = trigger
    while tok.dep_ in ("compound", "conj", "appos") and tok.head.i != tok.i:
        tok = tok.head  # "the bombing and shelling": each is answered
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ANSWER_VERBS:
        return tok.head
    prep = tok.head if tok.dep_ == "pobj" else None
    noun = prep.head if prep is not None and prep.dep_ == "prep" else None
    if noun is not None and ANSWER_NOUNS.get(noun.lower_) == prep.lower_:
        return noun
    return None


PATTERN_SPANS = tuple(_ANSWERS["pattern_spans"])
PERIOD_UNITS, PERIOD_FRAMES = frozenset(_ANSWERS["period_units"]), frozenset(_ANSWERS["period_frames"])


def period_after(trigger: Token) -> str | None:
    """Why a deed is only the start of a stretch of time ("arrested in the weeks after the attack", "in the
    days following the massacre"): the landmark the period is measured from, told elsewhere; None otherwise."""
    trigger = phrase_noun(trigger)
    prep = trigger.head if trigger.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in AFTER_PREPOSITIONS or prep.i < prep.sent.start + 3:
        return None
    frame, the, unit = prep.doc[prep.i - 3: prep.i]  # read as words: the parse hangs 'after' on either noun or verb
    if frame.lower_ not in PERIOD_FRAMES or the.lower_ != "the" or unit.lower_ not in PERIOD_UNITS:
        return None
    return f"'{frame.text} the {unit.text} {prep.text} … {trigger.text}': the start of a stretch of time"


def pattern_over_span(trigger: Token) -> str | None:
    """Why a deed told in the present perfect over a stretch running to now ("have killed thousands ... in
    recent years", "have taken control of 4,000 square km this year") sums many deeds: a reference, not
    news; None otherwise ("have captured the town": news in the perfect, as "had" is a pluperfect's)."""
    verb = clause_verb(trigger)
    while verb is not None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "have killed thousands and kidnapped many more": the coordination's perfect
    if verb is None or not any(c.dep_ == "aux" and c.lower_ in ("have", "has", "'ve") for c in verb.children):
        return None
    said = " " + " ".join(t.lower_ for t in verb.subtree) + " "
    span = next((p for p in PATTERN_SPANS if f" {p} " in said), None)
    if span is None or " including " in said:
        return None  # "has faced drone attacks in recent weeks, including an incident on Thursday": that one's news
    return f"'{verb.text} … {span}': a pattern over a stretch of time, not one deed"


def answered_deed(trigger: Token) -> Token | None:
    """The head noun of a deed another answers ("in retaliation for an [air strike] that killed 12"),
    whose phrase holds what is told of it; None when the deed is answered by nothing."""
    return None if answered(trigger) is None else phrase_noun(trigger)


class BackgroundReader:
    """Built once; ``cue(trigger, sent)`` says why a deed is recalled background, or None."""

    def __init__(self, speech_lemmas: set[str]) -> None:
        lex = load_json("lexicons", "time_expressions.json")["background"]
        self.since = set(lex["since_markers"])
        self.concessive = set(lex["concessive_markers"])
        self.sequence = set(lex["sequence_markers"])
        self.sequence_hosts = set(lex["sequence_hosts"])
        self.past_adverbs = set(lex["past_adverbs"])
        self.past_adjectives = set(lex["past_adjectives"])
        self.earlier_words, self.earlier_units = set(lex["earlier_words"]), set(lex["earlier_units"])
        self.remains = set(lex["remains_nouns"])
        self.speech = speech_lemmas

    def cue(self, trigger: Token, sent: Span) -> str | None:
        while trigger.dep_ == "compound" and trigger.head.i != trigger.i:
            trigger = trigger.head  # "drone attack": the phrase is its head noun's
        return (self._adjunct(trigger) or self._past_words(trigger) or self._remains(trigger)
                or self._past_perfect(trigger, sent))

    @staticmethod
    def _verb(trigger: Token) -> Token | None:
        """The verb that tells the deed: the trigger itself, or the verb a nominal trigger is the object
        or subject of ("had carried out an attack", "the previous attack took place")."""
        if trigger.pos_ in ("VERB", "AUX"):
            return trigger
        if trigger.dep_ in ("dobj", "nsubj", "nsubjpass") and trigger.head.pos_ in ("VERB", "AUX"):
            return trigger.head
        return None

    @staticmethod
    def _host(trigger: Token) -> Token | None:
        """The verb whose adjunct holds a nominal deed ("had captured the town after a suicide attack"):
        the deed belongs to that clause's time."""
        tok = trigger
        while tok.dep_ in ADJUNCT_LINKS and tok.head.i != tok.i:
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return tok
        return None

    def _adjunct(self, trigger: Token) -> str | None:
        """The deed sits in a "since" adjunct, or in an "after" adjunct (or the object) of a verb of
        sequence, or is what another deed answers ("in retaliation for the bombing")."""
        answer = answered(trigger)
        if answer is not None:
            return f"background: '{answer.text} … {trigger.text}' is a deed answered, done before"
        for tok in [trigger, *trigger.ancestors]:
            marker = None
            if tok.dep_ == "prep" and tok.lower_ in self.concessive:
                return f"background: '{tok.text} … {trigger.text}' is admitted as known, not told"
            if tok.dep_ == "prep" and tok.lower_ in self.since | self.sequence:
                marker = tok.lower_
            elif tok.pos_ in ("VERB", "AUX"):
                marker = next((c.lower_ for c in tok.children if c.dep_ == "mark"
                               and c.lower_ in self.since | self.sequence), None)
            if tok.i != trigger.i and tok.lemma_.lower() in self.sequence_hosts and tok.pos_ == "VERB" \
                    and any(c.dep_ == "dobj" and (c.i == trigger.i or c.is_ancestor(trigger) or _object_relative(trigger, tok, c))
                            for c in tok.children):
                return f"background: '{trigger.text}' is what '{tok.text}' follows"
            if marker is None:
                continue
            if marker in self.since:
                return f"background: '{marker} … {trigger.text}' recalls an earlier deed"
            host = tok.head
            if host.lemma_.lower() in self.sequence_hosts:
                return f"background: '{host.text} {marker} … {trigger.text}' recalls what came before"
            return None  # the first temporal adjunct decides: "died after a drone hit their car" reports it
        return None

    def sequence_adjunct(self, trigger: Token) -> Token | None:
        """The adjunct of a verb of pure sequence the deed sits in ("the attack on Monday came a week after
        [a bombing at a mosque killed 50]"): told for its time, so a date outside it dates the verb's deed."""
        for tok in [trigger, *trigger.ancestors]:
            if tok.dep_ == "prep" and tok.lower_ in self.sequence or tok.pos_ in ("VERB", "AUX") and any(
                    c.dep_ == "mark" and c.lower_ in self.sequence for c in tok.children):
                return tok if tok.head.lemma_.lower() in self.sequence_hosts else None
        return None

    def _past_words(self, trigger: Token) -> str | None:
        for c in trigger.children:
            if c.dep_ == "amod" and c.lower_ in self.past_adjectives:
                return f"background: '{c.text} {trigger.text}'"
            if c.dep_ == "poss" and self._earlier_stretch(c):
                return f"background: '{c.text}'s {trigger.text}' was done in an earlier {c.lemma_.lower()}"
            if c.dep_ in ("nummod", "compound", "amod") and c.i < trigger.i and YEAR.fullmatch(c.text):
                return f"background: 'the {c.text} {trigger.text}' is named by its year, a deed known from before"
            if c.dep_ == "relcl" and any(self._earlier_stretch(g) or g.dep_ == "advmod" and g.lower_ in self.past_adverbs
                                         for g in c.children):
                return f"background: '{trigger.text} that {c.text} …' is dated before the news"
        verb = self._verb(trigger)
        if verb is not None:
            for c in verb.children:
                if c.dep_ == "advmod" and c.lower_ in self.past_adverbs:
                    return f"background: '{c.text} {verb.text}'"
        # "it was previously occupied ... before being retaken": a deed told in an adjunct of a clause the
        # sentence places in the past belongs to that past
        tok = verb or trigger
        while tok.dep_ in ADJUNCT_LINKS and tok.head.i != tok.i:
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                past = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ in self.past_adverbs), None)
                if past is not None:
                    return f"background: '{trigger.text}' told within '{past.text} {tok.text}'"
                break
        return None

    def dated_earlier(self, sent: Span) -> bool:
        """'Last week, rebels shot down a helicopter': the sentence is dated by an earlier stretch of time
        ('last week', 'the previous month')."""
        return any(self._earlier_stretch(t) for t in sent)

    def _earlier_stretch(self, tok: Token) -> bool:
        """'(last) week', '(the previous) month': a unit of time an earlier-word places before the news."""
        return tok.lemma_.lower() in self.earlier_units and any(c.lower_ in self.earlier_words for c in tok.children)

    def _remains(self, trigger: Token) -> str | None:
        """The deed is told of remains: it sits inside a phrase about bodies or graves ("graves with
        murdered villagers"), or its subject names them ("most bodies the doctors examined had been shot")."""
        found = next((a for a in trigger.ancestors if a.lower_ in self.remains), None)
        if found is None:
            subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                found = next((t for t in subject.subtree if t.lower_ in self.remains), None)
        if found is None:
            return None
        return f"background: '{found.text} … {trigger.text}' tells what was found of an earlier deed"

    def _past_perfect(self, trigger: Token, sent: Span) -> str | None:
        """"had shelled", "had been shelled", "had carried out an attack", outside reported speech and
        outside an adverbial clause (which only orders the deeds of its own sentence)."""
        verb = self._verb(trigger) or self._host(trigger)
        if verb is not None:
            verb = aux_host(verb)  # "had seized the town and kidnapped two officials": the 'had' is shared
        if verb is None or verb.tag_ != "VBN" or verb.dep_ == "advcl":
            return None
        if not any(c.dep_ == "aux" and c.lower_ == PERFECT_AUX for c in verb.children):
            return None
        if any(t.lemma_.lower() in self.speech and t.pos_ in ("VERB", "AUX") for t in sent) or any(
                t.lower_ == "according" for t in sent):
            return None  # "the governor said troops had shelled the town": speech shifted back a tense
        return f"background: past perfect '{verb.text}'"


def _object_relative(trigger: Token, verb: Token, obj: Token) -> bool:
    """'The protest followed a drone attack last week that killed two people': a clause whose subject is a
    relative pronoun, hung by the parser from the verb, is the relative clause of the verb's object before it."""
    return trigger.head.i == verb.i and obj.i < trigger.i and any(
        c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in trigger.children)
