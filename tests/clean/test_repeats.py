"""Repeated lines go, the text they repeat stays (clean/repeats.py). Pages written for the test."""
from eventwire.clean.blocks import Unit
from eventwire.clean.boilerplate import Verdict
from eventwire.clean.repeats import drop_repeats
from eventwire.model import Record

BODY = ("Two drones struck a fuel depot on the outskirts of the town early on Friday, the regional governor said. "
        "Firefighters put out the blaze within three hours.")


def test_repeated_paragraph_is_dropped_once(cleaner):
    standfirst = "The strike was the third on the depot this month."
    text = standfirst + "\n\n" + BODY + "\n\n" + standfirst
    doc = cleaner.clean(Record(source="t", title="Drones hit fuel depot", text=text))
    assert doc.text.count(standfirst) == 1


def test_a_pull_quote_inside_a_kept_paragraph_goes_and_a_sentence_of_its_own_stays(cleaner):
    quote = "“We carried the babies downstairs in our arms.”"
    said = "“We heard the whistle,” said a nurse who was on shift. " + quote
    own = "We carried the babies downstairs again at noon."
    text = "\n\n".join([BODY, said, quote, own])
    doc = cleaner.clean(Record(source="t", title="Hospital hit", text=text))
    assert doc.text.count("We carried the babies downstairs in our arms") == 1 and own in doc.text


def test_a_repeat_inside_a_dropped_unit_stays():
    """Only a kept paragraph holds a line's words for it: a dropped teaser repeating them holds nothing."""
    line = "Shelling resumed in the evening near the port"
    vs = [Verdict(Unit(line, 0, True), keep=True, text=line),
          Verdict(Unit(line + " and the market", 0, True), keep=False, text="")]
    assert drop_repeats(vs, None)[0].keep


def _held_everywhere(verdicts):
    """The slow form of repeats._held_by_longer: every kept unit tried as a holder of every short one."""
    from eventwire.clean.boilerplate import CAPTION_MAX_CHARS, REPEAT_MIN_WORDS
    from eventwire.clean.features import normalise

    keys = {i: normalise(v.text) for i, v in enumerate(verdicts) if v.keep}
    return [i for i, key in keys.items() if len(key.split()) >= REPEAT_MIN_WORDS
            and len(verdicts[i].text) <= CAPTION_MAX_CHARS
            and any(len(keys[h]) > len(key) and f" {key} " in f" {keys[h]} " for h in keys)]


def test_only_the_runs_that_open_a_candidate_are_indexed_and_the_same_lines_are_held():
    """_held_by_longer indexes only the word runs a short line opens with (a faster page); it must find
    exactly the lines every holder tried in turn finds, on pages of lines drawn from a few words."""
    import random

    from eventwire.clean.repeats import _held_by_longer

    words = "the shelling resumed near port in evening drones struck a depot".split()
    rng = random.Random(24)
    held = 0
    for _ in range(400):
        lines = [" ".join(rng.choice(words) for _ in range(rng.choice((3, 5, 6, 8, 12, 40))))
                 for _ in range(rng.randint(1, 12))]
        lines += [rng.choice(lines)[rng.randint(0, 8):] for _ in range(3)]  # tails of lines: likely held
        vs = [Verdict(Unit(t, 0, True), keep=rng.random() > 0.2, text=t) for t in lines]
        assert _held_by_longer(vs) == _held_everywhere(vs)
        held += len(_held_everywhere(vs))
    assert held > 50  # the pages do hold repeats
