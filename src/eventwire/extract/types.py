"""ACLED event type and sub-type of a sentence, from trigger lexicons.

A trigger ("attack", "shot down", "clash") says that something happened; for
remote violence the weapon in the sentence ("drone", "Grad", "IED") says
which sub-type.  A sentence is not an event when its trigger sits under a
modal or a plan verb ("threatened more attacks", "could divert resources"),
is negated, or is in the future tense.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token

from eventwire.data import load_json

REMOTE = "Explosions/Remote violence"
# Instrument concepts in order of precedence when a sentence names several:
# the most specific weapon decides ("a suicide bomber detonated an explosive").
INSTRUMENT_PRECEDENCE = (
    "suicide bombing",
    "chemical weapons",
    "grenades",
    "planted explosives",
    "aircraft and drones",
    "artillery, rockets and missiles",
    "guns and ground assault",
)
# Fallback sub-types for strike triggers with no instrument in the sentence.
STRIKE_DEFAULTS = {
    "shell": "Shelling/artillery/missile attack",
    "shelling": "Shelling/artillery/missile attack",
    "bombard": "Shelling/artillery/missile attack",
    "bombardment": "Shelling/artillery/missile attack",
    "explosion": "Remote explosive/landmine/IED",
    "blast": "Remote explosive/landmine/IED",
    "explode": "Remote explosive/landmine/IED",
    "detonate": "Remote explosive/landmine/IED",
    "detonation": "Remote explosive/landmine/IED",
    "airstrike": "Air/drone strike",
}
# strike triggers too generic to stand alone: they need a weapon in the sentence
WEAK_STRIKE_LEMMAS = {"hit", "target", "fire", "crash", "slam", "strike", "raid", "pound", "attack", "bomb", "bombing"}
# "tried to strike" reports an attempt that happened; "used to strike" does not
ATTEMPT_LEMMAS = {"attempt", "try"}
FUTURE_AUX = {"will", "shall", "would", "could", "might", "may", "should", "must", "can"}


@dataclass(frozen=True)
class TypeHit:
    trigger: Token
    trigger_text: str
    event_type: str
    sub_event_type: str
    concept: str
    reason: str


class EventTypeClassifier:
    """Built once with the shared nlp; call ``classify(sentence)`` per sentence."""

    def __init__(self, nlp: Language) -> None:
        lex = load_json("lexicons", "event_types.json")
        self.triggers = lex["triggers"]
        self.instruments = lex["instruments"]
        cues = lex["not_event_cues"]
        self.modal = set(cues["modal_lemmas"])
        self.plan = set(cues["plan_lemmas"])
        self.meeting = set(cues["meeting_lemmas"])
        self.habitual = set(cues["habitual_adverbs"])
        self.repel = set(cues["repel_lemmas"])
        self.trigger_lemmas: dict[str, int] = {}
        for i, t in enumerate(self.triggers):
            for lemma in t["lemmas"]:
                self.trigger_lemmas.setdefault(lemma, i)
        self.instrument_lemmas: dict[str, int] = {}
        for i, t in enumerate(self.instruments):
            for lemma in t["lemmas"]:
                self.instrument_lemmas.setdefault(lemma, i)
        self.trigger_phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.instrument_phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        # phrase patterns are lemmatised by the same pipeline that reads articles
        for i, t in enumerate(self.triggers):
            self.trigger_phrases.add(str(i), list(nlp.pipe(t["phrases"])))
        for i, t in enumerate(self.instruments):
            self.instrument_phrases.add(str(i), list(nlp.pipe(t["phrases"])))
        self.vocab = nlp.vocab

    # ------------------------------------------------------------------ parts
    def _instrument(self, sent: Span) -> tuple[str, str] | None:
        """(concept, sub-type) of the most specific weapon named in the sentence."""
        found: set[int] = set()
        for tok in sent:
            idx = self.instrument_lemmas.get(tok.lemma_.lower())
            if idx is not None:
                found.add(idx)
        for match_id, _s, _e in self.instrument_phrases(sent.as_doc()):
            found.add(int(self.vocab.strings[match_id]))
        if not found:
            return None
        concepts = {self.instruments[i]["concept"]: self.instruments[i] for i in found}
        for concept in INSTRUMENT_PRECEDENCE:
            if concept in concepts:
                return concept, concepts[concept]["sub_event_type"]
        return None

    def _blocked(self, tok: Token) -> str | None:
        """Why this trigger does not report a happened event, or None."""
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return f"negated trigger '{tok.text}'"
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and tok.head.lemma_.lower() not in ATTEMPT_LEMMAS:
            return f"infinitive '{tok.text}': purpose or plan, not a report"
        verb = tok if tok.pos_ in ("VERB", "AUX") else next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
        for t in (tok, verb):
            if t is None:
                continue
            for child in t.children:
                if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in FUTURE_AUX:
                    return f"modal or future '{child.text} {t.text}'"
                if child.dep_ == "advmod" and child.lower_ in self.habitual:
                    return f"habitual '{child.text}': a pattern, not one event"
        for depth, anc in enumerate(tok.ancestors):
            if depth >= 3:
                break
            lemma = anc.lemma_.lower()
            if lemma in self.plan:
                return f"under plan/threat verb '{anc.text}'"
            if lemma in self.meeting:
                return f"inside '{anc.text}'"
        return None

    # ------------------------------------------------------------------ public
    def classify(self, sent: Span) -> list[TypeHit]:
        doc = sent.as_doc()
        candidates: list[tuple[int, int, int]] = []  # (token index in sent, trigger concept idx, length)
        for match_id, s, e in self.trigger_phrases(doc):
            candidates.append((s, int(self.vocab.strings[match_id]), e - s))
        covered = {i for s, _c, n in candidates for i in range(s, s + n)}
        for tok in sent:
            i = tok.i - sent.start
            idx = self.trigger_lemmas.get(tok.lemma_.lower())
            # "March 2024" is a month, not a march
            if idx is not None and i not in covered and tok.pos_ in ("VERB", "NOUN", "ADJ", "PROPN") \
                    and tok.ent_type_ not in ("DATE", "TIME"):
                candidates.append((i, idx, 1))
        if not candidates:
            return []
        instrument = self._instrument(sent)
        hits: list[TypeHit] = []
        seen: set[tuple[str, str]] = set()
        for i, idx, n in sorted(candidates):
            tok = sent[i]
            # for phrases, the syntactic head of the phrase carries negation and modals
            head = min(sent[i : i + n], key=lambda t: len(list(t.ancestors)))
            trig = self.triggers[idx]
            text = sent[i : i + n].text
            if self._blocked(head):
                continue
            repelled = head.pos_ == "NOUN" and head.dep_ in ("nsubjpass", "dobj") and head.head.lemma_.lower() in self.repel
            if trig["kind"] == "strike" and repelled:
                # "the attack was repelled": a ground assault fought off, or weapons intercepted
                if instrument and instrument[0] == "aircraft and drones":
                    etype, sub = "Strategic developments", "Disrupted weapons use"
                else:
                    etype, sub = "Battles", "Armed clash"
                why = f"'{text}' {head.head.text}"
            elif trig["kind"] == "strike":
                lemma = head.lemma_.lower()
                if instrument and instrument[0] != "guns and ground assault":
                    etype, sub = REMOTE, instrument[1]
                    why = f"trigger '{text}' with weapon ({instrument[0]})"
                elif lemma in STRIKE_DEFAULTS:
                    etype, sub = REMOTE, STRIKE_DEFAULTS[lemma]
                    why = f"trigger '{text}'"
                elif instrument:  # guns, troops: a ground attack
                    etype, sub = "Battles", "Armed clash"
                    why = f"trigger '{text}' with ground forces"
                elif lemma in WEAK_STRIKE_LEMMAS or n == 1:
                    continue
                else:
                    etype, sub = REMOTE, "Remote explosive/landmine/IED"
                    why = f"trigger '{text}'"
            else:
                etype, sub = trig["event_type"], trig["sub_event_type"]
                why = f"trigger '{text}' ({trig['concept']})"
            key = (etype, sub)
            if key in seen:
                continue
            seen.add(key)
            hits.append(TypeHit(tok, text, etype, sub, trig["concept"], why))
        return hits
