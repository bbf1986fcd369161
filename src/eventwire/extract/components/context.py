"""What every parsed piece of one article shares: the document, its date, its places, its speakers."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from eventwire.extract.claims import SpeakerMemory
from eventwire.model import Document, Place


@dataclass
class Article:
    """Set as ``doc._.article`` on each piece; ``memory`` is filled sentence by sentence, in order."""

    document: Document
    pub: date | None
    places: list[Place] = field(default_factory=list)
    memory: SpeakerMemory = field(default_factory=SpeakerMemory)


def usable_pub(document: Document) -> date | None:
    """The publication date sentences are dated by: none when clean saw a conflict the story did not settle."""
    pub = document.published
    return pub.date if pub.conflict is None or pub.source == "story" else None
