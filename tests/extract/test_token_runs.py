"""The attribute ruler's rules over runs of tokens, found from their gates, must be the matcher's matches."""
import pytest
from spacy.matcher import Matcher

from eventwire.extract.attribute_rules import _SIGNATURE, _GETTERS, _equal_values, _test, AttributeRules
from eventwire.extract.token_runs import TokenRuns

# every two-token rule of the model's ruler, gated at its first token ("gon na", "ai n't", "there is") or
# its second ("y' all"), at a piece's start and end, and twice in a row
TEXTS = [
    "We gonna go, they gotta stay, let's see, c'mon now, y'all know it ain't so.",
    "There is a war. There are two. There were three and there's more; there're others. Was there?",
    "Y'all",
    "I'm gon",
    "Let's let's gonna gonna",
    "It isn't what it ain't, is it? Here there was nothing; here it is.",
]


@pytest.fixture(scope="module")
def model(load_model):
    return load_model()


@pytest.fixture(scope="module")
def rules(model):
    return AttributeRules(model).load(model.get_pipe("attribute_ruler"))


@pytest.fixture(scope="module")
def matcher(model):
    """A spaCy Matcher of the same rules over two or more tokens, keyed as the ruler keys them."""
    m = Matcher(model.vocab, validate=False)
    for key, entry in enumerate(model.get_pipe("attribute_ruler").patterns):
        for pattern in entry["patterns"]:
            if len(pattern) > 1:
                m.add(str(key), [pattern])
    return m


def _parsed(model, text):
    """The doc as the attribute rules see it: tagged and parsed, before the ruler."""
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        return model(text)


def test_every_rule_over_runs_is_read_without_the_matcher(rules, matcher):
    assert len(rules.runs) == len(matcher) > 0
    assert len(rules.matcher) == 0


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_the_matcher(model, rules, matcher, text):
    doc = _parsed(model, text)
    want = sorted((int(model.vocab.strings[k]), s, e) for k, s, e in matcher(doc, allow_missing=True))
    got = sorted(rules.runs.matches(doc, doc.to_array(_SIGNATURE).tolist()))
    assert got == want


def test_the_texts_exercise_every_rule(model, matcher):
    keys = {int(model.vocab.strings[k]) for text in TEXTS for k, _s, _e in matcher(_parsed(model, text), allow_missing=True)}
    assert len(keys) == len(matcher)


def test_a_value_listed_twice_gives_one_match(model):
    runs = TokenRuns(_GETTERS, _test, _equal_values)
    assert runs.add([{"LOWER": {"IN": ["there", "there"]}}, {"LOWER": "is"}], 7)
    doc = model.make_doc("there is")
    assert runs.matches(doc, doc.to_array(_SIGNATURE).tolist()) == [(7, 0, 2)]


def test_rules_it_cannot_read_are_left_to_a_matcher():
    runs = TokenRuns(_GETTERS, _test, _equal_values)
    assert not runs.add([{"LOWER": "a", "OP": "+"}, {"LOWER": "b"}], 1)  # a quantifier
    assert not runs.add([{"LOWER": {"REGEX": "^a"}}, {"IS_SPACE": True}], 2)  # no value to look up
    assert not runs.add([{"LOWER": "a"}], 3)  # one token: attribute_rules' own lookup
    assert len(runs) == 0
