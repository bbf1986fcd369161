"""The lookup attribute rules must give exactly what the model's own attribute ruler gives."""
import pytest

from eventwire.extract.attribute_rules import AttributeRules, install

TEXTS = [
    "I don't know whether they'll come, but it is what it is.",
    "There are reports that y'all gonna leave; let's wait. It ain't over.",
    "Russian forces said they had shot down 12 drones over the Belgorod region on Tuesday.",
    "  Two  spaces\n\nand a new paragraph: if that is so, give it to me and I'll go.",
    "THE MURDER OF SIX JESUITS WAS DENOUNCED BY THE ARCHBISHOP, WHO SAID IT WAS NOT AN ACCIDENT.",
    "Do you have it? He did. That which remains, remains; those who fled have returned.",
    "We gotta go, c'mon. There's no time, there were two of them, and there is one left.",
]


@pytest.fixture(scope="module")
def pipelines(load_model):
    return load_model(), install(load_model())


def _attrs(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_install_replaces_the_ruler_in_place(pipelines):
    original, fast = pipelines
    assert fast.pipe_names == original.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), AttributeRules)
    rules = fast.get_pipe("attribute_ruler")
    # most rules are lookups by one token; the few over two tokens are found from a gate (token_runs)
    assert 0 < len(rules.runs) < 10 and len(rules.matcher) == 0
    assert len(rules.by_tag) + len(rules.by_lower) > 100


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_as_the_attribute_ruler(pipelines, text):
    original, fast = pipelines
    assert _attrs(fast(text)) == _attrs(original(text))


def test_later_rules_win(pipelines):
    """'not' is first tagged by the RB rule, then relabelled PART by a later rule: order must hold."""
    _original, fast = pipelines
    tok = [t for t in fast("They did not come.") if t.lower_ == "not"][0]
    assert tok.pos_ == "PART" and tok.lemma_ == "not"
