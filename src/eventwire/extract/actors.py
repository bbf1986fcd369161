"""Actors of an event sentence and their roles, from a catalogue and the parse.

Names come from the catalogue (aliases → ACLED-style name) and from demonym
phrases ("Ukrainian drones" → the military forces of Ukraine); the role comes
from syntax (``actor_roles``): the doer of the trigger (active subject, passive
"by"-agent, possessive or adjective on the trigger or its weapon) is actor1, its
target actor2.  Whoever only *speaks* ("X said", "according to X") is a
claimant, not an actor.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token

from eventwire.data import country_words, load_json
from eventwire.extract.actor_roles import (NOUN_POS, SELF_POSSESSIVES, SOURCE_NOUNS, SUBJECT_DEPS, accused, acted_on,
                                          deed_noun, protest_counterpart, role_of)
from eventwire.extract.speakers_group import speakers_group
from eventwire.extract.state_forces import GENERIC_ACTOR, STATE_FORCES, bare_force_spans
from eventwire.extract.types_base import SPEECH_LEMMAS, phrase_end, phrase_noun
from eventwire.extract.vocab import words
from eventwire.model import ActorRef

# the most words a country's name has in the demonyms table ("Democratic Republic of Congo")
MAX_NAME_WORDS = 5
# "the RSF-controlled town", "Iran-backed militias": a name before these tails holds or backs something,
# it does not act in the deed ("a Saudi-led coalition" is led by its name, who acts: not one of them)
HOLDER_TAILS = words("place_words", "allegiance_tails") - {"led"}
# ACLED's interaction codes of a crowd: rioters (5) and protesters (6)
CROWD_INTERS = (5, 6)
# "killed in a clash with X", "fighting against X": the preposition that names the other side of a deed
OPPONENT_PREPOSITIONS = words("function_words", "opponent_prepositions")
SUFFERING_VERBS = words("event_words", "suffering_verbs")


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    name: str
    inter: int | None
    country: str | None


STATE_FORCE_ENTRY = CatalogueEntry(STATE_FORCES, "Military Forces", 1, None)


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
        people = {p.lower(): code for code, c in dem["countries"].items() for a in c["adjectives"] if (p := _people(a))}
        self.people_words = set(people)  # "Russians": its forces as the doer of an armed deed only
        self.country_words: dict[str, str] = {**people, **country_words()}
        self.country_adjectives: set[str] = set()
        self.military: dict[str, str] = {}
        for code, c in dem["countries"].items():
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

    def named_military(self, country: str) -> tuple[str, str | None, int | None] | None:
        """``military_of`` for a country whose forces the catalogue or ``military_names`` names; else None
        (no actor is better than one named by a country code)."""
        return self.military_of(country, "") if country in self.military or country in self.military_names else None

    def with_default_actor1(self, found: tuple[ActorRef, ...], sub_event_type: str) -> tuple[ActorRef, ...]:
        """A rally whose text names no doer still has one: ACLED's protesters (rioters for a violent
        demonstration).  Only when no actor 1 was found; a named one always wins.  A crowd the sentence
        names is its demonstration's actor 1 whatever its place in the parse (``crowd_first``)."""
        ident = self.default_actor1.get(sub_event_type)
        if ident is None:
            return found
        found = crowd_first(found)
        if any(a.role == "actor1" for a in found):
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
            found = self._country_ending_at(tok, sent)
            if found is None:
                continue
            code, first = found
            i = first - sent.start  # a name of several words starts before its last ("United States military")
            head = self._force_head(tok, sent)
            if head is None and tok.dep_ in ("nsubj", "pobj", "dobj") and tok.lower_ not in self.country_adjectives \
                    and (tok.dep_ == "nsubj" or tok.head.dep_ == "agent" or accused(tok)):
                head = tok  # "Russia launched drones", "struck by Russia", "accused Russia of shelling": its forces
            if head is not None:
                span = sent[min(i, head.i - sent.start) : max(i, head.i - sent.start) + 1]
                generic = next((n for n, (s, entry, *_rest) in enumerate(out) if entry.country is None
                                and entry.id != GENERIC_ACTOR and s.start <= head.i < s.end and i not in taken), None)
                if generic is not None:  # "Pakistani security forces": the country's, not any security forces
                    span = sent.doc[min(tok.i, out[generic][0].start):max(head.i + 1, out[generic][0].end)]
                    out[generic] = self._forces(span, code)
                    taken.update(range(span.start - sent.start, span.end - sent.start))
                    continue
                if any(j in taken for j in range(span.start - sent.start, span.end - sent.start)):
                    continue
                taken.update(range(span.start - sent.start, span.end - sent.start))
                out.append(self._forces(span, code))
        out += [self._forces(span, code) for span, code in self._speakers_own_forces(sent, taken)]
        # "soldiers killed three rebels": a state's forces without their country, given one with the deed's place
        hits = sent._.type_hits if Span.has_extension("type_hits") else None  # none when run without the parser
        deed_words = frozenset(t.i for h in hits or () for t in
                               sent.doc[h.trigger.i: phrase_end(h.trigger, h.trigger_text).i + 1])
        return out + [(span, STATE_FORCE_ENTRY, STATE_FORCE_ENTRY.name, None)
                      for span in bare_force_spans(sent, taken, deed_words)]

    def _country_ending_at(self, tok: Token, sent: Span) -> tuple[str, int] | None:
        """(country code, first token's position) of a country word or name ending at ``tok``: 'Ukrainian',
        'Russia's', 'United States', 'Central African Republic'; else None."""
        code = self.country_words.get(tok.text.lower().removesuffix("'s"))
        if code is not None or not tok.is_title:
            return (code, tok.i) if code is not None else None  # a name's last word is capitalised ("States")
        for k in range(1, MAX_NAME_WORDS):
            words_ = sent.doc[max(tok.i - k, sent.start): tok.i + 1]
            code = self.country_words.get(words_.text.lower()) if " " in words_.text else None
            if code is not None:
                return code, words_.start
        return None

    def _forces(self, span: Span, code: str) -> tuple[Span, CatalogueEntry, str, str]:
        """The actor phrase of a country's forces: the catalogue's entry, or one made for a country it lacks."""
        name, aid, inter = self.military_of(code, span.text)
        return span, self.entries.get(aid) if aid else CatalogueEntry(f"{code.lower()}-military", name, inter, code), \
            name, code

    def _speakers_own_forces(self, sent: Span, taken: set[int]) -> list[tuple[Span, str]]:
        """"Russia's defence ministry said its forces had shelled ...": 'its forces' are the forces of the
        country whose institution said so (the subject of the speech verb above them names the country)."""
        out = []
        for tok in sent:
            head = tok.head
            if tok.lower_ not in SELF_POSSESSIVES or tok.dep_ != "poss" or tok.i - sent.start in taken \
                    or not (head.lower_ in self.force_nouns or head.lemma_.lower() in self.force_nouns):
                continue
            said = head.head.head if head.dep_ == "nsubj" and head.head.dep_ == "ccomp" else None  # its reported clause's
            said = said if said is not None and said.lemma_.lower() in SPEECH_LEMMAS else None  # doer, nothing nearer
            who = next((c for c in said.children if c.dep_ == "nsubj"), None) if said is not None else None
            code = next((self.country_words.get(t.text.lower().removesuffix("'s")) for t in (who.subtree if who else ())
                         if self.country_words.get(t.text.lower().removesuffix("'s"))), None)
            if code is not None:
                taken.update(range(tok.i - sent.start, head.i - sent.start + 1))
                out.append((sent.doc[tok.i: head.i + 1], code))
        return out

    def _force_head(self, tok: Token, sent: Span) -> Token | None:
        """The force or weapon noun a country word names ("Ukrainian drones", "Russia's military"): its head
        in the parse, a noun; or, for an adjective, the noun right after it when the parse lost the link
        ("killed by Russian shelling" read with "Russian" as a noun)."""
        head = tok.head
        if head.pos_ in NOUN_POS and (head.lower_ in self.force_nouns or head.lemma_.lower() in self.force_nouns):
            return head
        nxt = tok.nbor(1) if tok.i + 1 < sent.end else None
        if nxt is None or nxt.lower_ not in self.force_nouns:
            return None
        if tok.lower_ in self.country_adjectives:
            return nxt
        # "a Myanmar military air strike": a country's name before its force noun, both modifying the deed
        return nxt if tok.dep_ in ("compound", "nmod", "amod") and nxt.dep_ in ("compound", "nmod", "amod") \
            and nxt.head.i == tok.head.i else None

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
            role = role_of(ent, trigger, speech_heads)
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
                if n != g and nentry is not None and nentry.id != GENERIC_ACTOR and (_member_of(nspan, inside) or any(
                        t.head.i in inside and t.i not in inside or _leader_of(t, inside) for t in nspan)):
                    out[g] = n
                    break
        return out

    def find(self, sent: Span, trigger: Token, speech_heads: set[int],
             other_deeds: frozenset[int] = frozenset(), protest: bool = False,
             faced: bool = False, trigger_text: str = "") -> tuple[ActorRef, ...]:
        """The actors of the deed ``trigger`` names; ``other_deeds``: the trigger positions of the sentence's
        other deeds (a phrase that names one of them, "Russian shelling", is that deed's party).  ``faced``: a
        demonstration whose own people are actor 1 (ACLED: protesters or rioters), so a force that acted on
        them or fought them is actor 2.  ``trigger_text``: the deed's whole phrase ("air strikes"), whose
        noun the parties' roles are read from (``actor_roles.deed_noun``)."""
        deed = deed_noun(trigger, trigger_text or trigger.text)
        found: list[ActorRef] = []
        seen: set[str] = set()
        elsewhere: set[str] = set()  # associates whose phrase is another deed of the sentence
        opposed: set[str] = set()  # the other side of the deed ("a clash with X")
        spans = self.spans(sent)
        named_by = self._named_generics(spans)
        for i, (span, entry, name, _country) in enumerate(spans):
            if i in named_by:
                continue  # "Islamic State militants": the group its name gives, not unidentified militants
            role = role_of(span, deed, speech_heads)
            generic = next((spans[g][0] for g, n in named_by.items() if n == i), None)
            if generic is not None:
                if role in (None, "assoc_actor_1"):
                    role = role_of(generic, deed, speech_heads) or role  # the name stands in its noun's place
                span = sent.doc[min(span.start, generic.start):max(span.end, generic.end)]  # "Taliban gunmen"
            if len(span) == 1 and span[0].lower_ in self.country_words and role != "actor1":
                continue  # a country or capital named alone is its forces only as the doer; else a place
            if holder_only(span):
                continue  # "the RSF-controlled town", "Iran-backed militias": who holds or backs, no party
            if role == "actor1" and (any(t.i in other_deeds for t in span) or _names_other_deed(span.root, other_deeds)):
                continue  # "fired rockets hours after Israeli air strikes killed three": the strikes' doer
            if protest and len(span) == 1 and span[0].lower_ in self.people_words:
                continue  # "Russians protested": people rallying, not their country's forces
            if role is None and faced and entry is not None and entry.id not in ("civilians", "protesters") \
                    and protest_counterpart(span.root, trigger):
                role = "actor2"
            if role is None:
                # catalogue groups and forces named in an event sentence are at least associated
                if entry is None or entry.id in ("civilians", "protesters", "police", "unidentified", STATE_FORCES):
                    continue
                root = phrase_noun(span.root)  # "Taliban officials said": the name qualifies the speaker
                if any(t.i in speech_heads for t in [root, *root.ancestors][:2]) and root.dep_ in SUBJECT_DEPS:
                    continue  # a speaker, not a doer
                if any(t.lower_ == "according" and t.dep_ == "prep" for t in root.ancestors) or _source_of(root):
                    continue  # "according to Russian military reports", "a source from Russia's security forces"
                role = "assoc_actor_1"
                if any(t.i in other_deeds for t in span) or acted_on(span.root, trigger, other_deeds):
                    elsewhere.add(name)  # "Russian shelling", "air defences shot down ...": the other deed's party
            if role == "actor1" and entry is not None and entry.inter == 7:
                role = "actor2"  # civilians are the target of violence, not its doer
            key = name + role
            if key in seen or any(a.name == name for a in found):
                continue
            seen.add(key)
            if role == "actor2" and _opponent(span.root, deed):
                opposed.add(name)
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
        found = list(speakers_group(tuple(_opponent_does(found, opposed, deed)), spans, deed, speech_heads))
        found += self._named_organisations(sent, trigger, speech_heads, found)
        # an actor1 must exist before an associate: the first associate is promoted, unless its phrase names
        # another deed of the sentence ("Russia denies targeting civilians, but ... killed by Russian
        # shelling"): it is that deed's doer, no party to this one, and goes
        found = [a for a in found if a.role != "assoc_actor_1" or a.name not in elsewhere]
        # (in a demonstration only a crowd: "the protest followed fighting with M23 rebels" is the crowd's)
        if found and not any(a.role == "actor1" for a in found):
            first = next((a for a in found if a.role == "assoc_actor_1" and (not faced or a.inter in CROWD_INTERS)),
                         None)
            if first is not None:
                found[found.index(first)] = ActorRef(
                    first.name, "actor1", first.id, first.alias, first.inter, first.reason + " (only named party)"
                )
        return tuple(found)


def _leader_of(tok: Token, generic: set[int]) -> bool:
    """'Insurgents led by Hayat Tahrir al-Sham': the name is the 'by' agent of 'led' on the generic noun, so
    it says who the insurgents are (not 'backed by', a supporter)."""
    agent = tok.head
    led = agent.head
    return tok.dep_ == "pobj" and agent.dep_ == "agent" and led.lemma_.lower() == "lead" and led.dep_ == "acl" \
        and led.head.i in generic


def _source_of(root: Token) -> bool:
    """"A source from Russia's security forces told TASS": the phrase says whose man spoke, no party."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "from" and (
        prep.head.lemma_.lower() in SOURCE_NOUNS or prep.head.lower_ in SOURCE_NOUNS)


def _names_other_deed(root: Token, other_deeds: frozenset[int]) -> bool:
    """The phrase modifies another deed of the sentence ("Israeli air strikes", its trigger 'air' or the
    noun 'air' is part of): it names that deed's doer."""
    if root.dep_ not in ("amod", "compound", "poss", "nmod") or not other_deeds:
        return False
    doc = root.doc
    for i in other_deeds:
        t = doc[i]
        while True:
            if t.i == root.head.i:
                return True
            if t.dep_ != "compound" or t.head.i <= t.i:
                break
            t = t.head
    return False


def _opponent(root: Token, trigger: Token) -> bool:
    """The phrase is the object of 'with'/'against' on the deed itself: "a clash with Azerbaijani forces"."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in OPPONENT_PREPOSITIONS and prep.head.i == trigger.i


def _opponent_does(found: list[ActorRef], opposed: set[str], deed: Token) -> list[ActorRef]:
    """"Three Armenian soldiers were killed in a clash with Azerbaijani forces", "he was killed in a gun
    battle with police": the side that suffered is actor 2, or a person the catalogue does not hold, and so
    the other side of the fight is actor 1 (it is actor 2 only against a doer the sentence names:
    "Ukrainian troops clashed with Russian forces")."""
    if any(a.role == "actor1" for a in found) or not opposed:
        return found
    suffered = deed.dep_ == "pobj" and deed.head.lower_ == "in" and deed.head.head.lemma_.lower() in SUFFERING_VERBS
    if not suffered and not any(a.role == "actor2" and a.name not in opposed for a in found):
        return found
    return [replace(a, role="actor1", reason=a.reason + " (the other side of a fight its party suffered: actor 1)")
            if a.role == "actor2" and a.name in opposed else a for a in found]


def holder_only(span: Span) -> bool:
    """The phrase only says who holds or backs the noun after it ("RSF-controlled", "Iran-backed"), or before
    it ("rebels backed by Rwanda", "militias controlled by the army": the 'by' agent of such a clause)."""
    doc = span.doc
    end = span.end
    root = span.root
    agent = root.head
    return end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text == "-" \
        and not doc[end].whitespace_ and doc[end + 1].lower_ in HOLDER_TAILS \
        or root.dep_ == "pobj" and agent.dep_ == "agent" and agent.head.dep_ == "acl" \
        and agent.head.lower_ in HOLDER_TAILS


def crowd_first(found: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """In a demonstration ACLED's actor 1 is always the crowd and whoever acts on it actor 2, whichever of
    them the sentence makes the subject: "police dispersed the protesters" names the police as the doer of
    the dispersal, but the event is the protest, and the police its counterpart."""
    crowd = next((a for a in found if a.role in ("actor1", "actor2") and a.inter in CROWD_INTERS), None)
    if crowd is None:
        return found
    out = []
    for a in found:
        if a is crowd and a.role != "actor1":
            a = replace(a, role="actor1", reason=a.reason + " (the crowd is a demonstration's actor 1)")
        elif a is not crowd and a.role == "actor1" and a.inter not in CROWD_INTERS:
            a = replace(a, role="actor2", reason=a.reason + " (acted on the crowd: actor 2)")
        out.append(a)
    return tuple(sorted(out, key=lambda a: a.role != "actor1"))  # actor 1 first, as every finder gives it


def _member_of(name: Span, generic: set[int]) -> bool:
    """'Gunmen from the CODECO militia', 'fighters of the Arakan Army': the group whose members the generic
    doer is, named in a 'from' or 'of' phrase on it, says who they are."""
    noun = name.root
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head  # "the CODECO militia": the phrase's noun
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("from", "of") and prep.head.i in generic
