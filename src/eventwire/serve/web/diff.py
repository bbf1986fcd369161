"""A copy beside its original: paragraphs aligned, changed words marked, drift flagged.

Paragraphs are aligned with difflib (a rewrite keeps most paragraphs in
order); within a changed pair the words that differ are wrapped in
``<del>`` (original side) and ``<ins>`` (copy side).  A copy paragraph
holding a sentence that provenance reported as drift (a meaning change:
number, agent, negation…) is marked ``drift`` with provenance's note, so the
analyst sees where the rewrite says something else, not only where it words
it differently.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from eventwire.serve.api.render import esc

WORD = re.compile(r"\s+|[^\s]+")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def _marked(a: str, b: str) -> tuple[str, str]:
    """Both paragraphs as HTML with the differing words marked."""
    wa, wb = WORD.findall(a), WORD.findall(b)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        ta, tb = esc("".join(wa[i1:i2])), esc("".join(wb[j1:j2]))
        if op == "equal":
            left.append(ta)
            right.append(tb)
            continue
        if ta:
            left.append(f"<del>{ta}</del>")
        if tb:
            right.append(f"<ins>{tb}</ins>")
    return "".join(left), "".join(right)


def _drift_note(paragraph: str, drift: Sequence[dict]) -> str:
    notes = [f"{d['kind']}: {d['note']}" for d in drift if d.get("copy") and d["copy"].strip() in paragraph]
    return "; ".join(notes)


def _row(left: str, right: str, note: str) -> str:
    cls = ' class="drift"' if note else ""
    flag = f'<div class="drift-note">⚠ {esc(note)}</div>' if note else ""
    return f"<tr{cls}><td>{left}</td><td>{right}{flag}</td></tr>"


def side_by_side(original: str, copy: str, drift: Sequence[dict]) -> str:
    """A two-column table: the original's paragraphs, the copy's, changes and drift marked."""
    pa, pb = _paragraphs(original), _paragraphs(copy)
    rows = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=pa, b=pb, autojunk=False).get_opcodes():
        if op == "equal":
            rows += [_row(esc(p), esc(p), _drift_note(p, drift)) for p in pa[i1:i2]]
            continue
        left, right = pa[i1:i2], pb[j1:j2]
        for k in range(max(len(left), len(right))):
            a = left[k] if k < len(left) else ""
            b = right[k] if k < len(right) else ""
            la, rb = _marked(a, b)
            rows.append(_row(la, rb, _drift_note(b, drift) if b else ""))
    return ('<table id="diff" class="diff"><thead><tr><th>original</th><th>this copy</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")
