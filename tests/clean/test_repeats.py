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
