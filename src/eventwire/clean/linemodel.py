"""A trained line classifier for the boilerplate the rules miss.

The line rules of ``boilerplate`` know furniture by its words; what they miss
is furniture known by its company: the option lines of a donation box, a menu
of short title-case links, a footer after the last paragraph.  A logistic
regression over ``linefeatures`` (a unit's shape, its neighbours' shape, its
position against the page's prose, the rules' verdicts around it) scores how
likely each unit is boilerplate; a unit the rules kept is dropped when the
score reaches the model's threshold.

The model is plain JSON (feature names, standardisation, coefficients,
threshold), shipped in ``eventwire.data.models`` and read with
``importlib.resources``: no pickle, nothing downloaded, no scikit-learn at run
time.  ``tools/train_boilerplate.py`` writes it; its README says how it was
trained and what it scored.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.clean.linefeatures import FEATURE_NAMES, page_features
from eventwire.clean.lexicon import Lexicon
from eventwire.errors import Errors

MODEL_PACKAGE = "eventwire.data.models"
MODEL_FILE = "boilerplate_lines.json"


@dataclass(frozen=True)
class LineModel:
    """Standardised logistic regression: p = sigmoid(b + sum w_i (x_i - mean_i) / scale_i)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float  # probability of boilerplate at or above which a kept unit goes

    def __post_init__(self) -> None:
        n = len(self.features)
        if not (len(self.mean) == len(self.scale) == len(self.coef) == n):
            raise ValueError(Errors.E307)
        if self.features != FEATURE_NAMES:
            raise ValueError(Errors.E308)

    @classmethod
    def from_json(cls, raw: dict) -> LineModel:
        return cls(
            features=tuple(raw["features"]),
            mean=tuple(float(v) for v in raw["mean"]),
            scale=tuple(float(v) if v else 1.0 for v in raw["scale"]),
            coef=tuple(float(v) for v in raw["coef"]),
            intercept=float(raw["intercept"]),
            threshold=float(raw["threshold"]),
        )

    def probability(self, vector: list[float]) -> float:
        z = self.intercept + sum(w * (x - m) / s for w, x, m, s in zip(self.coef, vector, self.mean, self.scale))
        if z < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def page_probabilities(self, texts: list[str], rule_drops: list[bool], lex: Lexicon) -> list[float]:
        """The boilerplate probability of every unit of one page."""
        return [self.probability(v) for v in page_features(texts, rule_drops, lex)]


@lru_cache(maxsize=1)
def load_line_model() -> LineModel:
    """Read the shipped model once per process."""
    raw = json.loads(resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_text("utf-8"))
    return LineModel.from_json(raw)
