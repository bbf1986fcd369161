"""Step 4 of ``extract.types``: the sentence as a whole.

A protest is re-typed by its outcome (protesters' violence, lethal force, intervention) and absorbs
the arrests, clashes and tear gas that belong to it; ``best`` picks the most salient hit.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.extract.types_base import (
    BEFORE_PREPOSITIONS,
    MOB_VIOLENCE,
    ONSET_NOUNS,
    PEACEFUL,
    PROTEST_PARTS,
    RIOTS,
    SPECIFIC,
    VIOLENT_DEMONSTRATION,
    TypeHit,
    phrase_end,
)

# plural personal pronouns as subjects: the doer is who they point back to
THEY = frozenset({"they", "them"})


class Protests:
    """Step 4 of ``extract.types``: the sentence as a whole."""

    def protest_outcome(self, sents) -> tuple[str, str, str] | None:
        """(event type, sub-type, cue) of a protest from the cues in these sentences, or None when peaceful.
        A cue word of an earlier deed told in passing ("the protest came a week after police shot two
        students", "relatives of the victims of last year's massacre") is no outcome of this protest."""
        for sub in self.outcome_order:
            lemmas = self.outcome_lemmas[sub]
            not_after = set(self.outcomes[sub].get("not_after", ()))
            not_phrases = set(self.outcomes[sub].get("not_phrases", ()))
            for sent in sents:
                # read in its text, not copied out of it: 'they' points back to an earlier sentence
                span = sent if isinstance(sent, Span) else sent[:]
                doc = span.doc
                masked = set()
                for match_id, s, e in self.instrument_phrases(span):
                    if self.instruments[int(self.vocab.strings[match_id])].get("sub_event_type") is None:
                        masked.update(range(s, e))
                for match_id, s, e in self.outcome_phrases(span):
                    if self.vocab.strings[match_id] == sub:
                        return self.outcomes[sub]["event_type"], sub, doc[s:e].text
                for t in span:
                    if (t.lemma_.lower() in lemmas or t.lower_ in lemmas) and not self.kinds.is_calendar(t):
                        if sub != "Protest with intervention" and t.i in masked:
                            continue
                        if t.i > span.start and doc[t.i - 1].lower_ in not_after:
                            continue
                        if t.i + 1 < span.end and f"{t.lemma_.lower()} {doc[t.i + 1].lemma_.lower()}" in not_phrases:
                            continue  # 'riot police': a kind of police, not a riot
                        if any(c.dep_ == "neg" for c in t.children) or _no_one(t) or self._blocked(t) or self._topic(t) \
                                or self.background.cue(t, span) or self._before_protest(t):
                            continue
                        return self.outcomes[sub]["event_type"], sub, t.text
                    if t.pos_ == "VERB" and t.lemma_.lower() in self.outcome_doer_lemmas[sub] \
                            and not any(c.dep_ == "dobj" and c.lemma_.lower() in self.symbolic_objects for c in t.children) \
                            and not self._blocked(t) and self._protesters_do(t):
                        return self.outcomes[sub]["event_type"], sub, t.text
                    if t.lemma_.lower() in self.outcome_harmed_lemmas[sub] and not self._blocked(t) \
                            and any(c.dep_ == "nsubjpass" and self._side([c]) == "state" for c in t.children):
                        return self.outcomes[sub]["event_type"], sub, t.text
        return None

    def _purpose_topic(self, verb: Token, below: Token) -> bool:
        """Whether ``verb`` is an infinitive of purpose ('rallied to decry the arrests') whose object is a
        protest's topic.  Not a past tense the parse joined to it ('took to the streets to protest the cuts
        and torched a building': ``below`` is no part of the infinitive), nor the purpose of a force's deed
        ('police fired tear gas to disperse stone-throwing protesters')."""
        return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and verb.dep_ in ("advcl", "xcomp", "acl") \
            and not (below.dep_ == "conj" and below.tag_ == "VBD") and self._side(self._agent(verb.head)) != "state"

    def _before_protest(self, tok: Token) -> bool:
        """'Students rallied after two classmates were killed': a deed in an 'after' adjunct of the protest
        verb (or of what the protesters did as they protested, 'calling for ...') came before the protest,
        its cause and not its outcome.  The nearest 'after' or 'following' decides, as in the background
        reader ('police fired tear gas after protesters threw stones' keeps the stones)."""
        for t in [tok, *tok.ancestors]:
            marks = [t] if t.dep_ == "prep" else [c for c in t.children if c.dep_ == "mark"] if t.pos_ in ("VERB", "AUX") else []
            if not any(m.lower_ in self.background.sequence for m in marks):
                continue
            host = t.head
            while host.tag_ == "VBG" and host.dep_ in ("advcl", "xcomp", "acl") and host.head.i != host.i:
                host = host.head  # "rallied ..., calling for safer roads after ..."
            return any(self.triggers[i].get("sub_event_type") == PEACEFUL
                       for i in self._lemma_concepts.get(host.lemma_.lower(), ()))
        return False

    def _demonstrating(self, hit: TypeHit, at_protest: bool) -> TypeHit:
        """A crowd's violence is a violent demonstration when the crowd is demonstrating: done at or
        during a protest ('a mob injured policemen during the protest') or by a crowd made of
        protesters ('a mob of protesters stormed the office'); ACLED's mob violence is a crowd's
        violence outside a demonstration."""
        if hit.sub_event_type != MOB_VIOLENCE:
            return hit
        head = phrase_end(hit.trigger, hit.trigger_text)  # 'angry crowds': the crowd noun ends the phrase
        crowd = [hit.trigger, head, *self._agent(head)]
        made_of_protesters = any(g.lemma_.lower() in self.protest_participants for t in crowd for c in t.children
                                 if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
        if not (at_protest or made_of_protesters or any(self._protesting(t, self.demonstrators) for t in crowd)):
            return hit
        return TypeHit(hit.trigger, hit.trigger_text, RIOTS, VIOLENT_DEMONSTRATION, hit.concept,
                       f"{hit.reason}; the crowd is demonstrating", hit.weak, hit.weapon)

    def _protesters_do(self, verb: Token) -> bool:
        """Whether the protesters are the doer of this verb (``_agent``: its subject, or the one it shares
        as a conjunct, "attacked a police station and damaged vehicles"): a participant noun, a noun
        a protest verb describes ("students protesting the fee hike"), the subject of a protest verb
        ("residents took to the streets and torched a building"), or 'they' / 'some of them' whose
        antecedent is one of these ("Hundreds of students marched.  Some of them attacked a police car")."""
        agent = self._agent(verb)
        if any(t.dep_ in ("acl", "relcl") and t.lemma_.lower() in self.participant_verbs or self._protesting(t)
               for t in agent):
            return True
        pronoun = next((t for t in agent if t.lower_ in THEY), None)
        antecedent = _antecedent(pronoun) if pronoun is not None else None
        return antecedent is not None and self._protesting(antecedent)

    def _protesting(self, noun: Token, names: set[str] | None = None) -> bool:
        """The noun names protesters: one of ``names`` (the participants: 'demonstrators'), or the subject
        of a protest verb or a noun one describes ('hundreds of students marched', 'crowds protesting the
        verdict')."""
        if noun.lemma_.lower() in (self.protest_participants if names is None else names):
            return True
        verbs = [noun.head] if noun.dep_ == "nsubj" else []
        verbs += [c for c in noun.children if c.dep_ in ("acl", "relcl")]
        return any(self._protest_verb(v) for v in verbs)

    def _protest_verb(self, verb: Token) -> bool:
        """'marched', 'rallied', 'took to the streets': a verb (or the head of a phrase) of protesting."""
        if verb.pos_ != "VERB":
            return False
        if verb.lemma_.lower() in self.participant_verbs or verb.lemma_.lower() in self.protest_lemmas:
            return True
        return any(self.triggers[self._phrase_of[self.vocab.strings[m]][0]].get("sub_event_type") == PEACEFUL
                   and s <= verb.i < e for m, s, e in self.trigger_phrases(verb.sent))

    def _protest(self, hits: list[TypeHit], sents, recalled: frozenset[int] = frozenset()) -> list[TypeHit]:
        """A protest takes its sub-type from its outcome and absorbs the hits that are that outcome, and
        those that are what it is about ("marched to condemn the rape", "rallied against the killings"):
        a deed named as a protest's topic was reported before, the protest is the news."""
        protest = next((h for h in hits if h.sub_event_type == PEACEFUL), None)
        if protest is None:
            return hits
        if _ahead(protest.trigger):
            # "arrested the leader ahead of the rally": the rally is planned, the arrest is the news
            return [h for h in hits if h is not protest]
        outcome = self.protest_outcome(sents) or self._outcome_hit([h for h in hits if h.trigger.i not in recalled])
        if outcome is not None:
            etype, sub, cue = outcome
            protest = TypeHit(protest.trigger, protest.trigger_text, etype, sub, protest.concept,
                              f"{protest.reason}; outcome '{cue}'", protest.weak)
        out, placed = [], False
        for h in hits:
            if h.sub_event_type == PEACEFUL or h.sub_event_type in PROTEST_PARTS or h.concept in self.clash_concepts \
                    or self._topic(h.trigger):
                if not placed:
                    out.append(protest)
                    placed = True
                continue
            out.append(h)
        return out

    def _outcome_hit(self, hits: list[TypeHit]) -> tuple[str, str, str] | None:
        """A hit that is itself a protest's outcome ('protesters fought with police': the fight was
        typed a violent demonstration by its sides), in the outcomes' order, when no cue word said it."""
        for sub in self.outcome_order:
            hit = next((h for h in hits if h.sub_event_type == sub), None)
            if hit is not None:
                return hit.event_type, sub, hit.trigger_text
        return None

    def best(self, hits: list[TypeHit]) -> TypeHit | None:
        """The most salient hit: most specific sub-type, then main clause, then first."""
        if not hits:
            return None
        return max(hits, key=lambda h: (not h.weak, SPECIFIC.get(h.sub_event_type, 1),
                                        -len(list(h.trigger.ancestors)), -h.trigger.i))

    def best_of(self, per_sentence: list[tuple[Span, list[TypeHit]]], recalled: set[int] = frozenset()) -> TypeHit | None:
        """The most salient hit of a short text (several sentences): its protest re-typed by all of them.
        A hit whose trigger is in ``recalled`` (token indices of earlier deeds told in passing) yields
        to any hit that is news."""
        flat = [h for _s, hs in per_sentence for h in hs]
        if not flat:
            return None
        sents = [s for s, _h in per_sentence]
        if any(h.sub_event_type == PEACEFUL for h in flat):
            flat = self._protest(flat, sents, frozenset(recalled))
        order = {id(h): n for n, (_s, hs) in enumerate(per_sentence) for h in hs}
        return max(flat, key=lambda h: (h.trigger.i not in recalled, not h.weak, SPECIFIC.get(h.sub_event_type, 1),
                                        -order.get(id(h), 0),
                                        -len(list(h.trigger.ancestors))))


def _antecedent(pronoun: Token) -> Token | None:
    """The subject 'they' points back to: that of the main clause before it, in its own sentence
    ('protesters gathered and they threw stones') or else in the sentence before."""
    sent = pronoun.sent
    for root in (sent.root, pronoun.doc[sent.start - 1].sent.root if sent.start else None):
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
        if subject is not None and subject.right_edge.i < pronoun.i:  # not 'some of them' itself
            return subject
    return None


def _ahead(tok: Token) -> bool:
    """'Before the rally', 'ahead of the march', 'prior to the protest': a protest yet to come."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in ("of", "to"):
        prep = prep.head
    if prep.lemma_.lower() in ONSET_NOUNS and prep.dep_ == "pobj":
        prep = prep.head  # "hours before the start of the protest"
    return prep.lower_ in BEFORE_PREPOSITIONS


def _no_one(tok: Token) -> bool:
    """'Wounding no one', 'killed nobody': the verb's object says no one was harmed."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.lower_ in ("nobody", "none", "noone")
                                                    or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
               for c in tok.children)
