"""Claims in a sentence (fatalities, injuries, captured, damage) and who made them.

A number is a claim only when the parse ties it to a casualty or damage word ("three people were killed",
"killing at least one person", "two people sought medical help").  The claimant is the subject of a speech
verb or the object of "according to" (after a relative clause's verb of speech, its speaker: ``relative_speakers``);
"he said" is resolved to the document's last named speaker by the caller-held ``SpeakerMemory``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.data import load_json
from eventwire.extract.blamed import BLAME_VERBS, blamed_on, names_party
from eventwire.extract.deed_claimed import deed_claimed, names_nobody
from eventwire.extract.number_kinds import NumberKinds
from eventwire.extract.number_words import compound_value, starts_compound
from eventwire.extract.relative_speakers import relative_speaker
from eventwire.extract.types_base import phrase_noun, to_death
from eventwire.extract.vocab import titles, words
from eventwire.model import Claim, Evidence

PRONOUNS = words("function_words", "speaker_pronouns")
# "the regional governor", "the ministry": short role phrases that can refer back to a name
ROLE_PHRASE_MAX_WORDS = 3
COLLECTIVE_HEADS = words("person_titles", "collective_heads")
PERSON_TITLES = {w.lower() for w in titles("speakers")}
RELATIVE_PRONOUNS = words("function_words", "relative_pronouns")
MAX_CLAIMANT_TOKENS = 9
CUT_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "appos"}
ARTICLES = words("function_words", "articles")
INDEFINITE_ARTICLES = words("function_words", "indefinite_articles")
NEGATIONS = words("function_words", "negations")
FATAL_INJURY_LEMMAS = words("claims", "fatal_injury_lemmas")
TREATMENT_LEMMAS = words("claims", "treatment_lemmas")
TREATMENT_WORDS = words("claims", "treatment_words")
PEOPLE_NOUNS = words("claims", "people_nouns")
ONE_PERSON_NOUNS = frozenset(w for ws in load_json("lexicons", "claims.json")["subjects"].values() for w in ws
                             if not w.endswith("s")) - words("claims", "not_one_person")  # "a man", not "a family"
NONVIOLENT_CAUSES = words("claims", "nonviolent_causes")
# the longest speaker phrase read between a sentence's last comma and its verb of saying ("the regional
# governor's spokesman said", "an official of the shadow National Unity Government said": 8 words, so
# 9 tokens from the comma): set by hand; a run there holding a verb is a clause, not a name, whatever its length
TAIL_SPEAKER_WORDS = 12


@dataclass
class SpeakerMemory:
    """The last named speakers of a document, for resolving "he said"."""

    last: str | None = None
    names: list[str] = field(default_factory=list)

    def remember(self, name: str) -> None:
        self.last = name
        self.names.append(name)

    def named(self, phrase: str) -> str | None:
        """The earlier, fuller name a role phrase refers to: 'the governor' → 'Governor Ivan Petrov'.

        Only for phrases without a name of their own (no capitalised word but
        the first); the head noun must occur in the earlier name.
        """
        words = phrase.split()
        if not words or len(words) > ROLE_PHRASE_MAX_WORDS or any(w[:1].isupper() for w in words[1:]):
            return None
        head = words[-1].lower().rstrip("s")
        if head in COLLECTIVE_HEADS:  # "the group said": the last organisation that spoke
            org = next((n for n in reversed(self.names) if len([w for w in n.split() if w[:1].isupper()]) >= 2
                        and not any(w.lower() in PERSON_TITLES for w in n.split())), None)
            if org is not None and org != phrase:
                return org
        for earlier in reversed(self.names):
            low = earlier.lower()
            if earlier != phrase and head in low.split() + [w.rstrip("s") for w in low.split()] \
                    and any(w[:1].isupper() for w in earlier.split()[1:]):
                return earlier
        return None


# verbs whose counted object can only be people, whatever the noun says of them ("lost two helicopters" can't)
KILLING_LEMMAS = words("claims", "killing_lemmas")


def _to_death(tok: Token) -> bool:
    """'Shot dead', 'beaten to death', 'hacked to death': the verb's result is a death (also where the parse
    hangs 'dead' on the object right after the verb: "shot dead two teachers" read as "dead ... teachers")."""
    return to_death(tok) or any(
        c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "dobj", "ccomp") for c in tok.children) \
        or tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "dead" and tok.nbor(1).dep_ == "amod" \
        and any(c.dep_ == "dobj" and tok.nbor(1) in c.subtree for c in tok.children)


def _nonviolent(word: Token) -> bool:
    """'Died of malnutrition', 'died from cholera': a death put down to hunger, disease or the weather."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in NONVIOLENT_CAUSES for g in c.children) for c in word.children)


class ClaimExtractor:
    def __init__(self) -> None:
        lex = load_json("lexicons", "claims.json")
        self.numbers: dict[str, float] = lex["number_words"]
        self.kinds = NumberKinds()
        self.qualifiers: dict[str, str] = lex["qualifiers"]
        self.props = {
            name: (set(p["lemmas"]), [x.lower() for x in p["phrases"]]) for name, p in lex["properties"].items()
        }
        self.zero = {prop: [(p, re.compile(r"\b" + re.escape(p) + r"\b")) for p in phrases]
                     for prop, phrases in lex["no_casualty_phrases"].items()}
        # one scan says whether any of a property's phrases is there (a match of one is a match of the
        # alternation, and the reverse): 22 searches per parsed sentence were ~1.5% of extraction
        self.zero_any = {prop: re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
                         for prop, phrases in lex["no_casualty_phrases"].items()}
        self.subjects = {w: cat for cat, words in lex["subjects"].items() for w in words}
        self.same_kind = set(lex["same_kind_nouns"]["words"])
        self.hedges = re.compile(r"\b(?:" + "|".join(re.escape(h.lower()) for h in lex["hedges"]) + r")\b")
        self.speech = set(lex["speech_lemmas"])
        self.deny = set(lex["deny_lemmas"])
        self.not_claimant = set(lex["not_person_claimants"])
        resp = lex["responsibility"]
        self.resp_own = {stance: re.compile(r"\b(" + "|".join(map(re.escape, resp[key])) + r")\b", re.I)
                         for stance, key in (("asserts", "claims_own"), ("denies", "denies_own"))}
        self.control = {
            stance: re.compile(r"\b(" + "|".join(map(re.escape, lex["control"][stance])) + r")\b", re.I)
            for stance in ("asserts", "denies")
        }
        # "the statement added", "according to preliminary information": the speaker is whoever issued it
        self.generic = {g.lower() for g in lex["generic_claimants"]}
        self._qual_re = re.compile(
            r"\b(" + "|".join(sorted(map(re.escape, self.qualifiers), key=len, reverse=True)) + r")\s+$", re.I
        )

    # -------------------------------------------------------------- claimants
    def _phrase(self, tok: Token) -> str:
        keep = [t for t in tok.subtree]
        for t in tok.subtree:  # clauses hanging anywhere off the name ("..., which lies at ...")
            if t is not tok and t.dep_ in CUT_DEPS:
                drop = set(c.i for c in t.subtree)
                keep = [k for k in keep if k.i not in drop]
        dash = next((i for i, t in enumerate(keep) if t.text in ("—", "–", "--")), None)
        if dash is not None and dash < len(keep) - 1:
            keep = keep[dash + 1 :]  # "BELGOROD — Russia's ministry": drop the dateline
        # a blanked dateline ("BELGOROD — " parsed as spaces, see to_mentions._piece) is whitespace
        while keep and (keep[0].is_punct or keep[0].is_space or keep[0].lower_ in ARTICLES):
            keep = keep[1:]
        while keep and (keep[-1].is_punct or keep[-1].is_space or keep[-1].tag_ == "POS"):
            keep = keep[:-1]  # a possessor's "'s": "the ministry's figures" were issued by "ministry"
        keep = keep[-MAX_CLAIMANT_TOKENS:]
        return " ".join(t.text for t in keep).replace(" 's", "'s").replace(" ’s", "’s").strip()

    def speech_heads(self, sent: Span) -> set[int]:
        return {t.i for t in sent if t.lemma_.lower() in self.speech and t.pos_ in ("VERB", "AUX")}

    def claimant(self, sent: Span, memory: SpeakerMemory) -> tuple[str | None, str]:
        """(claimant, reason) of the sentence; updates memory with named speakers."""
        generic_hit = None
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
                obj = next((c for c in sent.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                if obj is not None:
                    if obj.lemma_.lower() in self.generic or obj.lower_ in self.generic:
                        if (by := issuer(obj)) is not None:
                            return self._resolve(by, memory, f"issuer of the '{obj.text}' (according to)")
                        generic_hit = obj.text
                        continue
                    return self._resolve(obj, memory, "according to")
        for tok in sent:
            if tok.lemma_.lower() in self.speech and tok.pos_ in ("VERB", "AUX"):
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None and tok.dep_ in ("advcl", "xcomp", "conj") and tok.tag_ == "VBG":
                    # "the ministry gave another account, saying ...": the speaker is the head's subject
                    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                subj = _tail_speaker(sent, tok, subj)
                if subj is None or subj.lower_ in self.not_claimant:
                    continue
                if subj.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                    subj = tok.head  # "Mr X, who said ..." speaks as Mr X
                if subj.lemma_.lower() in self.generic or subj.lower_ in self.generic:
                    if (by := issuer(subj)) is not None:
                        return self._resolve(by, memory, f"issuer of the '{subj.text}', subject of '{tok.text}'")
                    generic_hit = subj.text
                    continue
                return self._resolve(subj, memory, f"subject of '{tok.text}'")
        if generic_hit and memory.last:
            return memory.last, f"'{generic_hit}' issued by the last named speaker"
        return None, "no speaker in sentence"

    def _resolve(self, tok: Token, memory: SpeakerMemory, how: str) -> tuple[str | None, str]:
        if tok.lower_ in PRONOUNS:
            if memory.last:
                return memory.last, f"'{tok.text}' ({how}) = last named speaker"
            return None, f"'{tok.text}' ({how}) with no earlier speaker"
        name = self._phrase(tok)
        if not name or name.lower() in self.not_claimant:
            return None, "no speaker"
        full = memory.named(name)
        if full is not None:
            memory.remember(full)
            return full, f"{how}; '{name}' = {full} named earlier"
        memory.remember(name)
        return name, how

    # ---------------------------------------------------------------- numbers
    def _value(self, tok: Token) -> float | None:
        text = tok.text.lower().replace(",", "")
        if text.isdecimal():
            return float(text)
        if starts_compound(tok):
            return None  # its units word carries the number
        return compound_value(tok, self.numbers) or self.numbers.get(text)

    def _qualifier(self, sent_text_before: str) -> str | None:
        m = self._qual_re.search(sent_text_before[-20:])
        return self.qualifiers[m.group(1).lower()] if m else None

    def _property(self, tok: Token) -> str | None:
        lemma, low = tok.lemma_.lower(), tok.lower_
        if lemma in FATAL_INJURY_LEMMAS and any(c.lower_ == "fatally" for c in tok.children):
            return "fatalities"
        if tok.pos_ == "VERB" and _to_death(tok):
            return "fatalities"  # "five people were shot dead", "beaten to death": whatever the verb, they died
        for name, (lemmas, phrases) in self.props.items():
            if lemma in lemmas or low in phrases:
                return name
        if lemma in TREATMENT_LEMMAS and any(
            any(w in c.text.lower() for w in TREATMENT_WORDS) for c in tok.subtree
        ):
            return "injuries"
        return None

    def _casualty_word_for(self, noun: Token) -> Token | None:
        """The casualty/damage word the counted noun is tied to, if any."""
        head = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") and self._property(head):
            return head
        for child in noun.children:  # "the three people killed", "two dead"
            if child.dep_ in ("acl", "amod", "relcl") and self._property(child):
                return child
        if noun.dep_ == "pobj" and head.head is not None and self._property(head.head):  # "death of three"
            return head.head
        if noun.dep_ == "conj" and head.dep_ in ("nsubj", "nsubjpass", "dobj") and self._property(head.head):
            return head.head
        if noun.dep_ == "nsubj" and head.lemma_ == "be":  # "nine people were dead": the state is the predicate's
            return next((c for c in head.children if c.dep_ == "acomp" and self._property(c)), None)
        if noun.dep_ == "appos":
            # "According to the ministry, 14 people ... were killed": the parser hangs the count on the
            # source as its apposition; it is the subject the casualty verb above it lacks
            verb = next((a for a in noun.ancestors if a.pos_ == "VERB" and a.lower_ != "according"), None)
            if verb is not None and self._property(verb) and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                return verb
        return None

    def _subject(self, tok: Token, noun: Token, word: Token, prop: str, claims: list[Claim]) -> str | None:
        """Whose losses the figure ``tok`` of ``noun`` counts: civilians, soldiers, attackers or people."""
        subj_word = noun.lemma_.lower() if noun is not tok else None
        subject = self.subjects.get(noun.lower_) or self.subjects.get(subj_word or "")
        if subject is None and noun is tok:  # "dozens of villagers"
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if obj is not None:
                subject = self.subjects.get(obj.lower_) or self.subjects.get(obj.lemma_.lower())
        if subject is None and noun.lower_ in self.same_kind:  # "... and injured 108 others"
            subject = next((c.subject for c in reversed(claims) if c.subject is not None), None)
        if subject is None and noun is not tok and prop == "fatalities" and noun.tag_ in ("NNS", "NNPS") \
                and (noun.head.i == word.i and (noun.dep_ in ("dobj", "nsubjpass") or word.tag_ == "VBN")
                     or word.head.i == noun.i) \
                and (word.lemma_.lower() in KILLING_LEMMAS or word.pos_ == "VERB" and _to_death(word)):
            # "killed two teachers", "shot dead three vaccinators", "killed three Palestinians", "400 Palestinians
            # killed": only people are killed ("killed 12 militants in two operations": the operations are no one)
            subject = "people"
        if subject == "civilians" and noun.lemma_.lower() in PEOPLE_NOUNS:
            # "three military men", "civilian men": a word before a generic noun may name the side
            side = next((c for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ" and c.i < noun.i
                         and c.lower_ in self.subjects), None)  # not a noun's: "staff members" are people
            subject = self.subjects[side.lower_] if side is not None else "people"
        return subject

    def _responsibility(self, sent: Span, ev: Evidence, claimant: str | None, hedged: bool, why: str) -> list[Claim]:
        """'X claimed responsibility' / 'X denied involvement' / 'X blamed Y for ...'."""
        out: list[Claim] = []
        text = sent.text
        for stance, pattern in self.resp_own.items():
            m = pattern.search(text)
            if not m:
                continue
            verb = next((t for t in sent if t.idx - sent.start_char >= m.start()), None)
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
            if subj is None or subj.lower_ in PRONOUNS | RELATIVE_PRONOUNS:
                continue
            if names_nobody(subj):
                continue  # "no group claimed responsibility": nobody's claim
            who = self._phrase(subj)
            negated = verb is not None and any(c.dep_ == "neg" for c in verb.children)
            if negated:  # "has not claimed responsibility" is silence, not a denial
                continue
            out.append(Claim("responsibility", who, None, None, who, stance, hedged, ev,
                             f"'{m.group(1)}': {who} {'claims' if stance == 'asserts' else 'denies'} its own part"))
        if not out and (named := deed_claimed(sent)) is not None:  # "X claimed Tuesday's bombing"
            verb, subj, deed = named
            who = self._phrase(subj)
            out.append(Claim("responsibility", who, None, None, who, "asserts", hedged, ev,
                             f"'{verb.text} … {deed.text}': {who} claims its own part"))
        for verb in sent:
            if verb.lower_ not in BLAME_VERBS or verb.pos_ != "VERB":
                continue
            on = blamed_on(verb)
            if on is not None and not names_party(on):
                continue  # "blamed the blast on poorly stored chemicals": a cause, and the object is no one either
            target = on if on is not None else next((c for c in verb.children if c.dep_ == "dobj"), None)
            if target is None or target.lower_ in PRONOUNS or target.lower_ in RELATIVE_PRONOUNS:
                continue
            blamer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            who = self._phrase(blamer) if blamer is not None and blamer.lower_ not in PRONOUNS else claimant
            out.append(Claim("responsibility", self._phrase(target), None, None, who, "asserts", hedged, ev,
                             f"'{verb.text}': {who or 'someone'} blames {self._phrase(target)}; claimant: {why}"))
        return out

    # ------------------------------------------------------------------ public
    def extract(self, sent: Span, doc_id: str, sent_start: int, claimant: str | None, why: str) -> list[Claim]:
        return [claim for claim, _ in self.extract_tied(sent, doc_id, sent_start, claimant, why)]

    def extract_tied(self, sent: Span, doc_id: str, sent_start: int, claimant: str | None,
                     why: str) -> list[tuple[Claim, int | None]]:
        """The sentence's claims, each with the position (``Token.i``) of the word its figure is tied to
        ("killed", "dead"), None for one told by a phrase: which deed of the sentence a figure counts is
        read from where that word stands (``to_mentions``)."""
        text = sent.text
        low = text.lower()
        ev = Evidence(doc_id, text, sent_start, sent_start + len(text))
        hedged = self.hedges.search(low) is not None
        denied = any(t.lemma_.lower() in self.deny for t in sent)
        claims: list[Claim] = []
        tied: list[int] = []
        seen: set[tuple] = set()
        for tok in sent:
            value = self._value(tok)
            # "not a single fighter", "no soldiers": a denial of losses, value zero
            negated = tok.lower_ == "no" or (
                tok.lower_ == "single" and tok.i - 2 >= sent.start and sent.doc[tok.i - 2].lower_ in NEGATIONS
            )
            if tok.lower_ == "one" and tok.i > sent.start and sent.doc[tok.i - 1].lower_ == "no":
                continue  # "no one" is "nobody", no count of one: the denial is read from "no" and the phrase
            if negated:
                value = 0
            elif value is None or tok.lower_ in INDEFINITE_ARTICLES and tok.dep_ != "nummod" and not _one_person(tok):
                continue
            if tok.like_num is False and tok.lower_ not in self.numbers:
                continue
            noun = tok.head if tok.dep_ in ("nummod", "quantmod", "det", "amod") else tok
            if tok.dep_ == "compound" and tok.is_alpha:
                noun = phrase_noun(tok)  # "Twenty Nigerien soldiers": a number word tagged a name at the start
            if self.kinds.is_measure(tok):
                continue
            word = self._casualty_word_for(noun)
            if word is None:
                continue
            prop = self._property(word)
            if prop is None or prop == "fatalities" and _nonviolent(word):
                continue
            subject = self._subject(tok, noun, word, prop, claims)
            if prop in ("fatalities", "injuries", "captured") and subject is None and noun is not tok:
                continue  # "two planes were damaged" is not a casualty, "capturing several villages" took no captives
            if prop == "damage":
                subject = noun.text if noun is not tok else None
                if subject and self.subjects.get(noun.lower_):
                    continue
            qual = self._qualifier(text[: tok.idx - sent.start_char])
            if any(c.lower_ in ("least",) for c in tok.children):
                qual = "at least"
            key = (prop, value, subject)
            if key in seen:
                continue
            seen.add(key)
            claims.append(
                Claim(
                    property=prop,
                    value=int(value) if float(value).is_integer() else value,
                    qualifier=qual,
                    subject=subject,
                    claimant=relative_speaker(tok, self.speech, self._phrase) or claimant,
                    stance="denies" if denied or negated else "asserts",
                    hedged=hedged,
                    evidence=ev,
                    reason=f"'{tok.text} {noun.text if noun is not tok else ''}' tied to '{word.text}'; claimant: {why}",
                )
            )
            tied.append(word.i)
        # one figure told once: drop a subject-less copy of a claim that has its subject
        counted = [(c, i) for c, i in zip(claims, tied) if c.subject is not None or not any(
            o is not c and o.property == c.property and o.value == c.value and o.subject for o in claims)]
        claims = [c for c, _ in counted]
        told = self._responsibility(sent, ev, claimant, hedged, why)
        told += self._phrase_claims(text, ev, claimant, hedged, why, claims + told)
        return counted + [(c, None) for c in told]

    def _phrase_claims(self, text: str, ev: Evidence, claimant: str | None, hedged: bool, why: str,
                       counted: list[Claim]) -> list[Claim]:
        """Claims a phrase makes without a figure: control ("took full control of"), and denials of
        losses ("no casualties") when no figure for that property was counted."""
        low = text.lower()
        claims: list[Claim] = []
        for stance, pattern in self.control.items():
            m = pattern.search(text)
            if m and not re.search(r"\b(not|never|no)\s+(\w+\s+)?" + re.escape(m.group(1).split()[0]), low):
                claims.append(
                    Claim("control", m.group(1).lower(), None, "territory", claimant, stance, hedged, ev,
                          f"'{m.group(1)}': {'control or advance claimed' if stance == 'asserts' else 'attack said repelled or absent'}; claimant: {why}")
                )
                break
        for prop, phrases in self.zero.items():
            if not self.zero_any[prop].search(low):
                continue
            hit = next((p for p, rx in phrases if rx.search(low)), None)
            if hit and not any(c.property == prop for c in counted + claims):
                claims.append(
                    Claim(prop, 0, None, None, claimant, "denies", hedged, ev, f"'{hit}': denial of losses; claimant: {why}")
                )
        return claims


def _tail_speaker(sent: Span, verb: Token, subj: Token | None) -> Token | None:
    """"..., witnesses and an opposition group said.": a verb of saying after the sentence's last comma has
    the words between them for its speaker, whatever the parse made its subject (a long report before the
    comma is often parsed as the subject: "A military air strike killed 40 ..., witnesses said")."""
    comma = next((t for t in reversed(sent.doc[sent.start:verb.i]) if t.text == ","), None)
    if comma is None or subj is not None and subj.i > comma.i or verb.i - comma.i > TAIL_SPEAKER_WORDS:
        return subj
    words = sent.doc[comma.i + 1:verb.i]
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return subj
    return next((t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")), subj)


def issuer(noun: Token) -> Token | None:
    """Who issued a statement, report or figures, when its own phrase names them: "UN figures", "the
    ministry's statement", "a Hamas statement" (a name or a possessor); "official figures", "a statement"
    name no one, so the speaker is the last one named."""
    return next((c for c in noun.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS
                 or c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"), None)


def _one_person(tok: Token) -> bool:
    """'Killing a 23-year-old man', 'a soldier was wounded': one (not 'a mother and father', 'not a single')."""
    return tok.dep_ == "det" and tok.head.tag_ == "NN" and tok.head.lower_ in ONE_PERSON_NOUNS and tok.head.dep_ in (
        "dobj", "nsubjpass") and not any(c.dep_ == "conj" or c.lower_ == "single" for c in tok.head.children)

