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
)


class Protests:
    """Step 4 of ``extract.types``: the sentence as a whole."""

    def protest_outcome(self, sents) -> tuple[str, str, str] | None:
        """(event type, sub-type, cue) of a protest from the cues in these sentences, or None when peaceful.
        A cue word of an earlier deed told in passing ("the protest came a week after police shot two
        students", "relatives of the victims of last year's massacre") is no outcome of this protest."""
        for sub in self.outcome_order:
            lemmas = self.outcome_lemmas[sub]
            not_after = set(self.outcomes[sub].get("not_after", ()))
            for sent in sents:
                doc = sent.as_doc() if isinstance(sent, Span) else sent
                masked = set()
                for match_id, s, e in self.instrument_phrases(doc):
                    if self.instruments[int(self.vocab.strings[match_id])].get("sub_event_type") is None:
                        masked.update(range(s, e))
                for match_id, s, e in self.outcome_phrases(doc):
                    if self.vocab.strings[match_id] == sub:
                        return self.outcomes[sub]["event_type"], sub, doc[s:e].text
                for t in doc:
                    if (t.lemma_.lower() in lemmas or t.lower_ in lemmas) and not self.kinds.is_calendar(t):
                        if sub != "Protest with intervention" and t.i in masked:
                            continue
                        if t.i > 0 and doc[t.i - 1].lower_ in not_after:
                            continue
                        if any(c.dep_ == "neg" for c in t.children) or _no_one(t) or self._blocked(t) or self._topic(t) \
                                or self.background.cue(t, doc[:]) or self._before_protest(t):
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
        crowd = [hit.trigger, *self._agent(hit.trigger)]
        made_of_protesters = any(g.lemma_.lower() in self.protest_participants for t in crowd for c in t.children
                                 if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
        if not (at_protest or made_of_protesters):
            return hit
        return TypeHit(hit.trigger, hit.trigger_text, RIOTS, VIOLENT_DEMONSTRATION, hit.concept,
                       f"{hit.reason}; the crowd is demonstrating", hit.weak, hit.weapon)

    def _protesters_do(self, verb: Token) -> bool:
        """Whether the protesters are the doer of this verb (``_agent``: its subject, or the one it shares
        as a conjunct, "attacked a police station and damaged vehicles"): a participant noun, or a noun
        a protest verb describes ("students protesting the fee hike")."""
        return any(t.lemma_.lower() in self.protest_participants
                   or t.dep_ in ("acl", "relcl") and t.lemma_.lower() in self.participant_verbs
                   for t in self._agent(verb))

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
