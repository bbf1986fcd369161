"""The model's attribute rules (tag → POS, morphology, lemma exceptions), applied by lookup.

spaCy's ``attribute_ruler`` runs every one of its ~180 token patterns through
the ``Matcher`` at every token: measured at an eighth of all parsing time,
more than the parser itself.  Almost all of them test one token's ``TAG``
and/or ``LOWER`` for equality, so a dictionary lookup per token finds the same
matches.  The rest (dependency labels, regular expressions, two-token
patterns) stay in a small ``Matcher``.  Matches are then applied exactly as
the ruler applies them: all found first, then in rule order, later rules
winning, so the output is the ruler's own (pinned by a test comparing both).
"""
from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

NAME = "eventwire_attribute_rules"


def _values(v: object) -> list[str] | None:
    """The strings an equality or IN test accepts; None for anything else (NOT_IN, REGEX, booleans)."""
    if isinstance(v, str):
        return [v]
    if isinstance(v, dict) and set(v) == {"IN"} and all(isinstance(x, str) for x in v["IN"]):
        return list(v["IN"])
    return None


class AttributeRules:
    """Drop-in for a loaded ``AttributeRuler``: same rules, same results, lookups for the simple ones."""

    def __init__(self, nlp: Language, name: str = NAME) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.matcher = Matcher(nlp.vocab, validate=False)
        self.by_tag: dict[str, list[int]] = defaultdict(list)
        self.by_lower: dict[str, list[int]] = defaultdict(list)
        self.by_both: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.attrs: list[dict] = []
        self.indices: list[int] = []

    def load(self, ruler: AttributeRuler) -> "AttributeRules":
        """Take over the ruler's rules; rule k keeps its place k in the order of application."""
        self.attrs, self.indices = list(ruler.attrs), list(ruler.indices)
        for key, entry in enumerate(ruler.patterns):  # entry k holds the rules the ruler keys as str(k)
            for pattern in entry["patterns"]:
                if not self._index(pattern, key):
                    self.matcher.add(str(key), [pattern])
        return self

    def _index(self, pattern: list[dict], key: int) -> bool:
        """File a one-token TAG/LOWER equality pattern under its lookup keys; False if it needs the matcher."""
        if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= {"TAG", "LOWER"}:
            return False
        tok = pattern[0]
        tags = _values(tok["TAG"]) if "TAG" in tok else None
        lowers = _values(tok["LOWER"]) if "LOWER" in tok else None
        if ("TAG" in tok and tags is None) or ("LOWER" in tok and lowers is None):
            return False
        if tags is not None and lowers is not None:
            for t in tags:
                for low in lowers:
                    self.by_both[(t, low)].append(key)
        elif tags is not None:
            for t in tags:
                self.by_tag[t].append(key)
        else:
            for low in lowers or ():
                self.by_lower[low].append(key)
        return True

    def __call__(self, doc: Doc) -> Doc:
        matches: list[tuple[int, int, int]] = []
        for tok in doc:
            tag, low = tok.tag_, tok.lower_
            i = tok.i
            for table, k in ((self.by_tag, tag), (self.by_lower, low), (self.by_both, (tag, low))):
                for key in table.get(k, ()):
                    matches.append((key, i, i + 1))
        for match_id, s, e in self.matcher(doc, allow_missing=True):
            matches.append((int(self.vocab.strings[match_id]), s, e))
        matches.sort()
        for key, s, e in matches:
            set_token_attrs(doc[s:e][self.indices[key]], self.attrs[key])
        return doc

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
