"""Property tests: readers on arbitrary JSON, numbers in claims, HTML guards on arbitrary markup."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eventwire.clean.html import flatten_deep, slim_html
from eventwire.errors import InputError
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.records import FIELD_ALIASES, record_from_mapping
from eventwire.model import IngestError, Record

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
KEYS = st.sampled_from(sorted({k for keys in FIELD_ALIASES.values() for k in keys} | {"file", "other"}))
RECORDISH = st.dictionaries(KEYS, JSON, max_size=8)


@settings(max_examples=400, deadline=None)
@given(st.one_of(JSON, RECORDISH))
def test_record_from_mapping_gives_a_record_or_a_named_input_error(value):
    try:
        rec = record_from_mapping(value, "src:1")
    except InputError as exc:
        assert str(exc).startswith(("[E210] src:1: ", "[E211] src:1: "))
        return
    assert isinstance(rec, Record) and rec.source == "src:1"
    for name in FIELD_ALIASES:
        v = getattr(rec, name)
        assert v is None or (isinstance(v, str) and v.strip() and "\x00" not in v)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(RECORDISH.map(json.dumps), st.binary(max_size=60), st.text(max_size=60).map(str.encode)), max_size=8))
def test_read_jsonl_never_raises_and_accounts_for_every_line(tmp_path, lines):
    path = tmp_path / "p.jsonl"
    payload = [ln if isinstance(ln, bytes) else ln.encode() for ln in lines]
    payload = [ln.replace(b"\n", b" ").replace(b"\r", b" ") for ln in payload]
    path.write_bytes(b"\n".join(payload) + b"\n")
    items = list(read_jsonl(path))
    assert all(isinstance(i, (Record, IngestError)) for i in items)
    non_blank = sum(1 for ln in payload if ln.strip())
    assert len(items) <= non_blank  # one item per line at most (blank lines are skipped)
    for i in items:
        assert i.source.startswith(f"{path}:")


MARKUP = st.lists(
    st.sampled_from(["<div>", "</div>", "<span class='a'>", "</span>", "<p>", "<br/>", "<script>", "</script>",
                     "<!--", "-->", "< ", ">", "text ", "words", "<style>", "</style>", "<svg>", "</svg>", "<a href='x'"]),
    max_size=200,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKUP, st.integers(min_value=1, max_value=20))
def test_flatten_bounds_depth_and_keeps_words(html, depth):
    flat, _ = flatten_deep(html, depth)
    assert flatten_deep(flat, depth)[1] <= depth
    assert flat.count("words") == html.count("words") or "<a href='x'" in html  # an unclosed tag may swallow the rest
    slim_html(html)  # never raises


@pytest.fixture(scope="module")
def claims_and_tokenizer():
    import spacy

    from eventwire.extract.claims import ClaimExtractor

    return ClaimExtractor(), spacy.blank("en")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(categories=["Nd", "No", "Lu", "Ll", "Pd", "Po"]), min_size=1, max_size=8))
@example("²").via("superscript two")
@example("1,2³").via("digits and a superscript")
def test_claim_number_parsing_never_raises(claims_and_tokenizer, word):
    extractor, tokenizer = claims_and_tokenizer
    for tok in tokenizer.make_doc(word):
        value = extractor._value(tok)
        assert value is None or value >= 0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(categories=["Nd", "No", "Lu", "Ll", "Zs", "Po"]), min_size=1, max_size=30))
@example("on ² May").via("superscript day")
def test_time_resolver_never_raises_on_odd_digits(word):
    from datetime import date as _date

    from eventwire.extract.times import TimeResolver

    for span in TimeResolver().find(word, _date(2024, 3, 14)):
        assert word[span.span[0]:span.span[1]] == span.text
