"""The dev set's boilerplate markers must go and its content markers must stay.

Reads ../shared at run time (never copied into the project); skipped where it
is absent.
"""
import json
from pathlib import Path

import pytest

from eventwire.model import Record

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (DEV / "gold.json").is_file(), reason="../shared/eval/dev is not here"),
]


def _docs():
    if not (DEV / "gold.json").is_file():
        return []
    gold = json.loads((DEV / "gold.json").read_text("utf-8"))["docs"]
    return [(path.stem, gold[path.stem]) for path in sorted((DEV / "docs").glob("*.txt")) if path.stem in gold]


@pytest.mark.parametrize("doc_id,gold", _docs())
def test_markers(cleaner, doc_id, gold):
    text = (DEV / "docs" / f"{doc_id}.txt").read_text("utf-8")
    doc = cleaner.clean(Record(source=f"dev/{doc_id}", text=text))
    kept = [m for m in gold.get("boilerplate", []) if m in doc.text]
    lost = [m for m in gold.get("content", []) if m not in doc.text]
    assert not kept, f"boilerplate kept: {kept}"
    assert not lost, f"content lost: {lost}"
