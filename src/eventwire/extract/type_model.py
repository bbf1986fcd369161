"""A trained second opinion on the event type the rules give a short text.

The rules of ``extract.types`` decide a snippet's ACLED sub-type from one
trigger and its arguments.  They miss what a whole snippet says around the
trigger: stones and torched cars around a "protest", a court or a ministry
around an "attack" that is only talked about.  Where labelled snippets exist
(the CASE 2021 tuning half), a multinomial logistic regression over the
snippet's content lemmas and the rules' own verdicts learns such company.

It does not replace the rules.  ``decide`` lets it:
  * reject a rule's event when it is sure the snippet reports no conflict
    event (``reject``);
  * replace the rule's sub-type when it is sure of another one (``override``);
  * give a sub-type to a snippet the rules found nothing in (``accept``).
The three probability thresholds are set on the tuning half by
cross-validation (``tools/train_event_types.py``) and stored with the model.

The model is plain JSON shipped in ``eventwire.data.models`` (classes,
weights per feature, intercepts, thresholds), read with ``importlib.resources``:
no pickle, nothing downloaded, no scikit-learn at run time.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

MODEL_PACKAGE = "eventwire.data.models"
MODEL_FILE = "event_types.json"
NO_EVENT = "(no event)"  # the class of snippets that report no ACLED event
CONTENT_POS = ("NOUN", "VERB", "ADJ")  # proper nouns left out: names of places and people do not generalise


def snippet_features(doc: Doc, rule_subtype: str | None, hit_subtypes: set[str]) -> frozenset[str]:
    """The binary features of one snippet: its content lemmas and the rules' verdicts.

    ``rule:`` is the sub-type the rules chose (or none), ``hit:`` every sub-type
    any sentence's rules found, ``w:`` each content lemma.
    """
    out = {f"rule:{rule_subtype or NO_EVENT}"}
    out.update(f"hit:{s}" for s in hit_subtypes)
    for tok in doc:
        if tok.pos_ in CONTENT_POS and tok.is_alpha and not tok.is_stop and len(tok.text) > 2:
            out.add(f"w:{tok.lemma_.lower()}")
    return frozenset(out)


@dataclass(frozen=True)
class Thresholds:
    """Probabilities at or above which the model's view is taken over the rules'."""

    reject: float  # P(no event) to drop the rules' event
    override: float  # P(other sub-type) to replace the rules' sub-type
    accept: float  # P(sub-type) to type a snippet the rules found nothing in

    @property
    def active(self) -> bool:
        """Can any of them be reached?  The training script ships 1.01 ("never") when the model
        does not beat the rules, and then the model is not asked at all."""
        return min(self.reject, self.override, self.accept) <= 1.0


@dataclass(frozen=True)
class TypeModel:
    """Multinomial logistic regression over binary features: softmax(intercept + sum of weights)."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]] = field(hash=False)
    thresholds: Thresholds
    event_types: dict[str, str] = field(hash=False)  # sub-type -> its ACLED event type

    def __post_init__(self) -> None:
        n = len(self.classes)
        if not n or NO_EVENT not in self.classes:
            raise ValueError(f"event type model: classes must include {NO_EVENT!r}")
        if len(self.intercept) != n or any(len(w) != n for w in self.weights.values()):
            raise ValueError("event type model: every weight row needs one value per class")
        missing = set(self.classes) - set(self.event_types) - {NO_EVENT}
        if missing:
            raise ValueError(f"event type model: no event type for {sorted(missing)}")

    @classmethod
    def from_json(cls, raw: dict) -> TypeModel:
        try:
            t = raw["thresholds"]
            return cls(
                classes=tuple(raw["classes"]),
                intercept=tuple(float(v) for v in raw["intercept"]),
                weights={k: tuple(float(v) for v in w) for k, w in raw["weights"].items()},
                thresholds=Thresholds(float(t["reject"]), float(t["override"]), float(t["accept"])),
                event_types=dict(raw["event_types"]),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"event type model: malformed file ({exc!r})") from exc

    def to_json(self, C: float, snippets: int) -> dict:
        t = self.thresholds
        return {"classes": list(self.classes), "intercept": list(self.intercept),
                "weights": {k: list(v) for k, v in sorted(self.weights.items())},
                "thresholds": {"reject": t.reject, "override": t.override, "accept": t.accept},
                "event_types": dict(sorted(self.event_types.items())),
                "trained": {"C": C, "snippets": snippets, "by": "tools/train_event_types.py"}}

    def probabilities(self, features: frozenset[str] | set[str]) -> dict[str, float]:
        z = list(self.intercept)
        for f in features:
            row = self.weights.get(f)
            if row is not None:
                z = [a + b for a, b in zip(z, row)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {c: v / total for c, v in zip(self.classes, e)}

    def decide(self, rule_subtype: str | None, features: frozenset[str] | set[str]) -> tuple[str | None, str]:
        """The sub-type (None: no event) after the model's say, and why."""
        probs = self.probabilities(features)
        best = max(probs, key=lambda c: (probs[c], c))
        t = self.thresholds
        if rule_subtype is None:
            if best != NO_EVENT and probs[best] >= t.accept:
                return best, f"model: {best} at {probs[best]:.2f} where the rules found none"
            return None, "rules: no event"
        if probs[NO_EVENT] >= t.reject:
            return None, f"model: no event at {probs[NO_EVENT]:.2f}"
        if best not in (NO_EVENT, rule_subtype) and probs[best] >= t.override:
            return best, f"model: {best} at {probs[best]:.2f} over the rules' {rule_subtype}"
        return rule_subtype, "rules"


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel:
    """Read the shipped model once per process."""
    raw = json.loads(resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_text("utf-8"))
    return TypeModel.from_json(raw)
