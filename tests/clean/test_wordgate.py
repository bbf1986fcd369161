"""wordgate: a gated phrase pattern answers as its pattern on every line, and the premises of the gate hold."""
import re
import sys
from pathlib import Path

import pytest

from eventwire.clean import wordgate
from eventwire.clean.blocks import split_units
from eventwire.clean.features import new_page
from eventwire.clean.lexicon import load_lexicon
from eventwire.clean.linefeatures import WEATHER_OR_CLOCK, WEATHER_OR_CLOCK_MARKS, weather_or_clock
from eventwire.clean.wordgate import GatedPattern, PhraseGate, word_runs
from eventwire.ingest.jsonl import read_jsonl

# real flat pages (``../shared``, read at run time, never copied into the project); the lines above stand alone
BOILERPLATE_PAGES = Path(__file__).resolve().parents[3] / "shared" / "eval" / "boilerplate" / "input.jsonl"

GATED = ("cta", "comment_prompt", "share_cookie", "credit_by", "credit_line_suffix", "widget", "spam", "block_cue",
         "metadata_label_any")
LINES = [
    "Support our work: donate today.",
    "Subscribe to our newsletter",
    "SUBSCRIBE TO OUR NEWSLETTER!",
    "A+A A-",
    "a+a a-",
    "Font size A- A+",
    "You may also like",
    "you may also-like",
    "You may also likes this",
    "Sign up for our daily briefing.",
    "Sign-up for our daily briefing.",
    "Published: 12 May 2023 | Updated: 13 May 2023",
    "Officials said three drones struck a fuel depot, the governor said on Telegram.",
    "Share this article on Facebook",
    "Share\u00a0this article",
    "Accept cookies to continue",
    "\u212aeep reading (the kelvin sign folds onto k)",
    "\u017fubscribe now (a long s folds onto s)",
    "Aufr\u00fcstung: subscribe to our newsletter",
    "Reporting by Jane Doe; Editing by John Roe",
    "Jane Doe contributed reporting.",
    "Photo by Jane Doe",
    "Read more from our correspondents",
    "",
    "...",
    "Don\u2019t miss out \u2014 subscribe",
]


def _corpus_lines() -> list[str]:
    if not BOILERPLATE_PAGES.exists():
        return []
    return [u.text for r in read_jsonl(BOILERPLATE_PAGES) for u in split_units(r.text or "")]


@pytest.mark.parametrize("name", GATED)
def test_a_gated_pattern_answers_as_its_pattern(name):
    gated = getattr(load_lexicon(), name)
    assert isinstance(gated, GatedPattern) and gated.gate.usable
    raw = gated.regex
    new_page()
    for line in LINES + _corpus_lines():
        for probe in (line, line[:300], line.lstrip("([ ")):
            assert bool(gated.search(probe)) == bool(raw.search(probe)), probe
            assert bool(gated.match(probe)) == bool(raw.match(probe)), probe
            assert gated.findall(probe) == raw.findall(probe), probe
            assert gated.subn(" ", probe) == raw.subn(" ", probe), probe
            assert gated.sub(" ", probe) == raw.sub(" ", probe), probe


def test_the_gate_rules_out_most_lines_and_can_say_no():
    """The gate must be able to fail: a line without the words is ruled out, one with them is not."""
    lex = load_lexicon()
    new_page()
    assert not lex.cta.gate.may_match("Three drones struck a fuel depot.")
    assert lex.cta.gate.may_match("Subscribe to our newsletter")
    assert not lex.widget.gate.may_match("a a a")  # "a+a a-" needs its "+" and "-"
    assert lex.widget.gate.may_match("A+A A-")
    assert lex.cta.gate.may_match("\u017fubscribe")  # non-ASCII word character: always searched


def test_a_lexicon_the_gate_cannot_read_is_never_gated():
    assert not PhraseGate(["caf\u00e9 au lait"]).usable
    assert not PhraseGate(["..."]).usable
    assert PhraseGate(["_a note", "sign up"]).usable
    assert PhraseGate(["..."]).may_match("anything")


def test_word_runs_are_lower_cased_and_none_for_non_ascii_words():
    new_page()
    assert word_runs("Sign-up NOW, it's free_ok") == frozenset({"sign", "up", "now", "it", "s", "free_ok"})
    assert word_runs("Kyiv \u2014 \u201cquoted\u201d") == frozenset({"kyiv", "quoted"})
    assert word_runs("Erdo\u011fan said") is None


def test_the_memo_is_bounded_and_emptied_with_the_page(monkeypatch):
    monkeypatch.setattr(wordgate, "PAGE_MEMO_LIMIT", 3)
    new_page()
    for i in range(10):
        assert word_runs(f"line {i}") == frozenset({"line", str(i)})
    assert len(wordgate._RUNS) <= 3
    new_page()
    assert not wordgate._RUNS


def _all_characters() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_ignorecase_matches_ascii_as_the_gate_assumes():
    """Over every code point: an ASCII word character matches under IGNORECASE only itself in either case
    and non-ASCII word characters; any other ASCII character (and "°") matches only itself."""
    everything = _all_characters()
    for c in [chr(i) for i in range(128)] + ["\u00b0"]:
        found = set(re.findall(re.escape(c), everything, re.IGNORECASE))
        if re.match(r"\w", c):
            assert {c.lower(), c.upper()} <= found
            assert all(x in (c.lower(), c.upper()) or (not x.isascii() and re.match(r"\w", x)) for x in found), c
        else:
            assert found == {c}, c


def test_weather_or_clock_searches_only_lines_with_its_marks():
    assert weather_or_clock("21°C and sunny") and weather_or_clock("at 10:45 AM")
    assert not weather_or_clock("21 degrees and sunny")
    for line in LINES + _corpus_lines():
        assert weather_or_clock(line[:300]) == bool(WEATHER_OR_CLOCK.search(line[:300]))
    assert set(WEATHER_OR_CLOCK_MARKS) == {"°", ":"}
