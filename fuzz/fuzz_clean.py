"""atheris target for the HTML guards and the text and HTML cleaners.

    .venv/bin/python fuzz/fuzz_clean.py -max_total_time=60            # bounded run (CI)
    .venv/bin/python fuzz/fuzz_clean.py -runs=2000 fuzz/corpus/       # with a seed folder

The first input byte picks the path (flat text, HTML page, or only the size and
depth guards); the rest is the document, decoded as UTF-8 with replacement.
A finding is any exception other than eventwire's own ``EventwireError``, or a
guard that lets a tree deeper than its limit through.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["eventwire"]):
    from eventwire.clean import Cleaner
    from eventwire.clean.html import flatten_deep, prepare_html, slim_html
    from eventwire.config import Limits
    from eventwire.errors import EventwireError
    from eventwire.model import Record

# small limits so that the fuzzer reaches the refusals, and each run stays fast
LIMITS = Limits(max_text_chars=20_000, max_html_chars=20_000, max_html_depth=12)
CLEANER = Cleaner(limits=LIMITS)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    mode, body = data[0] % 3, data[1:].decode("utf-8", errors="replace")
    if mode == 2:
        flat, _ = flatten_deep(body, LIMITS.max_html_depth)
        assert flatten_deep(flat, LIMITS.max_html_depth)[1] <= LIMITS.max_html_depth, "flattened page still too deep"
        slim_html(body)
        try:
            prepare_html(body, LIMITS, source="fuzz")
        except EventwireError:
            pass
        return
    record = Record(source="fuzz", text=body) if mode == 0 else Record(source="fuzz", html=body, url="https://fuzz.example/a")
    try:
        doc = CLEANER.clean(record)
    except EventwireError:
        return
    assert doc.text.strip(), "a document with no text"
    assert len(doc.text) <= LIMITS.max_text_chars


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
