"""Stories and drift on the shared dev set (real articles; read-only, never copied into the project)."""
import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.provenance import DocInfo, ProvenanceIndex

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (DEV / "gold.json").exists(), reason="../shared is absent"),
]


@pytest.fixture(scope="module")
def result():
    index = ProvenanceIndex()
    for line in (DEV / "input.jsonl").read_text("utf-8").splitlines():
        r = json.loads(line)
        published = date.fromisoformat(r["published"]) if r.get("published") else None
        index.add(DocInfo(id="d_" + r["id"], text=(DEV / r["file"]).read_text("utf-8"), published=published,
                          published_reliable=published is not None, outlet=None, language="en"))
    return index.assign()


@pytest.fixture(scope="module")
def gold():
    return json.loads((DEV / "gold.json").read_text("utf-8"))


def test_rewrites_share_the_story_of_their_source(result, gold):
    for copy, source in gold["rewrite_of"].items():
        p = result["d_" + copy]
        assert p.story == result["d_" + source].story
        assert p.copy_of is not None and p.copy_of.document == "d_" + source
        assert p.copy_of.relation == "rewrite"


def test_every_other_document_is_its_own_story(result, gold):
    linked = {d for pair in gold["same_story"] for d in pair}
    for i in range(1, 15):
        k = f"{i:03d}"
        if k not in linked:
            assert result["d_" + k].story == "s_" + k, k
            assert result["d_" + k].copy_of is None, k
    stories = {p.story for p in result.values()}
    assert len(stories) == 14 - len(gold["rewrite_of"])


def test_drift_markers_are_reported(result, gold):
    for k, doc in gold["docs"].items():
        for marker in doc.get("drift_markers", []):
            copies = [d.copy for d in result["d_" + k].drift]
            assert any(marker in c for c in copies), (k, marker, copies)
