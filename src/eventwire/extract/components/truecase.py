"""The text to parse: wrapped lines joined, all-caps wire copy given its case back.

The parser reads all-caps copy badly ("SHELLING HIT KHARKIV" is a string of
proper nouns), so such copy is case-restored first (``extract.truecase``), as are Title Case headlines:
the places found in the raw text and the catalogue's and calendar's proper
names keep their capitals, everything else is lower-cased by rule.  The
result has the same length and offsets as the stored text.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.clean.blocks import unwrap
from eventwire.data import load_json
from eventwire.extract.truecase import mostly_upper, restore_title_case, truecase

CALENDAR_NAMES = ("January", "February", "March", "April", "June", "July", "August", "September", "October",
                  "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def proper_names() -> list[str]:
    """Names whose capitals are restored in all-caps copy: catalogue names, demonyms, months, weekdays."""
    dem = load_json("actors", "demonyms.json")["countries"]
    catalogue = load_json("actors", "actors.json")["actors"]
    # a generic group ("Protesters", "Civilians": every alias written in lower case) is ordinary words
    aliases = [x for a in catalogue if not all(al == al.lower() for al in a["aliases"])
               for x in a["aliases"] + [a["name"]]]
    return sorted(
        {x for x in aliases if x[:1].isupper() and len(x) > 3}
        | {w for c in dem.values() for w in c["adjectives"] + c["names"]}
        | set(CALENDAR_NAMES),
        key=len,
    )


class CaseRestorer:
    """Reader component: raw text and ``doc._.toponyms`` → ``doc._.parse_text``."""

    def __init__(self, nlp: Language | None = None, name: str = "eventwire_truecase", *,
                 names: list[str]) -> None:
        self.name = name
        self.names = names

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> str:
        # wire copy's wrapped lines are fragments of sentences: parse them joined (same offsets)
        text = unwrap(doc.text)
        spans = [(p.start, p.end) for p in doc._.toponyms]
        if mostly_upper(doc.text):
            return truecase(text, spans, self.names)
        return restore_title_case(text, spans, self.names)  # "Gunmen Kill 12 in Attack on Village"

    @staticmethod
    def set_annotations(doc: Doc, text: str) -> Doc:
        doc._.parse_text = text
        return doc
