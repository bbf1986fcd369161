"""SnippetClassifier: one answer per snippet, the most salient event; None when there is none."""
from __future__ import annotations

import pytest

from eventwire.extract.snippets import SnippetClassifier


@pytest.fixture(scope="module")
def snip(nlp):
    return SnippetClassifier(nlp)


def test_no_event(snip):
    assert snip.classify("The minister met his counterpart to discuss trade and tourism.") is None
    assert snip.classify("The rebels threatened to attack the city if talks failed.") is None


def test_most_specific_hit_wins(snip):
    # a clash and a suicide bombing in one snippet: the suicide bombing is what happened
    text = "Attackers exchanged gunfire with police outside a cafe. Two of them then blew themselves up with suicide vests."
    assert snip.classify(text) == ("Explosions/Remote violence", "Suicide bomb")


def test_protest_typed_by_its_outcome_in_another_sentence(snip):
    text = "Hundreds of students rallied outside the university on Monday. Police later used water cannon to disperse them."
    assert snip.classify(text) == ("Protests", "Protest with intervention")


def test_protest_topic_is_not_its_outcome(snip):
    text = "Thousands marched through the city to condemn the killing of a student by police last month."
    assert snip.classify(text) == ("Protests", "Peaceful protest")


def test_arrests_at_a_protest(snip):
    text = "Police detained dozens of demonstrators during a rally against the new law."
    assert snip.classify(text) == ("Protests", "Protest with intervention")


def test_main_event_over_background(snip):
    text = "Islamist fighters took control of the town on Sunday, residents said."
    assert snip.classify(text) == ("Battles", "Non-state actor overtakes territory")


def test_hit_has_reason(snip):
    hit = snip.hit("Police seized rifles and explosives from a hideout near the border.")
    assert hit is not None and hit.sub_event_type == "Disrupted weapons use" and hit.reason


def test_an_earlier_deed_recalled_yields_to_the_news(snip):
    # the abduction is more specific than the clash, but it is told in the past perfect: background
    text = ("Soldiers and insurgents clashed outside Mora on Friday, leaving nine dead. "
            "The insurgents had stormed the town in May and abducted its mayor.")
    assert snip.classify(text) == ("Battles", "Armed clash")


def test_a_protest_ahead_does_not_absorb_the_arrest(snip):
    # the rally is still to come: the arrest is the news, not an intervention in a protest
    assert snip.classify("Police arrested the opposition leader ahead of the rally on Friday.") == (
        "Strategic developments", "Arrests")
    assert snip.classify("Police detained dozens of protesters during the rally on Friday.") == (
        "Protests", "Protest with intervention")


def test_they_who_marched_did_the_violence_of_a_later_sentence(snip):
    text = "Hundreds of students marched on the ministry on Monday. Some of them attacked a police car."
    assert snip.classify(text) == ("Riots", "Violent demonstration")
    text = "Police confronted hundreds of students marching on the ministry. They attacked the marchers with batons."
    assert snip.classify(text)[1] != "Violent demonstration"
