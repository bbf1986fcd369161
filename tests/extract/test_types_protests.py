"""A protest's sub-type from its outcome (extract.types_protests), on sentences written for these tests."""
from __future__ import annotations

import pytest

from eventwire.extract.types import EventTypeClassifier


@pytest.fixture(scope="module")
def clf(nlp):
    return EventTypeClassifier(nlp)


def subs(clf, nlp, text: str) -> list[str]:
    return [h.sub_event_type for s in nlp(text).sents for h in clf.classify(s)]


@pytest.mark.parametrize("text, expected", [
    ("Riot police fired tear gas at students marching to the ministry.", "Protest with intervention"),
    ("Anti-riot units detained a dozen demonstrators outside the courthouse.", "Protest with intervention"),
    ("Hundreds of pensioners rallied peacefully while riot police stood by.", "Peaceful protest"),
    ("Officers in riot gear watched the march pass the station.", "Peaceful protest"),
])
def test_riot_police_are_a_force_not_a_riot(clf, nlp, text, expected):
    assert subs(clf, nlp, text) == [expected]


def test_a_dated_present_is_a_caption_that_reports(clf, nlp):
    # the historic present of a photo caption, dated to a day: the protesters are the clash's side
    got = subs(clf, nlp, "Students clash with police outside the university in Lagos, Tuesday, March 3, 2020.")
    assert got == ["Violent demonstration"]
    got = subs(clf, nlp, "A demonstrator throws a stone at soldiers in Hebron, Friday, June 5, 2015.")
    assert got == ["Violent demonstration"]


def test_an_undated_present_with_be_stays_a_statement(clf, nlp):
    assert subs(clf, nlp, "Protests are a right of every citizen, the minister said on Monday.") == []


@pytest.mark.parametrize("text, expected", [
    ("Fishermen blocked the coastal road on Monday to protest a ban on night fishing.", ["Peaceful protest"]),
    ("Mothers gathered outside the prison to protest the detention of their sons.", ["Peaceful protest"]),
    ("The ministry summoned the envoy to protest the seizure of a trawler.", []),
    ("The union called on its members to protest outside the ministry next week.", []),
])
def test_a_gathering_done_to_protest_is_the_protest(clf, nlp, text, expected):
    assert subs(clf, nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Clashes between youths of two neighbouring villages left four people injured.", ["Mob violence"]),
    ("Traders and council workers clashed at the bus park over new stall fees.", ["Mob violence"]),
    ("Rebels and soldiers clashed near the dam on Sunday.", ["Armed clash"]),
    ("Villagers clashed with gunmen who tried to steal their cattle.", ["Armed clash"]),
    ("The talks followed years of fighting by the group in the hills.", ["Armed clash"]),
])
def test_a_fight_between_crowds_is_mob_violence(clf, nlp, text, expected):
    assert subs(clf, nlp, text) == expected


def test_a_crowd_fight_at_a_protest_is_the_protest_s_violence(clf, nlp):
    assert subs(clf, nlp, "Marchers and shopkeepers clashed as the protest passed the market.") == ["Violent demonstration"]


@pytest.mark.parametrize("text, expected", [
    ("Villagers beat a suspected cattle thief to death near the well.", ["Mob violence"]),
    ("Gunmen burned four travellers to death inside their bus.", ["Attack"]),
    ("The visitors beat the home side two goals to nil.", []),
    ("The investigators looked into the assault of a shop owner by a group of men, a hate crime.", []),
])
def test_a_killing_told_with_to_death(clf, nlp, text, expected):
    assert subs(clf, nlp, text) == expected


def test_the_object_of_a_headline_s_deed_is_its_victim_not_a_statement(clf, nlp):
    assert subs(clf, nlp, "Soldiers kill seven protesters in Bamako") == ["Excessive force against protesters"]


@pytest.mark.parametrize("text, expected", [
    ("Hundreds of nurses demanded back pay at a rally outside the ministry.", ["Peaceful protest"]),
    ("Strikers demanded higher wages during a march through the port.", ["Peaceful protest"]),
    ("The union threatened a march on the capital if talks fail.", []),
    ("The offensive aims to cut the rebels' supply lines.", []),
])
def test_who_demands_and_where_are_no_plan(clf, nlp, text, expected):
    assert subs(clf, nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Thousands of students demonstrated outside the parliament on Friday.", ["Peaceful protest"]),
    ("The two cases demonstrate the range of symptoms the drug can cause.", []),
    ("Our survey demonstrates steady growth in the number of contracts.", []),
])
def test_demonstrating_something_shows_it_and_is_no_protest(clf, nlp, text, expected):
    assert subs(clf, nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Demonstrators attacked a police station and damaged several vehicles during the march.", "Violent demonstration"),
    ("Students protesting the fee hike damaged property on campus and assaulted a guard.", "Violent demonstration"),
    ("Protesters broke into the parliament building and destroyed furniture.", "Violent demonstration"),
    ("Protesters overturned cars and forced their way into the town hall.", "Violent demonstration"),
    # police harmed at a protest tell the protesters' violence
    ("Several police officers were injured as the demonstration degenerated into running battles.",
     "Violent demonstration"),
    # the doer is the police, not the protesters: the outcome is the force used on them
    ("Police attacked the protesters with batons and tear gas outside the ministry.", "Protest with intervention"),
    # a symbol burnt, a verbal attack: gestures of a peaceful protest
    ("Protesters burned an effigy of the prime minister during a demonstration in the town.", "Peaceful protest"),
    ("The demonstrators verbally attacked the president and marched to the embassy.", "Peaceful protest"),
])
def test_violence_done_by_the_protesters_makes_a_riot(clf, nlp, text, expected):
    assert subs(clf, nlp, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("At least 15 protesters were wounded when soldiers fired on the march.", "Excessive force against protesters"),
    ("Police beat the marchers, leaving several of them with serious injuries.", "Excessive force against protesters"),
    ("Soldiers fired into the crowd of protesters, injuring at least ten.", "Excessive force against protesters"),
    ("Police fired rubber bullets at the march, wounding no one.", "Protest with intervention"),
])
def test_wounds_and_firing_on_a_march_are_excessive_force(clf, nlp, text, expected):
    assert subs(clf, nlp, text) == [expected]


def test_a_deed_a_protest_is_about_is_not_a_second_event(clf, nlp):
    got = subs(clf, nlp, "Women marched peacefully to condemn the rape and murder of a teenager.")
    assert got == ["Peaceful protest"]


@pytest.mark.parametrize("text, expected", [
    # force by police or troops at a protest is what happened to the protest (ACLED: excessive force)
    ("Police opened fire during a demonstration in the capital, killing two people.", "Excessive force against protesters"),
    ("Two people were killed when security forces fired at a march in the city.", "Excessive force against protesters"),
    ("Soldiers shot dead three people at a rally against the coup.", "Excessive force against protesters"),
    # anyone else's deed at a protest is a deed of its own, the protest its setting
    ("A bomb exploded at a rally in the city, killing five.", "Remote explosive/landmine/IED"),
])
def test_force_by_police_or_troops_at_a_protest_is_its_repression(sub_types, text, expected):
    assert sub_types(text) == [expected]



@pytest.mark.parametrize("text", [
    "Security forces opened fire on protesters in the capital on Friday, killing two.",
    "Soldiers shot at demonstrators outside the palace on Friday.",
])
def test_shooting_at_a_demonstration_is_force_against_it_not_a_fight(clf, nlp, text):
    assert subs(clf, nlp, text) == ["Excessive force against protesters"]


@pytest.mark.parametrize("text, expected", [
    # who protested did the violence: the subject of a protest verb, or a crowd a protest verb describes
    ("Residents took to the streets to protest power cuts and torched a government building.", "Violent demonstration"),
    ("Angry crowds protesting the verdict attacked the court building.", "Violent demonstration"),
    # a crowd that protests nothing is a mob
    ("A mob attacked a police station in the town on Monday.", "Mob violence"),
])
def test_those_who_protest_and_do_violence_riot(clf, nlp, text, expected):
    assert subs(clf, nlp, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # the purpose of a force's deed is no protest's topic: the stones are thrown at the protest
    ("Police fired tear gas to disperse stone-throwing protesters in the old city.", "Violent demonstration"),
    ("Hundreds rallied outside the court to protest the jailing of stone-throwing youths.", "Peaceful protest"),
])
def test_a_force_s_purpose_is_no_protest_topic(clf, nlp, text, expected):
    assert subs(clf, nlp, text) == [expected]
