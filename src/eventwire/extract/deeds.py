"""Does a hit report a concrete, completed deed, or only talk about one?

The type rules find event words and block the plainly unreported ones (modals,
plans, negation: ``types_blocking``).  Commentary, analysis and policy talk use
the same words in ways no single word shows, but the grammar of the sentence
does, on any page:

* an event word that only modifies another noun names a kind of thing:
  "shell companies", "attack helicopters", "combat forces";
* a loose word for fighting ("offensive", "deployed", "mobilisation", a bare
  "killed", the type lexicon's ``weak`` triggers) tells a concrete deed only
  with a date or a place of its own in its sentence, and as the object of
  another word ("support for its offensive in the east") only with its own
  date ("began an offensive on 11 November"), and in the present tense ("units
  are deployed in the east") not at all: otherwise it is the war talked about;
* an attempt still under way or only intended is no completed deed: "would try
  to take", "are trying to mobilise", and a noun naming a try aims at its deed
  without doing it: "an attempt to seize", "a bid to take";
* a gerund with no doer of its own, inside a prepositional phrase that
  qualifies a noun or an adjective, names an activity, not a deed ("skilled in
  organising rallies", "weapons, including shelling"), unless its sentence
  dates it ("accused Russia of shelling the area" tells a deed: the phrase
  hangs from a verb).
* a deed noun counted in long periods ("five decades of fighting", "years of
  war", "after months of shelling") names a campaign, not one deed; "two days
  of fighting" is still a battle, so only plural weeks and longer count;
* a whole war as the doer of a deed ("the war has killed tens of thousands")
  gives the war's toll, not one deed;
* a deed denied or blamed as a gerund with a bare plural object and no date
  ("has denied targeting civilians", "accused of torturing prisoners") is a
  practice disputed, not one deed;
* a deed verb in the simple present with its own subject, active ("the
  militias shell the villages whenever ...") or passive ("prisoners are
  tortured in the cellar"), tells a practice, not one deed done; unless its
  sentence dates it (a timeline's or a caption's present: "on 3 March, two
  bombs are detonated").  The progressive ("are shelling") and the perfect
  ("have shelled") still tell deeds.  Checked over the shared sets' sentences:
  it drops a habitual torture in a mayor's words (hoot), "figures demonstrate",
  "the Avars form the largest group" and "a bazooka which launches a net"
  (WikiEvents), and nothing in dev, dev2 or MUC-4.

These drop the hit.  A hit with no anchor at all in its own sentence (no date,
no place, no participant, no count) is kept but doubted: it goes out with lower
confidence and the reason.  So is one whose report the sentence itself says was
denied ("outlets reported that a bus came under fire, but officials denied
this"): one side's word against the other's is kept, but the figures told after
it count the deeds told as done, not this one (``to_mentions``).  (Dropping those was tried before, concreteness.py:
it cost MUC-4 real wire details.)

A trained classifier was tried for this decision (logistic regression over
these grammar cues, labels from the WikiEvents gold mentions and the CASE
tuning half's DIPLO/ATTRIB snippets): WikiEvents' gold is not exhaustive, so
its unannotated hits are no label, and what is left holds 8 non-deeds among
325 hits; it learnt nothing about commentary and is not shipped.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.extract.actor_roles import deed_noun
from eventwire.extract.concreteness import Anchors
from eventwire.extract.types_base import ATTEMPT_LEMMAS, FUTURE_AUX, bare_plural, phrase_end
from eventwire.extract.vocab import words
from eventwire.model import DENIED_DOUBT

ATTEMPT_NOUNS = words("event_words", "attempt_nouns")
CAMPAIGN_PERIODS = words("event_words", "campaign_periods")
CAMPAIGN_NOUNS = words("event_words", "campaign_nouns")
TOPIC_HEADS = words("event_words", "topic_heads")
DENIAL_LEMMAS = words("event_words", "denial_lemmas")
ATTRIBUTION_VERBS = words("event_words", "attribution_verbs")  # blame, accuse ...
DENIED_OBJECTS = words("event_words", "denied_objects")
DISAVOWING_ADVERBS = words("event_words", "disavowing_adverbs")
MISSING_SUPPORT = words("event_words", "missing_support")
HELPING_PARTICIPLES = words("event_words", "helping_participles")
BELLIGERENCE_PARTICIPLES = words("event_words", "belligerence_participles")
SPENDING_VERBS = words("event_words", "spending_verbs")
IMAGINING_VERBS = words("event_words", "imagining_verbs")

_MODIFIER_DEPS = ("compound", "amod", "nmod")
_SUBJECTS = ("nsubj", "nsubjpass", "agent", "csubj")


@dataclass(frozen=True)
class Deed:
    """What to do with one hit: ``report`` it, ``doubt`` it (lower confidence) or ``drop`` it, and why."""

    verdict: str
    reason: str = ""


REPORT = Deed("report")


class DeedJudge:
    def __init__(self, trigger_lemmas) -> None:
        self.trigger_lemmas = trigger_lemmas  # lemmas that are event words (extract.types)

    def judge(self, trigger: Token, trigger_text: str, weak: bool, anchors: Anchors) -> Deed:
        end = phrase_end(trigger, trigger_text)  # the phrase's last word, read by several checks
        why = (self._names_a_kind(trigger, trigger_text, end) or self._loose(trigger, weak, anchors)
               or self._attempt(trigger) or self._activity(deed_noun(trigger, trigger_text), anchors)
               or self._present(trigger, anchors) or self._campaign(trigger) or self._war_as_doer(trigger)
               or self._practice_disputed(end, anchors) or _support(trigger, end)
               or self._side_taken(trigger, anchors) or _time_spent(trigger, anchors) or _imagined(trigger))
        if why:
            return Deed("drop", why)
        doubt = self._denial(trigger) or self._disavowed(trigger) or _talked_about(trigger)
        if doubt:
            return Deed("doubt", doubt)
        if not anchors.any:
            return Deed("doubt", f"'{trigger.text}' has no date, place, participant or count in its sentence: "
                                 "it may only talk about a deed")
        return REPORT

    def _names_a_kind(self, t: Token, trigger_text: str, end: Token | None = None) -> str:
        # a phrase ("air raid shelter", "the drone attack claim") is judged by its last word: "missile
        # strike" alone is the phrase's own head, "missile strike footage" names footage
        first, t = t, end if end is not None else phrase_end(t, trigger_text)
        if t.i != first.i and first.pos_ == "VERB" and t.dep_ == "amod":
            return ""  # "shot dead two teachers": a verb's phrase, its last word read as the object's adjective
        after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if after is not None and after.lower_ in TOPIC_HEADS:
            return f"'{trigger_text} {after.text}': names a kind of thing, not a deed"  # "ceasefire talks resume"
        head = t.head
        if t.dep_ not in _MODIFIER_DEPS or head.i <= t.i:
            return ""
        if t.tag_ in ("VBN", "VBD"):
            return ""  # "the murdered priests", "the arrested men": a participle tells the deed done to them
        if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in self.trigger_lemmas:
            return ""  # "bomb attack", "protest rallies": the noun is itself a deed
        return f"'{trigger_text} {head.text}': names a kind of thing, not a deed"

    @staticmethod
    def _loose(t: Token, weak: bool, anchors: Anchors) -> str:
        if not weak or anchors.own_date:
            return ""
        if not anchors.place_in_sentence:
            return f"'{t.text}' tells fighting only loosely and has no date or place of its own in its sentence"
        if t.pos_ == "NOUN" and t.dep_ in ("dobj", "pobj"):
            return f"'{t.head.text} … {t.text}': the fighting talked about, with no date of its own"
        aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        if t.pos_ == "VERB" and aux and all(c.tag_ in ("VBP", "VBZ") for c in aux):
            return f"'{' '.join(c.text for c in aux)} {t.text}': a present state, not a deed done"
        return ""

    @staticmethod
    def _present(t: Token, anchors: Anchors) -> str:
        aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        if t.pos_ != "VERB" or anchors.own_date or not any(c.dep_ in _SUBJECTS for c in t.children):
            return ""  # a timeline's or a caption's present is dated ("on April 15, bombs are detonated")
        passive = len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].tag_ in ("VBP", "VBZ") and t.tag_ == "VBN"
        if passive or not aux and t.tag_ in ("VBP", "VBZ"):
            return f"'{' '.join(c.text for c in aux + [t])}': the simple present tells a practice, not a deed done"
        return ""

    @staticmethod
    def _campaign(t: Token) -> str:
        prep = t.head
        if t.pos_ != "NOUN" or t.dep_ != "pobj" or prep.lower_ != "of":
            return ""
        period = prep.head
        if period.tag_ == "NNS" and period.lemma_.lower() in CAMPAIGN_PERIODS:
            return f"'{period.text} of {t.text}': a campaign counted in {period.text}, not one deed"
        return ""

    @staticmethod
    def _war_as_doer(t: Token) -> str:
        """'The war between the army and the RSF has killed tens of thousands': a whole war as the doer
        of a deed gives its toll, not one deed ('the fighting killed 12 on Monday' is one: not listed)."""
        doer = next((c for c in t.children if c.dep_ in ("nsubj", "agent")), None)
        if doer is None and t.dep_ == "conj":  # "the war broke out in 2023 and has killed ...": the shared subject
            doer = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if doer is not None and doer.dep_ == "agent":
            doer = next((g for g in doer.children if g.dep_ == "pobj"), None)
        if t.pos_ == "VERB" and doer is not None and doer.lemma_.lower() in CAMPAIGN_NOUNS:
            return f"'{doer.text} … {t.text}': a whole war's toll, not one deed"
        return ""

    def _side_taken(self, t: Token, anchors: Anchors) -> str:
        """"The People's Defence Force, an armed group fighting the military": a participle of fighting on a
        party that is no deed itself says whose side it is on; "fighting on Monday" is dated and stands."""
        head = t.head
        if t.tag_ != "VBG" or t.dep_ != "acl" or anchors.own_date or t.lemma_.lower() not in BELLIGERENCE_PARTICIPLES:
            return ""
        if head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in self.trigger_lemmas:
            return ""
        return f"'{head.text} {t.text}': a party's side told, not a deed"

    @staticmethod
    def _practice_disputed(t: Token, anchors: Anchors) -> str:
        """'It has denied targeting civilians', 'accused of torturing prisoners': a deed denied or blamed
        as a gerund whose object is a bare plural, with no date of its own, is a practice disputed, not one
        deed ('denied shelling the town' is a denial of blame for one: it stands); so is a weapon the deed is
        told by, as that gerund's bare object ('police denied using live ammunition')."""
        if anchors.own_date:
            return ""
        weapon = t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.tag_ == "VBG" and not any(
            c.dep_ in ("det", "nummod", "poss") for c in t.children)
        if weapon:
            t = t.head  # the weapon named as what was (not) used: the gerund is the deed disputed
        if t.tag_ != "VBG":
            return ""
        verb = t.head.head if t.dep_ == "pcomp" else t.head
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        if verb.lemma_.lower() not in DENIAL_LEMMAS | ATTRIBUTION_VERBS or obj is None \
                or not (bare_plural(obj) or weapon):  # "accused of firing gun": a headline's one deed
            return ""
        return f"'{verb.text} {t.text} {obj.text}': a practice disputed, not one deed"

    @staticmethod
    def _denial(t: Token) -> str:
        """A denial in the sentence whose object points back to the report ("…, but officials denied this")."""
        for v in t.sent:
            if v.pos_ != "VERB" or v.lemma_.lower() not in DENIAL_LEMMAS or v.is_ancestor(t) or v.i == t.i:
                continue
            obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")
                        and c.lemma_.lower() in DENIED_OBJECTS), None)
            if obj is not None:
                return f"'{v.text} {obj.text}': its report {DENIED_DOUBT}"
        return ""

    @staticmethod
    def _disavowed(t: Token) -> str:
        """A verb above the deed that the writer marks as unfounded ("claimed without evidence that Ukraine
        had shelled its own city", "falsely said"): the report stands, its deed is in doubt."""
        for v in t.ancestors:
            for c in v.children:
                if c.dep_ == "advmod" and c.lower_ in DISAVOWING_ADVERBS:
                    return f"'{c.text} {v.text}': told by the writer as unfounded"
                lacking = next((g for g in c.subtree if g.lemma_.lower() in MISSING_SUPPORT), None) \
                    if c.dep_ == "prep" and c.lower_ == "without" else None
                if lacking is not None:
                    return f"'{v.text} without … {lacking.text}': told by the writer as unfounded"
        return ""

    @staticmethod
    def _attempt(t: Token) -> str:
        head = t.head
        if t.pos_ != "VERB" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children):
            return ""
        if head.pos_ == "NOUN" and head.lemma_.lower() in ATTEMPT_NOUNS:
            return f"'{head.text} to {t.text}': a deed aimed at, not done"
        if head.lemma_.lower() not in ATTEMPT_LEMMAS:
            return ""
        modal = next((c for c in head.children if c.dep_ == "aux" and c.lemma_.lower() in FUTURE_AUX), None)
        if modal is not None:
            return f"'{modal.text} {head.text} to {t.text}': an attempt intended, not made"
        if head.tag_ == "VBG":
            return f"'{head.text} to {t.text}': an attempt under way, not a completed deed"
        return ""

    @staticmethod
    def _activity(t: Token, anchors: Anchors) -> str:
        if anchors.own_date:
            return ""
        verb = t
        while verb.dep_ in ("conj", "dobj", "compound", "appos") and verb.head is not verb and verb.tag_ != "VBG":
            verb = verb.head
        while verb.dep_ == "conj" and verb.head.tag_ == "VBG":
            verb = verb.head
        if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or any(c.dep_ in _SUBJECTS for c in verb.children):
            return ""
        if verb.head.head.pos_ in ("VERB", "AUX"):
            return ""  # "accused Russia of shelling the area", "killed by shelling": a deed the verb tells
        return f"'{verb.head.text} {verb.text}': an activity named, with no doer or date of its own"


def _imagined(t: Token) -> str:
    """"Imagine a missile strike on a crowded train station at rush hour": a deed a verb of imagining asks
    the reader for, in the imperative, is thought of, not told (a commentary's device; "he was pictured
    unfurling a banner during a protest" and a caption's "Pictured: a house destroyed by shelling" tell)."""
    verb = next((a for a in t.ancestors if a.tag_ == "VB" and a.lemma_.lower() in IMAGINING_VERBS
                 and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in a.children)), None)
    return f"'{verb.text} … {t.text}': a deed imagined, not told" if verb is not None else ""


def _time_spent(t: Token, anchors: Anchors) -> str:
    """"The FSB had spent millions recruiting a network of collaborators", "spent years fighting": a deed
    told as what time or money went on is a stretch of activity, not one deed, unless its sentence dates it."""
    spend = t.head.head if t.dep_ == "acl" and t.head.dep_ == "dobj" else t.head
    if t.tag_ != "VBG" or anchors.own_date or spend.lemma_.lower() not in SPENDING_VERBS:
        return ""
    return f"'{spend.text} … {t.text}': time or money spent on an activity, not a deed"


def _support(t: Token, end: Token) -> str:
    """"Somali forces, backed by African Union troops and U.S. air strikes, have been trying to ...": a deed
    noun as the agent of a participle of support on another noun tells how that party is helped; the deed
    the sentence reports, if any, is its own verb's ("troops backed by air strikes took the town")."""
    noun = end  # the phrase's last word ("air strikes")
    while noun.dep_ == "conj":
        noun = noun.head
    agent = noun.head
    if t.pos_ != "NOUN" or noun.dep_ != "pobj" or agent.dep_ != "agent":
        return ""
    verb = agent.head
    if verb.dep_ == "acl" and verb.lemma_.lower() in HELPING_PARTICIPLES:
        return f"'{verb.text} by … {t.text}': the help a party has, not a deed of its own"
    return ""


def _talked_about(t: Token) -> str:
    """"Residents posted about explosions", "officials spoke about the attack": a deed after 'about' on a verb
    is what was said, written or asked; the telling vouches for no deed of its own."""
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "about" and t.head.dep_ == "prep" \
            and t.head.head.pos_ == "VERB":
        return f"'{t.head.head.text} about {t.text}': the deed is what was told of, not told"
    return ""
