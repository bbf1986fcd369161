"""The sentence planner: which sentences are parsed, and the paragraphs they are cut from."""
from eventwire.extract.components.sentences import SentencePlanner, paragraphs
from eventwire.extract.prefilter import SentenceFilter


def test_paragraphs_keep_offsets_and_cut_run_ons():
    text = "First line.\n\nSecond one here.\n" + "word " * 50
    parts = paragraphs(text, max_chars=60)
    assert all(text[off:off + len(p)] == p for off, p in parts)
    assert all(len(p) <= 60 for _, p in parts)
    assert parts[0] == (0, "First line.")


def test_plan_joins_wanted_sentences_and_keeps_the_rest_for_dates():
    planner = SentencePlanner(sentence_filter=SentenceFilter())
    text = "Drones struck a depot. Two people were killed. The weather was mild.\nOn Monday talks began."
    plan = planner.match(paragraphs(text))
    assert [(i.parse, i.text) for i in plan[:2]] == [
        (True, "Drones struck a depot. Two people were killed."), (False, "The weather was mild.")]
    assert plan[0].at_start and not plan[1].at_start
    assert plan[-1].paragraph == 1 and text[plan[-1].offset:].startswith("On Monday")
