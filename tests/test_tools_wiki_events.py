"""tools/eval_wiki_events.py: an exported event is supported only by a gold violent mention in its own sentence."""
import importlib.util
import sys
from pathlib import Path

TOOLS = Path(__file__).parent.parent / "tools"
sys.path.insert(0, str(TOOLS))  # the tool imports its neighbour pipeline_run
SPEC = importlib.util.spec_from_file_location("eval_wiki_events", TOOLS / "eval_wiki_events.py")
wiki = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(wiki)

TEXT = "Gunmen  stormed a hotel on Friday.  Talks on a truce resumed later.  Police arrested two men."
ARTICLE = {"doc_id": "a", "text": TEXT, "event_mentions": [
    {"type": "Conflict.Attack.Unspecified", "trigger_span": [8, 15]},
    {"type": "Contact.Meet.Unspecified", "trigger_span": [41, 48]},
    {"type": "Justice.ArrestJailDetain.Unspecified", "trigger_span": [76, 84]}]}


def _event(sentence, sub="Armed clash"):
    return {"sub_event_type": sub, "mentions": [{"document": "d_a", "sentence": sentence}]}


def test_a_violent_gold_mention_in_the_sentence_supports_it_even_with_tidied_spacing():
    assert wiki.supported(_event("Gunmen stormed a hotel on Friday."), ARTICLE)


def test_a_sentence_with_only_other_gold_events_does_not():
    assert not wiki.supported(_event("Talks on a truce resumed later."), ARTICLE)


def test_an_arrest_is_supported_by_a_gold_arrest_only_when_the_event_is_an_arrest():
    assert wiki.supported(_event("Police arrested two men.", "Arrests"), ARTICLE)
    assert not wiki.supported(_event("Police arrested two men."), ARTICLE)


def test_score_splits_the_articles_into_halves(capsys):
    other = dict(ARTICLE, doc_id="b")
    docs = [{"id": "d_a", "external_id": "a"}, {"id": "d_b", "external_id": "b"}]
    events = [_event("Gunmen stormed a hotel on Friday."), _event("Talks on a truce resumed later."),
              dict(_event("Talks on a truce resumed later."), mentions=[{"document": "d_b",
                                                                          "sentence": "Talks on a truce resumed later."}])]
    figures = wiki.score([ARTICLE, other], events, docs)
    assert figures == {"tune_precision": 0.5, "check_precision": 0.0}
    assert "wiki events tune: events 2 supported 1" in capsys.readouterr().out
