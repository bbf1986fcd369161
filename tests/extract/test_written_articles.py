"""Whole articles written for the purpose, about other wars than the dev sets' (data/written_articles): the
extract stage's events for chosen sentences, as a reviewer would code them."""
import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.model import Document, PublishedDate

HERE = Path(__file__).parent / "data" / "written_articles"
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))["articles"]
CASES = [(name, n, ev) for name, art in EXPECTED.items() for n, ev in enumerate(art["events"])]


@pytest.fixture(scope="module")
def mentions_of(extractor):
    cache: dict[str, list] = {}

    def run(name: str) -> list:
        if name not in cache:
            pub = date.fromisoformat(EXPECTED[name]["published"])
            text = (HERE / name).read_text(encoding="utf-8")
            doc = Document(name, "0" * 64, None, None, "Wire", None, PublishedDate(pub, "metadata", 1.0), "en", text)
            cache[name] = extractor.extract(doc)
        return cache[name]
    return run


def _role(m, role: str) -> str | None:
    return next((a.name for a in m.actors if a.role == role), None)


@pytest.mark.parametrize("name, n, ev", CASES, ids=[f"{name}:{n}" for name, n, _ in CASES])
def test_written_article_events(mentions_of, name, n, ev):
    told = [m for m in mentions_of(name) if ev["sentence"] in m.evidence.sentence]
    if "absent" in ev:
        assert not any(m.sub_event_type == ev["absent"] for m in told), told
        return
    found = [m for m in told if m.sub_event_type == ev["sub_event_type"]]
    assert found, [(m.sub_event_type, m.reason) for m in told]
    m = found[0]
    if "actor1" in ev:
        assert _role(m, "actor1") == ev["actor1"], m.actors
    if "actor2" in ev:
        assert ev["actor2"] in [a.name for a in m.actors if a.role == "actor2"], m.actors
    if "no_actor" in ev:
        assert ev["no_actor"] not in [a.name for a in m.actors], m.actors
    if "country" in ev:
        assert m.place is not None and m.place.country == ev["country"], (m.place, m.reason)
    if "admin1" in ev:
        assert m.place.admin1 == ev["admin1"] or m.place.name == ev["admin1"], m.place
    if "place" in ev:
        assert ev["place"] in (m.place.name, m.place.surface), m.place
    if "not_place" in ev:
        assert m.place is None or ev["not_place"] not in (m.place.name, m.place.surface), m.place
    if "date" in ev:
        assert m.date is not None and str(m.date.start) == ev["date"], m.date
    if "fatalities" in ev:
        assert ev["fatalities"] in [c.value for c in m.claims if c.property == "fatalities"], m.claims
    if "claimant" in ev:
        assert any(ev["claimant"] in (c.claimant or "") for c in m.claims if c.property == "fatalities"), m.claims
    if "blamed" in ev:
        assert ev["blamed"] in [c.value for c in m.claims if c.property == "responsibility"], m.claims
    if "no_fatalities" in ev:
        assert ev["no_fatalities"] not in [c.value for c in m.claims if c.property == "fatalities"], m.claims


def test_every_article_is_listed_once_and_every_listed_article_exists():
    pairs = json.loads((HERE / "expected.json").read_text(encoding="utf-8"), object_pairs_hook=lambda kv: kv)
    names = [name for name, _ in dict(pairs)["articles"]]
    assert len(names) == len(set(names))  # a duplicate key would silently shadow an article's expectations
    assert set(names) == {p.name for p in HERE.glob("*.txt")}
