"""A deed whose sentence names no doer takes the article's previous same-type doer, within limits."""
from dataclasses import replace
from datetime import date

import pytest

from eventwire.extract.borrowed_doer import BORROW_MAX_SENTENCES, borrow_doer
from eventwire.model import ActorRef, DateSpan, Evidence, Mention

from .test_to_mentions import document

RUSSIA = ActorRef("Military Forces of Russia (2000-)", "actor1", "ru-military", "Russian forces", 8)
GUNMEN = ActorRef("Unidentified Armed Group", "actor1", "unidentified", "gunmen", 3)
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def unzip(earlier: list[tuple[int, Mention]]) -> tuple[list[int], list[Mention]]:
    return [i for i, _ in earlier], [m for _, m in earlier]


def told(actors: tuple[ActorRef, ...], types=SHELLING, landmark: bool = False) -> Mention:
    day = DateSpan(date(2024, 3, 14), date(2024, 3, 14), "day")
    return Mention("d", Evidence("d", "s", 0, 1), types[0], types[1], "shelled", day, None, actors, landmark=landmark)


def test_the_next_strike_of_the_paragraph_is_the_same_sides(extractor):
    text = ("Russian forces shelled the town of Vovchansk on Tuesday morning, the governor said.\n\n"
            "Hours later, a missile struck the central market in Vovchansk, wounding two people.")
    first, second = extractor.extract(document(text))
    assert [a.name for a in first.actors if a.role == "actor1"] == [RUSSIA.name]
    (doer,) = [a for a in second.actors if a.role == "actor1"]
    assert doer.name == RUSSIA.name and "previous" in doer.reason


def test_a_doer_named_in_the_sentence_is_kept(extractor):
    text = ("Russian forces shelled the town of Vovchansk on Tuesday morning, the governor said.\n\n"
            "Ukrainian artillery struck a Russian command post near Belgorod in the afternoon.")
    _, second = extractor.extract(document(text))
    assert [a.name for a in second.actors if a.role == "actor1"] == ["Military Forces of Ukraine (2019-)"]


def test_borrowed_from_the_nearest_same_type_deed_only():
    earlier = [(1, told((RUSSIA,)))]
    assert borrow_doer((), *SHELLING, 2, *unzip(earlier))[0].name == RUSSIA.name
    # too far back: the topic has moved on
    assert borrow_doer((), *SHELLING, 2 + BORROW_MAX_SENTENCES, *unzip(earlier)) == ()
    # another type of deed: an arrest's or a battle's doer is not the strike's
    battle = ("Battles", "Armed clash")
    assert borrow_doer((), *battle, 2, *unzip(earlier)) == ()
    # an interception's doer is the side that shot down
    assert borrow_doer((), "Strategic developments", "Disrupted weapons use", 2, *unzip(earlier)) == ()
    # a landmark only dates another deed
    assert borrow_doer((), *SHELLING, 2, [1], [told((RUSSIA,), landmark=True)]) == ()
    # an earlier entry of a live page is another report
    entry = [(1, replace(told((RUSSIA,)), entry="08:15 GMT"))]
    assert borrow_doer((), *SHELLING, 2, *unzip(entry), "09:40 GMT") == ()
    assert borrow_doer((), *SHELLING, 2, *unzip(entry), "08:15 GMT")[0].name == RUSSIA.name


@pytest.mark.parametrize("previous", [
    (GUNMEN,),  # a generic doer may be anyone
    (RUSSIA, ActorRef("Military Forces of Ukraine (2019-)", "actor1", "ua-military", "Ukraine", 8)),  # two
    (),  # the nearest deed names none: nothing to borrow, and nothing from further back
])
def test_nothing_is_borrowed_from_an_unclear_previous_doer(previous):
    earlier = [(1, told((RUSSIA,))), (2, told(previous))]
    assert borrow_doer((), *SHELLING, 3, *unzip(earlier)) == ()


def test_the_previous_doer_named_here_as_target_is_not_made_the_doer():
    target = ActorRef(RUSSIA.name, "actor2", RUSSIA.id, "Russian positions", 8)
    assert borrow_doer((target,), *SHELLING, 2, [1], [told((RUSSIA,))]) == (target,)
