"""The attribute ruler's few rules over runs of tokens ("gon na", "let 's", "there is"), found by lookup.

``attribute_rules`` answers the one-token rules by lookup; the eight the model
has over two tokens went to a spaCy ``Matcher``, which walks every token of
every parsed piece to find a handful of matches: it was the single largest
line of our code in extraction (~0.19 of ~0.35 CPU s the rules took over the
200 bench articles' 93,734 parsed tokens).  Every such rule has a token that
asks for a LOWER, TAG or DEP value (or one of a list): the *gate*.  A match
holds a gate value at the gate's place, so only the places where the doc's
array holds one are tried, each with every token's tests, as the matcher would
test them.  Same matches (rule, start, end), each once: the caller sorts them,
so the order they are found in does not matter (pinned by
tests/extract/test_token_runs.py against a ``Matcher`` of the same rules).

A rule this cannot read (a quantifier, another attribute or operator) is left
to the caller's matcher (``add`` returns False).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from spacy.strings import get_string_id

# the attributes a gate may read, as their column in the caller's array (attribute_rules._SIGNATURE:
# LOWER, TAG, DEP, IS_SPACE); tried in this order for each token of a rule.  The array holds string ids,
# a symbol's fixed one for labels such as DEP "expl" (417), so values are turned into ids by get_string_id.
GATE_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2}

Test = tuple[Callable[[object], object], Callable[[object], bool]]


class TokenRuns:
    """Rules over two or more tokens, each a list of per-token tests, found from their gates."""

    def __init__(self, getters: dict[str, Callable], test_of: Callable, equal_values: Callable) -> None:
        self._getters, self._test_of, self._equal_values = getters, test_of, equal_values
        # (column, value id) -> the rules gated there: (rule key, gate's place in the rule, tests per token)
        self.gates: dict[tuple[int, int], list[tuple[int, int, list[list[Test]]]]] = defaultdict(list)
        self._count = 0  # rules filed (asked once a doc: kept, not counted)
        self._ids: dict[int, frozenset[int]] = {}  # column -> its gate values (string ids, as the doc's array holds)

    def __len__(self) -> int:
        return self._count

    def add(self, pattern: list[dict], key: int) -> bool:
        """File a rule of two or more plain tokens under its gate; False if it needs a matcher."""
        if len(pattern) < 2 or any(not tok or not set(tok) <= set(self._getters) for tok in pattern):
            return False
        tests = [[(self._getters[a], self._test_of(spec)) for a, spec in tok.items()] for tok in pattern]
        if any(test is None for tok in tests for _get, test in tok):
            return False
        gate = self._gate(pattern)
        if gate is None:
            return False
        place, column, values = gate
        for value in dict.fromkeys(values):  # a value listed twice must not give its match twice
            self.gates[(column, get_string_id(value))].append((key, place, tests))
        self._count += 1
        self._ids[column] = frozenset(v for c, v in self.gates if c == column)
        return True

    def _gate(self, pattern: list[dict]) -> tuple[int, int, list[str]] | None:
        """The first token (and attribute) of the rule that asks for given values: (place, column, values)."""
        for place, tok in enumerate(pattern):
            for attr, column in GATE_COLUMNS.items():
                values = self._equal_values(tok.get(attr))
                if values is not None:
                    return place, column, values
        return None

    def matches(self, doc, rows: list[list[int]]) -> list[tuple[int, int, int]]:
        """(rule key, start, end) of every match in ``doc``; ``rows``: its ``Doc.to_array`` of the caller's
        columns, as lists.  A piece holds a gate value rarely: one set intersection a column says whether
        to look (one ``numpy.isin`` a piece and column cost more than the matcher)."""
        found = []
        n = len(doc)
        for column, ids in self._ids.items():
            values = [row[column] for row in rows]
            if ids.isdisjoint(values):
                continue
            for i, value in enumerate(values):
                for key, place, tests in self.gates.get((column, value), ()):
                    start, end = i - place, i - place + len(tests)
                    if start >= 0 and end <= n and all(
                            test(get(tok)) for tok, tok_tests in zip(doc[start:end], tests) for get, test in tok_tests):
                        found.append((key, start, end))
        return found
