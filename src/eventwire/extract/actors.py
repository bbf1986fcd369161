"""Actors of an event sentence and their roles, from a catalogue and the parse.

Names come from the catalogue (aliases → ACLED-style name) and from demonym
phrases ("Ukrainian drones" → the military forces of Ukraine); the role comes
from syntax: the doer of the trigger (active subject, passive "by"-agent,
possessive or adjective on the trigger or its weapon) is actor1, its target
actor2.  Whoever only *speaks* ("X said", "according to X") is a claimant, not
an actor.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token

from eventwire.data import load_json
from eventwire.extract.vocab import words
from eventwire.model import ActorRef

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
AGENT_DEPS = {"agent"}
OBJECT_DEPS = {"dobj", "pobj", "attr"}
SELF_PRONOUNS = words("function_words", "self_pronouns")
SELF_POSSESSIVES = words("function_words", "self_possessives")
TARGET_PREPS = words("function_words", "target_prepositions")
AGENT_PREPOSITIONS = words("function_words", "agent_prepositions")
OWN_ACTION_VERBS = words("event_words", "own_action_verbs")
ATTRIBUTION_VERBS = words("event_words", "attribution_verbs")
SUPPORT_VERBS = words("event_words", "support_verbs")
SOURCE_NOUNS = words("event_words", "source_nouns")
GENERIC_ACTOR = "unidentified"  # the catalogue's entry for doers named by a common noun ("militants", "gunmen")
# the lemmatizer misreads some past forms ("staged" -> "stag"): the regular forms of a verb ending in -e count too
SUPPORT_FORMS = SUPPORT_VERBS | {w + e for w in SUPPORT_VERBS if w.endswith("e") for e in ("d", "s")}
ATTRIBUTION_PREPS = words("event_words", "attribution_prepositions")
EXPOSURE_PREPS = words("function_words", "exposure_prepositions")
PATIENT_DEPS = {"nsubjpass", "dobj"}
NOUN_POS = ("NOUN", "PROPN")
# how a name hangs on the noun it qualifies ("Hezbollah members", "Taliban fighters", "the group's fighters"):
# the name stands where that noun stands in the clause
NAME_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss")
# where the deed hangs on the verb that tells what happened to a named group's members: its subject ("an Israeli
# strike killed ..."), its passive agent ("killed by an Israeli strike") or a phrase of means or occasion
# ("killed in Turkish air strikes"; not "an hour before the explosion")
CLAUSE_DEED_DEPS = ("nsubj", "agent")
DEED_PREPOSITIONS = words("function_words", "deed_prepositions")
# "troops were deployed", "troops deployed to the border": the force moved is the party whose activity changes
FORCE_OBJECT_VERBS = words("event_words", "force_object_verbs")


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    name: str
    inter: int | None
    country: str | None


def _people(adjective: str) -> str | None:
    """The people a demonym names, when English makes it by adding -s ("Russians", "Israelis"): as the
    doer of a deed ("the Russians shelled the town") they are their country's forces, like "Russia".
    Demonyms in -ese, -ch or -sh ("Chinese", "French") have no such plural and are left out."""
    return adjective + "s" if adjective.endswith(("an", "i")) else None


class ActorFinder:
    def __init__(self, nlp: Language) -> None:
        data = load_json("actors", "actors.json")
        dem = load_json("actors", "demonyms.json")
        self.entries: dict[str, CatalogueEntry] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.case_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")  # short acronyms must match case
        for a in data["actors"]:
            self.entries[a["id"]] = CatalogueEntry(a["id"], a["name"], a.get("inter"), a.get("country"))
            long_aliases = [x for x in a["aliases"] if not (x.isupper() and len(x) <= 5)]
            acronyms = [x for x in a["aliases"] if x.isupper() and len(x) <= 5]
            if long_aliases:
                self.matcher.add(a["id"], list(nlp.tokenizer.pipe(long_aliases)))
            if acronyms:
                self.case_matcher.add(a["id"], list(nlp.tokenizer.pipe(acronyms)))
        self.default_actor1 = {sub: ident for sub, ident in data["default_actor1"].items() if not sub.startswith("_")}
        self.force_nouns = {n.lower() for n in dem["force_nouns"]}
        self.group_words = set(data["group_words"])
        self.country_words: dict[str, str] = {}
        self.people_words: set[str] = set()  # "Russians": its forces as the doer of an armed deed only
        self.country_adjectives: set[str] = set()
        self.military: dict[str, str] = {}
        for code, c in dem["countries"].items():
            for w in c["adjectives"] + c["names"]:
                self.country_words[w.lower()] = code
            for a in c["adjectives"]:
                if people := _people(a):
                    self.country_words[people.lower()] = code
                    self.people_words.add(people.lower())
            self.country_adjectives.update(w.lower() for w in c["adjectives"])
            if c.get("military"):
                self.military[code] = c["military"]
        self.military_names = dem["military_names"]
        self.vocab = nlp.vocab
        self._last_spans: tuple = (None, [])
        # extraction parses without NER (half the parse cost); it runs here only when a sentence may name a group
        self.ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None

    def military_of(self, country: str, alias: str) -> tuple[str, str | None, int | None]:
        """(name, id, inter) of a country's military forces."""
        if country in self.military:
            e = self.entries[self.military[country]]
            return e.name, e.id, e.inter
        return self.military_names.get(country, f"Military Forces of {country}"), None, 1

    def with_default_actor1(self, found: tuple[ActorRef, ...], sub_event_type: str) -> tuple[ActorRef, ...]:
        """A rally whose text names no doer still has one: ACLED's protesters (rioters for a violent
        demonstration).  Only when no actor 1 was found; a named one always wins."""
        ident = self.default_actor1.get(sub_event_type)
        if ident is None or any(a.role == "actor1" for a in found):
            return found
        e = self.entries[ident]
        return (ActorRef(e.name, "actor1", e.id, "", e.inter, f"no doer named: a {sub_event_type.lower()}'s own"),
                *found)

    # ---------------------------------------------------------------- matching
    def spans(self, sent: Span) -> list[tuple[Span, CatalogueEntry | None, str, str | None]]:
        """(span, catalogue entry or None, name, country) for every actor phrase in the sentence.

        Asked several times per sentence (each trigger, each candidate place): the last
        sentence's answer is kept.
        """
        key = (id(sent.doc), sent.start, sent.end)
        if self._last_spans[0] != key:
            self._last_spans = (key, self._find_spans(sent))
        return self._last_spans[1]

    def _find_spans(self, sent: Span) -> list[tuple[Span, CatalogueEntry | None, str, str | None]]:
        out: list[tuple[Span, CatalogueEntry | None, str, str | None]] = []
        taken: set[int] = set()
        # matchers run on the span itself (no copy of the sentence) and answer in document positions
        o = sent.start
        matches = [(m, s - o, e - o) for m, s, e in [*self.matcher(sent), *self.case_matcher(sent)]]
        matches.sort(key=lambda x: (-(x[2] - x[1]), x[1]))  # longest first
        for match_id, s, e in matches:
            if any(i in taken for i in range(s, e)):
                continue
            taken.update(range(s, e))
            entry = self.entries[self.vocab.strings[match_id]]
            out.append((sent[s:e], entry, entry.name, entry.country))
        # demonym or possessive country + force noun: "Ukrainian drones", "Russia's military"
        for tok in sent:
            i = tok.i - sent.start
            if i in taken:
                continue
            code = self.country_words.get(tok.text.lower().removesuffix("'s"))
            if code is None:
                continue
            head = self._force_head(tok, sent)
            if head is None and tok.dep_ in ("nsubj", "pobj", "dobj") and tok.lower_ not in self.country_adjectives \
                    and (tok.dep_ == "nsubj" or tok.head.dep_ == "agent" or self._accused(tok)):
                head = tok  # "Russia launched drones", "struck by Russia", "accused Russia of shelling": its forces
            if head is not None:
                span = sent[min(i, head.i - sent.start) : max(i, head.i - sent.start) + 1]
                if any(j in taken for j in range(span.start - sent.start, span.end - sent.start)):
                    continue
                taken.update(range(span.start - sent.start, span.end - sent.start))
                name, aid, inter = self.military_of(code, span.text)
                entry = self.entries.get(aid) if aid else CatalogueEntry(f"{code.lower()}-military", name, inter, code)
                out.append((span, entry, name, code))
        return out

    def _force_head(self, tok: Token, sent: Span) -> Token | None:
        """The force or weapon noun a country word names ("Ukrainian drones", "Russia's military"): its head
        in the parse, a noun; or, for an adjective, the noun right after it when the parse lost the link
        ("killed by Russian shelling" read with "Russian" as a noun)."""
        head = tok.head
        if head.pos_ in NOUN_POS and (head.lower_ in self.force_nouns or head.lemma_.lower() in self.force_nouns):
            return head
        nxt = tok.nbor(1) if tok.i + 1 < sent.end else None
        if tok.lower_ in self.country_adjectives and nxt is not None and nxt.lower_ in self.force_nouns:
            return nxt
        return None

    # ------------------------------------------------------------------- roles
    @staticmethod
    def _exposed(verb: Token) -> bool:
        """"came under fire", "was under attack": the verb's subject is what the act is aimed at."""
        return any(c.dep_ == "prep" and c.lower_ in EXPOSURE_PREPS for c in verb.children)

    @staticmethod
    def _patient(root: Token, trigger: Token, speech_heads: set[int]) -> bool:
        """The actor is what a verb of the deed's clause is done to: "soldiers were killed by shelling",
        "the shelling wounded soldiers", "troops came under fire"."""
        named = root.dep_ in NAME_MODIFIER_DEPS and root.head.pos_ in NOUN_POS
        if named:
            root = root.head  # "two Hezbollah members were killed": the members are the patient, so is the name
        if trigger.lemma_.lower() in FORCE_OBJECT_VERBS:
            return False  # a force deployed is the party of its own change
        # "three soldiers killed in a drone attack" (a headline's reduced passive): the participle's patient
        if any(c.dep_ == "acl" and c.tag_ == "VBN" and ActorFinder._deed_of_clause(c, trigger) for c in root.children):
            return True
        verb = root.head
        if verb.i in speech_heads or verb.pos_ not in ("VERB", "AUX"):
            return False
        if named and not ActorFinder._deed_of_clause(verb, trigger):
            return False  # "embraced the US drone programme, overseeing strikes": the verb is no part of the deed
        related = verb.i == trigger.i or verb.is_ancestor(trigger) or trigger.is_ancestor(verb)
        if not related:
            return False
        return root.dep_ in PATIENT_DEPS or (root.dep_ == "nsubj" and ActorFinder._exposed(verb))

    @staticmethod
    def _deed_of_clause(verb: Token, trigger: Token) -> bool:
        """The clause's verb tells the deed: it is the trigger, or the trigger names what did it (its subject,
        its "by" agent, a phrase such as "killed in an airstrike")."""
        if verb.i == trigger.i:
            return True
        below = next((t for t in [trigger, *trigger.ancestors] if t.head.i == verb.i and t.i != verb.i), None)
        return below is not None and (below.dep_ in CLAUSE_DEED_DEPS
                                      or (below.dep_ == "prep" and below.lower_ in DEED_PREPOSITIONS))

    @staticmethod
    def _protest_counterpart(root: Token, trigger: Token) -> bool:
        """A party of the verb the protest's word hangs on, on the other side of it: "police detained
        protesters", "police broke up the rally", "protesters clashed with police"."""
        if root.i == trigger.i:
            return False
        word = trigger
        while word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ in (*NOUN_POS, "NUM"):
            word = word.head.head  # "detained thousands of protesters": the count stands in the clause
        verb = word.head if word.dep_ in PATIENT_DEPS | {"nsubj", "pobj"} else None
        if verb is not None and word.dep_ == "pobj":
            verb = verb.head  # "fired on protesters": the verb above the preposition
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return False
        if root.dep_ == "nsubj" and root.head.i == verb.i:
            return word.dep_ != "nsubj"
        return word.dep_ == "nsubj" and root.dep_ == "pobj" and root.head.head.i == verb.i

    @staticmethod
    def _named_doer(root: Token, trigger: Token) -> bool:
        """"Officials blamed X for the shelling", "accused X of killing", "credited X with capturing": the
        object of an attribution verb is named as the doer of the deed its for/of/with phrase tells."""
        verb = root.head
        if root.dep_ != "dobj" or verb.lemma_.lower() not in ATTRIBUTION_VERBS:
            return False
        return any(c.dep_ == "prep" and c.lower_ in ATTRIBUTION_PREPS and (c.i == trigger.i or c.is_ancestor(trigger))
                   for c in verb.children)

    @staticmethod
    def _accused(tok: Token) -> bool:
        """The object of an attribution verb with a deed phrase ("accused Russia of shelling", "blamed Kyiv
        for the attack"): named as the doer of that deed, as ``_named_doer`` reads it."""
        verb = tok.head
        return tok.dep_ == "dobj" and verb.lemma_.lower() in ATTRIBUTION_VERBS and any(
            c.dep_ == "prep" and c.lower_ in ATTRIBUTION_PREPS for c in verb.children)

    @staticmethod
    def _support_subject(root: Token, trigger: Token) -> bool:
        """"Kyiv staged a drone attack", "the army carried out strikes": the subject of a verb of doing
        whose object is the deed is its doer (the deed noun is the object, so the subject's path
        never passes through it)."""
        verb = root.head
        deed = trigger.head if trigger.dep_ in ("compound", "amod") else trigger  # "a [drone] attack"
        return (root.dep_ == "nsubj" and deed.dep_ == "dobj" and deed.head.i == verb.i
                and (verb.lemma_.lower() in SUPPORT_VERBS or verb.lower_ in SUPPORT_FORMS))

    @staticmethod
    def _speaker_itself(subject: Token) -> bool:
        """The subject of a reported deed is the speaker's own side: "it", or "its air force", "their troops"."""
        return subject.lower_ in SELF_PRONOUNS or any(
            c.dep_ == "poss" and c.lower_ in SELF_POSSESSIVES for c in subject.children)

    @staticmethod
    def _role(span: Span, trigger: Token, speech_heads: set[int]) -> str | None:
        root = span.root
        if len(span) == 2 and span[0].head.i != span[1].i and span[1].head.i != span[0].i:
            root = span[1]  # two words the parse left unlinked ("by Russian shelling"): the noun heads the phrase
        if span.start <= trigger.i < span.end:
            return "actor1"  # the phrase names the deed itself ("an Israeli drone strike", "Russian shelling")
        # walk up from the actor to the trigger, noting the relation on the way
        chain = [root, *root.ancestors]
        if trigger in chain:
            path = chain[: chain.index(trigger) + 1]
            deps = [t.dep_ for t in path[:-1]]
            if deps and deps[-1] == "nsubjpass" and trigger.lemma_.lower() in FORCE_OBJECT_VERBS:
                return "actor1"
            if deps and deps[-1] in SUBJECT_DEPS and path[-2].dep_ != "nsubjpass":
                return "actor2" if len(path) == 2 and ActorFinder._exposed(trigger) else "actor1"
            if any(d in AGENT_DEPS for d in deps):
                return "actor1"
            if deps and deps[-1] in ("poss", "amod", "compound", "nmod"):
                return "actor1"
            if deps and deps[-1] in ("nsubjpass", "dobj"):
                return "actor2"
            if len(path) >= 3 and path[-2].dep_ == "prep" and path[-2].lower_ in TARGET_PREPS:
                return "actor2"
            if len(path) >= 3 and path[-2].dep_ == "prep" and path[-2].lower_ in AGENT_PREPOSITIONS:
                return "actor1"
            if deps and deps[-1] in ("prep", "pobj"):
                # "clashed with X": the other side; "attacked by X", "fire from X": the doer
                return "actor1" if path[-2].lower_ in AGENT_PREPOSITIONS else "actor2"
            return "actor1"
        # "gunmen entered the campus and shot at soldiers": coordinated verbs share the first one's subject
        if trigger.dep_ == "conj" and trigger.head in chain and root.dep_ == "nsubj" and root.head.i == trigger.head.i \
                and not any(c.dep_ in SUBJECT_DEPS for c in trigger.children):
            return "actor1"
        if ActorFinder._named_doer(root, trigger) or ActorFinder._support_subject(root, trigger):
            return "actor1"
        if ActorFinder._patient(root, trigger, speech_heads):
            return "actor2"
        # the actor speaks: it is a claimant, unless what it says is its own action
        for t in chain:
            if t.i in speech_heads:
                if trigger.is_ancestor(t) or t.is_ancestor(trigger):
                    # "X announced/claimed raids": the announcer owns the action
                    if root.dep_ in SUBJECT_DEPS and t.lemma_.lower() in OWN_ACTION_VERBS:
                        return "actor1"
                    # "X said it took the village in a raid": X reports its own action
                    if root.dep_ in SUBJECT_DEPS and t.is_ancestor(trigger):
                        # only the verb that does the trigger: "it took the village in a raid" (not
                        # "they could not organise ..., accusing Russia of shelling")
                        verb = trigger if trigger.pos_ == "VERB" else next(
                            (a for a in trigger.ancestors if a.pos_ == "VERB"), None)
                        if verb is not None and verb != t and any(
                                c.dep_ == "nsubj" and ActorFinder._speaker_itself(c) for c in verb.children):
                            return "actor1"
                return None
        # actor modifies the weapon that is the subject/agent of the trigger ("Ukrainian drones struck"); a
        # passive subject is what was done to ("two Hezbollah members were killed by ...")
        if root.head.dep_ in {"nsubj", "csubj", "pobj"} and root.dep_ in ("amod", "compound", "poss") \
                and root.head.lemma_.lower() not in SOURCE_NOUNS and root.head.lower_ not in SOURCE_NOUNS:
            return "actor1"  # not "according to Russian military reports": whose account, not who did it
        return None

    def _named_organisations(self, sent: Span, trigger: Token, speech_heads: set[int],
                             known: list[ActorRef]) -> list[ActorRef]:
        """Groups the catalogue lacks, from NER, when the parse makes them the doer of the trigger."""
        taken = {a.alias.lower() for a in known}
        catalogued = [s for s, *_ in self.spans(sent)]
        out: list[ActorRef] = []
        if not sent.doc.has_annotation("ENT_IOB"):
            uncatalogued = [t for t in sent if t.lower_ in self.group_words
                            and any(w.is_title and w.i > sent.start for w in sent.doc[max(sent.start, t.i - 3):t.i + 1])
                            and not any(c.start <= t.i < c.end for c in catalogued)]
            if not uncatalogued or self.ner is None:
                return out  # no capitalised group word the catalogue lacks: NER could add no one
            self.ner(sent.doc)
        for ent in sent.ents:
            if ent.label_ != "ORG" or ent.text.lower() in taken:
                continue
            local = (ent.start - sent.start, ent.end - sent.start)
            if any(c.start < local[1] and local[0] < c.end for c in catalogued):
                continue
            if not any(t.lower_ in self.group_words for t in ent):
                continue  # "AFP", "Oxford Street", "World Trade Center": not an armed or organised group
            role = self._role(ent, trigger, speech_heads)
            if role != "actor1":
                continue  # a speaker, a source, a target building, or a name in passing
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            out.append(ActorRef(name, role, None, ent.text, None,
                                f"'{ent.text}' (organisation named in the text, not in the catalogue) as {role}"))
        return out

    @staticmethod
    def _named_generics(spans: list) -> dict[int, int]:
        """Generic doers a catalogue name modifies ("Islamic State militants", "the Houthi rebels"): the
        generic span's index -> the name's; the name says who the militants are."""
        out: dict[int, int] = {}
        for g, (gspan, gentry, *_rest) in enumerate(spans):
            if gentry is None or gentry.id != GENERIC_ACTOR:
                continue
            inside = {t.i for t in gspan}
            for n, (nspan, nentry, *_rest2) in enumerate(spans):
                if n != g and nentry is not None and nentry.id != GENERIC_ACTOR \
                        and any(t.head.i in inside and t.i not in inside for t in nspan):
                    out[g] = n
                    break
        return out

    def find(self, sent: Span, trigger: Token, speech_heads: set[int],
             other_deeds: frozenset[int] = frozenset(), protest: bool = False,
             faced: bool = False) -> tuple[ActorRef, ...]:
        """The actors of the deed ``trigger`` names; ``other_deeds``: the trigger positions of the sentence's
        other deeds (a phrase that names one of them, "Russian shelling", is that deed's party).  ``faced``: a
        demonstration whose own people are actor 1 (ACLED: protesters or rioters), so a force that acted on
        them or fought them is actor 2."""
        found: list[ActorRef] = []
        seen: set[str] = set()
        elsewhere: set[str] = set()  # associates whose phrase is another deed of the sentence
        spans = self.spans(sent)
        named_by = self._named_generics(spans)
        for i, (span, entry, name, _country) in enumerate(spans):
            if i in named_by:
                continue  # "Islamic State militants": the group its name gives, not unidentified militants
            role = self._role(span, trigger, speech_heads)
            generic = next((spans[g][0] for g, n in named_by.items() if n == i), None)
            if generic is not None:
                if role in (None, "assoc_actor_1"):
                    role = self._role(generic, trigger, speech_heads) or role  # the name stands in its noun's place
                span = sent.doc[min(span.start, generic.start):max(span.end, generic.end)]  # "Taliban gunmen"
            if len(span) == 1 and span[0].lower_ in self.country_words and role != "actor1":
                continue  # a country or capital named alone is its forces only as the doer; else a place
            if protest and len(span) == 1 and span[0].lower_ in self.people_words:
                continue  # "Russians protested": people rallying, not their country's forces
            if role is None and faced and entry is not None and entry.id not in ("civilians", "protesters") \
                    and self._protest_counterpart(span.root, trigger):
                role = "actor2"
            if role is None:
                # catalogue groups and forces named in an event sentence are at least associated
                if entry is None or entry.id in ("civilians", "protesters", "police", "unidentified"):
                    continue
                root = span.root
                if any(t.i in speech_heads for t in [root, *root.ancestors][:2]) and root.dep_ in SUBJECT_DEPS:
                    continue  # a speaker, not a doer
                if any(t.lower_ == "according" and t.dep_ == "prep" for t in root.ancestors):
                    continue  # "according to Russian military reports": whose account, not a party to the deed
                role = "assoc_actor_1"
                if any(t.i in other_deeds for t in span):
                    elsewhere.add(name)
            if role == "actor1" and entry is not None and entry.inter == 7:
                role = "actor2"  # civilians are the target of violence, not its doer
            key = name + role
            if key in seen or any(a.name == name for a in found):
                continue
            seen.add(key)
            found.append(
                ActorRef(
                    name=name,
                    role=role,
                    id=entry.id if entry else None,
                    alias=span.text,
                    inter=entry.inter if entry else None,
                    reason=f"'{span.text}' as {role} of '{trigger.text}'",
                )
            )
        found += self._named_organisations(sent, trigger, speech_heads, found)
        # an actor1 must exist before an associate: the first associate is promoted, unless its phrase names
        # another deed of the sentence ("Russia denies targeting civilians, but ... killed by Russian
        # shelling"): it is that deed's doer, no party to this one, and goes
        found = [a for a in found if a.role != "assoc_actor_1" or a.name not in elsewhere]
        if found and not any(a.role == "actor1" for a in found):
            first = next((a for a in found if a.role == "assoc_actor_1"), None)
            if first is not None:
                found[found.index(first)] = ActorRef(
                    first.name, "actor1", first.id, first.alias, first.inter, first.reason + " (only named party)"
                )
        return tuple(found)
