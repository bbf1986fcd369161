"""What every parsed piece of one article shares: the document, its date, its places, its setting, its speakers."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from eventwire.extract.claims import SpeakerMemory
from eventwire.extract.place_roles import names_organisation, where_spoken
from eventwire.extract.setting import Setting
from eventwire.model import Document, Place


@dataclass
class Article:
    """Set as ``doc._.article`` on each piece; ``memory`` is filled sentence by sentence, in order."""

    document: Document
    pub: date | None
    places: list[Place] = field(default_factory=list)
    memory: SpeakerMemory = field(default_factory=SpeakerMemory)
    setting: Setting = field(default_factory=Setting)
    entry: str = ""  # on a live page, the stamp of the entry these sentences are in ("22 Apr 2022 - 18:44 GMT")
    entry_start: int = 0  # ...and where that entry starts in the text

    def is_scene(self, p: Place) -> bool:
        """Can this named place set the scene for later sentences?  Not an organisation's seat
        ("Princeton's Bendheim Center"), nor where someone spoke ("told reporters in Geneva")."""
        return not names_organisation(self.document.text, p.end) and not where_spoken(self.document.text, p.start)

    def may_borrow(self, p: Place, actors: tuple = ()) -> bool:
        """May a sentence naming no place, whose deed these actors did, take this scene?  Only inside
        the article's setting and the actors' continents (extract.setting)."""
        return self.setting.may_borrow(p, actors)


def usable_pub(document: Document) -> date | None:
    """The publication date sentences are dated by: none when clean saw a conflict the story did not settle."""
    pub = document.published
    return pub.date if pub.conflict is None or pub.source == "story" else None
