"""type_model: the shipped snippet model loads, its decisions follow its thresholds, its features
are a snippet's content lemmas and the rules' verdicts."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from eventwire.extract.snippets import SnippetClassifier
from eventwire.extract.type_model import (MODEL_FILE, MODEL_PACKAGE, NO_EVENT, Thresholds, TypeModel,
                                          load_type_model, snippet_features)

RIOT = "Violent demonstration"
PEACEFUL = "Peaceful protest"
EVENT_TYPES = {RIOT: "Riots", PEACEFUL: "Protests"}


def small_model(thresholds: Thresholds) -> TypeModel:
    """Three classes; 'stone' and 'bottle' speak for a riot, 'earthquake' for no event, the rules' protest for a protest."""
    classes = (NO_EVENT, PEACEFUL, RIOT)
    weights = {"w:stone": (0.0, -1.0, 4.0), "w:bottle": (0.0, -1.0, 4.0), "w:earthquake": (5.0, -2.0, -2.0), f"rule:{PEACEFUL}": (-1.0, 2.0, 0.5)}
    return TypeModel(classes, (0.0, 0.0, 0.0), weights, thresholds, EVENT_TYPES)


def test_shipped_model_loads_and_names_an_event_type_per_class():
    model = load_type_model()
    assert NO_EVENT in model.classes and len(model.classes) > 10
    assert all(c in model.event_types for c in model.classes if c != NO_EVENT)
    for t in (model.thresholds.reject, model.thresholds.override, model.thresholds.accept):
        assert 0.0 < t <= 1.01
    raw = json.loads(resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_text("utf-8"))
    assert TypeModel.from_json(raw) == model


def test_malformed_model_is_a_clear_error():
    raw = json.loads(resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_text("utf-8"))
    broken = dict(raw, intercept=raw["intercept"][:-1])
    with pytest.raises(ValueError, match="one value per class"):
        TypeModel.from_json(broken)
    with pytest.raises(ValueError, match="malformed"):
        TypeModel.from_json({k: v for k, v in raw.items() if k != "thresholds"})
    with pytest.raises(ValueError, match="no event type"):
        TypeModel.from_json(dict(raw, event_types={}))


def test_probabilities_follow_the_weights():
    model = small_model(Thresholds(0.9, 0.9, 0.9))
    p = model.probabilities({"w:stone", "w:unknown"})
    assert sum(p.values()) == pytest.approx(1.0)
    assert max(p, key=p.get) == RIOT
    assert model.probabilities(set()) == pytest.approx({c: 1 / 3 for c in model.classes})


def test_decide_rejects_overrides_and_accepts_only_above_its_thresholds():
    sure = small_model(Thresholds(0.8, 0.8, 0.8))
    assert sure.decide(PEACEFUL, {f"rule:{PEACEFUL}", "w:earthquake"})[0] is None
    assert sure.decide(PEACEFUL, {f"rule:{PEACEFUL}", "w:stone"})[0] == RIOT
    assert sure.decide(None, {"w:stone"})[0] == RIOT
    assert sure.decide(PEACEFUL, {f"rule:{PEACEFUL}"})[0] == PEACEFUL
    never = small_model(Thresholds(1.01, 1.01, 1.01))
    assert never.decide(PEACEFUL, {f"rule:{PEACEFUL}", "w:earthquake"})[0] == PEACEFUL
    assert never.decide(None, {"w:stone"})[0] is None


def test_features_are_content_lemmas_and_the_rules_verdicts(nlp):
    doc = nlp("Protesters threw stones at the police in Kabul on Monday.")
    feats = snippet_features(doc, RIOT, {RIOT, "Arrests"})
    assert {f"rule:{RIOT}", f"hit:{RIOT}", "hit:Arrests", "w:protester", "w:throw", "w:stone", "w:police"} <= feats
    assert not any(f.endswith(("kabul", "the", "monday")) for f in feats)  # names and function words are left out
    assert f"rule:{NO_EVENT}" in snippet_features(nlp("Nothing happened."), None, set())


def test_snippet_classifier_takes_the_models_say(nlp):
    text = "Hundreds of people marched through the town centre. Some of them carried bottles."
    rules = SnippetClassifier(nlp, use_model=False)
    rule_sub, feats = rules.rule_view(text)
    assert rule_sub == PEACEFUL and {"w:bottle", f"rule:{PEACEFUL}"} <= feats
    model = small_model(Thresholds(0.8, 0.8, 0.8))
    got, why = SnippetClassifier(nlp, model=model).decide(text)
    assert got == ("Riots", RIOT) and why.startswith("model: Violent demonstration")
    assert SnippetClassifier(nlp, model=small_model(Thresholds(1.01, 1.01, 1.01))).classify(text) == ("Protests", PEACEFUL)
    quake = "Hundreds of people marched after the earthquake destroyed their homes."
    assert SnippetClassifier(nlp, model=model).classify(quake) is None
    assert rules.classify(quake) is not None  # the rules saw a march; the model's 'no event' dropped it
