"""A desk database built from events written here (no NLP): fast, and every value known.

``desk_db`` holds 60 events over 30 days in Ukraine and Russia of three
types, some contradicted; one document per event whose title and outlet are
hostile (spreadsheet formulas, LIKE wildcards), and one copy of another
document with drift, for the document page's diff.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from eventwire.model import (
    ActorRef, Claim, Contradiction, DateSpan, Document, Drift, Event, Evidence, Fatalities, Mention, Place,
    Provenance, PublishedDate, CopyLink,
)
from eventwire.store import repository as repo
from eventwire.store.database import make_engine, make_sessionmaker

DAY0 = date(2024, 3, 1)
N_EVENTS = 60
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack")]
PLACES = [("Kherson", "UA", "Kherson Oblast", 46.64, 32.61), ("Belgorod", "RU", "Belgorod Oblast", 50.6, 36.6),
          ("Kharkiv", "UA", "Kharkiv Oblast", 49.99, 36.23)]
FORMULA_TITLE = "=HYPERLINK(\"http://x.example\",\"click\")"
FORMULA_OUTLET = "=cmd|' /C calc'!A0"
SENTENCE_1 = "Drones struck the depot on Monday."
SENTENCE_2 = "At least 3 people were killed, the governor said."


def doc_id(i: int) -> str:
    return f"d_{i:016d}"


def make_document(i: int) -> Document:
    title = FORMULA_TITLE if i == 0 else f"Report {i} 100% sure_thing"
    text = f"{SENTENCE_1}\n\n{SENTENCE_2}\n\nOfficials counted {i} craters."
    return Document(id=doc_id(i), content_hash=f"{i:064d}", external_id=str(i), url=f"https://wire.example/{i}",
                    outlet=FORMULA_OUTLET if i == 0 else "Wire", title=title,
                    published=PublishedDate(DAY0 + timedelta(days=i // 2), "metadata", 0.9), language="en", text=text)


def make_event(i: int) -> Event:
    d = doc_id(i)
    etype, sub = TYPES[i % 3]
    name, country, admin1, lat, lon = PLACES[i % 3]
    day = DAY0 + timedelta(days=i // 2)
    e1 = Evidence(d, SENTENCE_1, 0, len(SENTENCE_1))
    start2 = len(SENTENCE_1) + 2
    e2 = Evidence(d, SENTENCE_2, start2, start2 + len(SENTENCE_2))
    place = Place(name, country, admin1, lat, lon, "town", 1000 + i)
    actor = ActorRef("Military Forces of Russia (2000-)", "actor1", "ru-military", "Russian forces", 8 if i % 2 else 1)
    victim = ActorRef("Civilians (Ukraine)", "actor2", None, "people", 7)
    claims = (Claim("fatalities", 3, "at least", "people", "the governor", "asserts", False, e2),
              Claim("fatalities", 0, None, "people", "the ministry", "denies", False, e2))
    contradicted = i % 4 == 0
    mention = Mention(d, e1, etype, sub, "struck", DateSpan(day, day, "day", "on Monday"), place, (actor, victim),
                      claims)
    return Event(id=f"e_{i:012x}", event_type=etype, sub_event_type=sub, date=DateSpan(day, day, "day"),
                 location=place, actors=(actor, victim), fatalities=Fatalities(3 if i % 5 else 0, 0, 3),
                 claims=claims if contradicted else claims[:1],
                 contradictions=(Contradiction("fatalities", (0, 1), "3 against none"),) if contradicted else (),
                 mentions=(mention,), documents=(d,), confidence=round(0.3 + (i % 7) / 10, 2))


def fill(url: str, n: int = N_EVENTS) -> None:
    Session = make_sessionmaker(make_engine(url))
    with Session.begin() as s:
        for i in range(n):
            repo.add_document(s, make_document(i))
        s.flush()
        original, copy = repo.get_document(s, doc_id(1)), repo.get_document(s, doc_id(2))
        copy.text = copy.text.replace("At least 3", "At least 30")
        drift = Drift("number", SENTENCE_2, SENTENCE_2.replace("3", "30"), "3 -> 30")
        repo.set_provenance(s, copy, Provenance(doc_id(2), "s_1", CopyLink(doc_id(1), "rewrite", 0.8), (drift,)))
        original.story = "s_1"
        repo.sync_events(s, [make_event(i) for i in range(n)])
