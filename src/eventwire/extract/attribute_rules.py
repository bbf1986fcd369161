"""The model's attribute rules (tag → POS, morphology, lemma exceptions), applied by lookup.

spaCy's ``attribute_ruler`` runs every one of its ~180 token patterns through
the ``Matcher`` at every token: measured at an eighth of all parsing time,
more than the parser itself.  Almost all of them test one token's ``TAG``
and/or ``LOWER`` for equality, so a dictionary lookup per token finds the same
matches; the other one-token rules (dependency labels, NOT_IN, regular
expressions) become Python tests on the token, and the few rules over two
tokens ("gon na", "let 's", "there is") are found from a gate token by lookup
too (``token_runs``); only a rule neither can read would stay in a ``Matcher``.  Matches are applied exactly
as the ruler applies them: all found first, then in rule order, later rules
winning, so the output is the ruler's own (pinned by a test comparing both).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from eventwire.extract.token_runs import TokenRuns

NAME = "eventwire_attribute_rules"
# what a one-token rule may test, as Doc.to_array ids (the string ids of LOWER, TAG and DEP; IS_SPACE 0/1)
_SIGNATURE = [LOWER, TAG, DEP, IS_SPACE]


_GETTERS = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


def _test(spec: object) -> Callable[[object], bool] | None:
    """The Matcher's one-value tests as Python predicates; None for any other operator."""
    if isinstance(spec, (str, bool)):
        return lambda v: v == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            barred = frozenset(arg)
            return lambda v: v not in barred
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v: isinstance(v, str) and rx.search(v) is not None
    return None


def _equal_values(spec: object) -> list[str] | None:
    """The strings an equality or IN test accepts, to file the rule under; None if it is another test."""
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return list(spec["IN"])
    return None


class AttributeRules:
    """Drop-in for a loaded ``AttributeRuler``: same rules, same results, lookups for one-token rules."""

    def __init__(self, nlp: Language, name: str = NAME) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.matcher = Matcher(nlp.vocab, validate=False)
        # rule key and the tests left after the lookup, filed under the attribute value that selects it
        self.by_lower: dict[str, list[tuple[int, list]]] = defaultdict(list)
        self.by_tag: dict[str, list[tuple[int, list]]] = defaultdict(list)
        self.anywhere: list[tuple[int, list]] = []
        self.runs = TokenRuns(_GETTERS, _test, _equal_values)  # rules over two or more tokens
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self._seen: dict[tuple, tuple[int, ...]] = {}

    def load(self, ruler: AttributeRuler) -> "AttributeRules":
        """Take over the ruler's rules; rule k keeps its place k in the order of application."""
        self.attrs, self.indices = list(ruler.attrs), list(ruler.indices)
        for key, entry in enumerate(ruler.patterns):  # entry k holds the rules the ruler keys as str(k)
            for pattern in entry["patterns"]:
                if not self._index(pattern, key) and not self.runs.add(pattern, key):
                    self.matcher.add(str(key), [pattern])
        return self

    def _index(self, pattern: list[dict], key: int) -> bool:
        """File a one-token rule under a LOWER or TAG value (or test it everywhere); False if it needs the matcher."""
        if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= set(_GETTERS):
            return False
        tok = pattern[0]
        tests = {attr: _test(spec) for attr, spec in tok.items()}
        if any(t is None for t in tests.values()):
            return False
        for attr, table in (("LOWER", self.by_lower), ("TAG", self.by_tag)):
            values = _equal_values(tok.get(attr))
            if values is not None:
                rest = [(_GETTERS[a], t) for a, t in tests.items() if a != attr]
                for v in values:
                    table[v].append((key, rest))
                return True
        self.anywhere.append((key, [(_GETTERS[a], t) for a, t in tests.items()]))
        return True

    def __call__(self, doc: Doc) -> Doc:
        matches: list[tuple[int, int, int]] = []
        seen = self._seen
        if len(seen) > 500_000:
            seen.clear()
        # one-token rules read only these four attributes, so their verdict is memoised on them, as the
        # ids the doc holds (one per string: the same memo as on the strings, without building a Token
        # and four strings per token)
        rows = doc.to_array(_SIGNATURE).tolist()
        for i, sig in enumerate(map(tuple, rows)):
            keys = seen.get(sig)
            if keys is None:
                keys = seen[sig] = self._keys_for(doc[i])
            if keys:
                matches.extend((key, i, i + 1) for key in keys)
        if len(self.runs):
            matches.extend(self.runs.matches(doc, rows))
        if len(self.matcher):
            for match_id, s, e in self.matcher(doc, allow_missing=True):
                matches.append((int(self.vocab.strings[match_id]), s, e))
        # all matches first, then in rule order: a later rule overrides an earlier one, as in the ruler
        matches.sort()
        for key, s, e in matches:
            tok = doc[s] if e - s == 1 else doc[s:e][self.indices[key]]
            set_token_attrs(tok, self.attrs[key])
        return doc

    def _keys_for(self, tok) -> tuple[int, ...]:
        candidates = (*self.by_lower.get(tok.lower_, ()), *self.by_tag.get(tok.tag_, ()), *self.anywhere)
        return tuple(key for key, rest in candidates if all(test(get(tok)) for get, test in rest))

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory(NAME)
def _make(nlp: Language, name: str) -> AttributeRules:
    return AttributeRules(nlp, name)


def install(nlp: Language) -> Language:
    """Swap the model's attribute ruler for the lookup version, keeping its place in the pipeline."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    ruler = nlp.get_pipe("attribute_ruler")
    rules = nlp.replace_pipe("attribute_ruler", NAME)
    rules.load(ruler)
    return nlp
