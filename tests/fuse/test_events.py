from dataclasses import replace
from datetime import date

from eventwire.fuse.events import fuse
from eventwire.model import ActorRef, Claim, DateSpan, Evidence, Mention, Place

BELGOROD = Place("Shebekino", "RU", "Belgorod", 50.41, 36.89, "town", 1)
SHEB_REGION = Place("Belgorod Oblast", "RU", "Belgorod", 50.7, 37.0, "region", 2)
PSKOV = Place("Pskov", "RU", "Pskov", 57.82, 28.33, "town", 3)


def mention(doc, start, etype, sub, day, place, claims=(), actors=()):
    ev = Evidence(doc, f"sentence {doc}:{start}", start, start + 10)
    d = DateSpan(day, day, "day", "on Thursday") if day else None
    cl = tuple(Claim(p, v, None, s, who, st, False, ev) for p, v, s, who, st in claims)
    return Mention(doc, ev, etype, sub, "attack", d, place, tuple(actors), cl)


def run(ms, stories=None):
    return fuse(list(enumerate(ms)), stories or {})


def test_two_outlets_one_event_with_contradicting_figures():
    a = mention("d_a", 0, "Battles", "Armed clash", date(2024, 3, 12), BELGOROD,
                [("fatalities", 70, "attackers", "Russian Defence Ministry", "asserts")],
                [ActorRef("Military Forces of Russia (2000-)", "actor1")])
    b = mention("d_b", 5, "Battles", "Armed clash", date(2024, 3, 12), SHEB_REGION,
                [("fatalities", 0, "attackers", "Russian Volunteer Corps", "denies")],
                [ActorRef("Russian Volunteer Corps", "actor1")])
    (ev,) = run([a, b])
    assert set(ev.documents) == {"d_a", "d_b"}
    assert ev.location.name == "Shebekino"  # the more precise place wins
    assert ev.fatalities.low == 0 and ev.fatalities.high == 70 and ev.fatalities.best == 70
    assert len(ev.contradictions) == 1
    summary = ev.contradictions[0].summary
    assert "Russian Defence Ministry" in summary and "Russian Volunteer Corps" in summary


def test_same_day_same_region_different_weapons_stay_apart():
    drone = mention("d_a", 0, "Explosions/Remote violence", "Air/drone strike", date(2024, 3, 12), BELGOROD)
    shell = mention("d_b", 0, "Explosions/Remote violence", "Shelling/artillery/missile attack", date(2024, 3, 12), BELGOROD)
    battle = mention("d_c", 0, "Battles", "Armed clash", date(2024, 3, 12), BELGOROD)
    assert len(run([drone, shell, battle])) == 3


def test_shot_down_joins_the_drone_strike_and_type_prefers_the_strike():
    dwu = mention("d_a", 0, "Strategic developments", "Disrupted weapons use", date(2023, 8, 30), PSKOV)
    hit = mention("d_b", 0, "Explosions/Remote violence", "Air/drone strike", date(2023, 8, 29), PSKOV)
    (ev,) = run([dwu, hit])
    assert ev.sub_event_type == "Air/drone strike"


def test_a_report_of_any_sub_type_does_not_bridge_a_shelling_and_a_drone_strike():
    day = date(2024, 3, 12)
    blast = mention("d_a", 0, "Explosions/Remote violence", "Remote explosive/landmine/IED", day, SHEB_REGION)
    shell = mention("d_b", 0, "Explosions/Remote violence", "Shelling/artillery/missile attack", day, SHEB_REGION)
    drone = mention("d_c", 0, "Explosions/Remote violence", "Air/drone strike", day, SHEB_REGION)
    events = run([blast, shell, drone])
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Shelling/artillery/missile attack"]
    # with a member of its own sub-type in the event, a report joins it as before
    again = mention("d_d", 0, "Explosions/Remote violence", "Air/drone strike", day, SHEB_REGION)
    assert len(run([blast, shell, drone, again])) == 2


def test_far_apart_dates_or_places_are_different_events():
    a = mention("d_a", 0, "Battles", "Armed clash", date(2024, 3, 12), BELGOROD)
    later = mention("d_b", 0, "Battles", "Armed clash", date(2024, 3, 20), BELGOROD)
    elsewhere = mention("d_c", 0, "Battles", "Armed clash", date(2024, 3, 12), PSKOV)
    assert len(run([a, later, elsewhere])) == 3


def test_same_claimant_update_is_not_a_contradiction_but_copies_count_once():
    first = mention("d_a", 0, "Explosions/Remote violence", "Shelling/artillery/missile attack", date(2024, 3, 12),
                    BELGOROD, [("injuries", 8, "people", "Governor Gladkov", "asserts")])
    later = mention("d_b", 0, "Explosions/Remote violence", "Shelling/artillery/missile attack", date(2024, 3, 12),
                    BELGOROD, [("injuries", 1, "people", "Gladkov", "asserts")])
    copy = mention("d_c", 0, "Explosions/Remote violence", "Shelling/artillery/missile attack", date(2024, 3, 12),
                   BELGOROD, [("injuries", 1, "people", "Gladkov", "asserts")])
    (ev,) = run([first, later, copy], stories={"d_b": "s_b", "d_c": "s_b", "d_a": "s_a"})
    assert ev.contradictions == ()
    assert sorted(c.value for c in ev.claims) == [1, 8]  # the copy's claim is not counted again
    (update,) = ev.updates
    assert update.property == "injuries" and "8 → 1" in update.summary
    assert "2 independent sources" in ev.confidence_reasons


def test_event_ids_are_stable_when_documents_are_added_later():
    a = mention("d_a", 0, "Battles", "Armed clash", date(2024, 3, 12), BELGOROD)
    b = mention("d_b", 0, "Battles", "Armed clash", date(2024, 3, 12), BELGOROD)
    other = mention("d_c", 0, "Explosions/Remote violence", "Air/drone strike", date(2024, 3, 1), PSKOV)
    first_ids = {e.id for e in run([a])}
    assert first_ids <= {e.id for e in run([a, b, other])}


def test_undated_copy_joins_its_story_event():
    dated = mention("d_a", 0, "Explosions/Remote violence", "Air/drone strike", date(2023, 8, 30), PSKOV)
    undated = mention("d_b", 0, "Explosions/Remote violence", "Air/drone strike", None, PSKOV)
    (ev,) = run([dated, undated], stories={"d_a": "s_a", "d_b": "s_a"})
    assert set(ev.documents) == {"d_a", "d_b"} and ev.exportable


def test_a_later_reference_back_joins_the_event_it_names():
    first = Mention("d_a", Evidence("d_a", "Saboteurs crossed the border and attacked the village of Kozinka on Tuesday.", 0, 70),
                    "Battles", "Armed clash", "attacked", DateSpan(date(2024, 3, 12), date(2024, 3, 12), "day", "on Tuesday"),
                    BELGOROD)
    # weeks later, dated only by its article: "the saboteurs' attack on Kozinka" is the same raid
    later = Mention("d_b", Evidence("d_b", "Investigators are still questioning residents about the saboteurs who attacked Kozinka.", 0, 80),
                    "Battles", "Armed clash", "attacked", DateSpan(date(2024, 4, 2), date(2024, 4, 2), "day", ""), BELGOROD)
    unrelated = Mention("d_c", Evidence("d_c", "Tanks clashed with infantry near the railway station at dawn.", 0, 60),
                        "Battles", "Armed clash", "clashed", DateSpan(date(2024, 4, 2), date(2024, 4, 2), "day", ""), BELGOROD)
    events = run([first, later, unrelated])
    assert len(events) == 2
    raid = next(e for e in events if "d_a" in e.documents)
    assert set(raid.documents) == {"d_a", "d_b"} and raid.date.start == date(2024, 3, 12)


def test_blame_denied_by_the_blamed_is_a_contradiction():
    ev = Evidence("d_a", "s", 0, 1)
    blamed = Claim("responsibility", "Kyiv", None, None, "Moscow", "asserts", False, ev)
    denied = Claim("responsibility", "Kyiv", None, None, "Kyiv", "denies", False, ev)
    a = mention("d_a", 0, "Explosions/Remote violence", "Air/drone strike", date(2024, 3, 12), BELGOROD)
    a = Mention(a.document, a.evidence, a.event_type, a.sub_event_type, a.trigger, a.date, a.place, (), (blamed, denied))
    (event,) = run([a])
    (c,) = event.contradictions
    assert c.property == "responsibility" and "Moscow asserts" in c.summary and "Kyiv denies" in c.summary


# -- references back: a later report names an earlier happening by what was done to whom
CITY = Place("Mykolaiv", "UA", "Mykolaiv", 46.97, 32.0, "town", 10, surface="Mykolaiv")
ABROAD = Place("Warsaw", "PL", "Mazovia", 52.23, 21.01, "town", 11, surface="Warsaw")


def said(doc, text, trigger, day, place, explicit=True, etype="Violence against civilians", sub="Attack"):
    d = DateSpan(day, day, "day", "on 3 March" if explicit else "") if day else None
    return Mention(doc, Evidence(doc, text, 0, len(text)), etype, sub, trigger, d, place)


def test_a_reference_from_abroad_weeks_later_joins_the_event_it_names():
    murder = said("d_a", "Gunmen murdered six journalists at the Mykolaiv printing works on 3 March.", "murdered",
                  date(2024, 3, 3), CITY)
    # filed in another country, dated only by its article, the place borrowed from its dateline
    later = said("d_b", "The minister condemned the murder of six journalists and promised an inquiry.", "murder",
                 date(2024, 3, 20), ABROAD, explicit=False)
    other = said("d_c", "The minister condemned the murder of a farmer by unknown men.", "murder",
                 date(2024, 3, 20), ABROAD, explicit=False)
    events = run([murder, later, other])
    assert len(events) == 2
    joined = next(e for e in events if "d_a" in e.documents)
    assert set(joined.documents) == {"d_a", "d_b"}
    assert joined.date.start == date(2024, 3, 3) and joined.location.name == "Mykolaiv"


def test_a_reference_ingested_before_the_report_it_names_still_joins_it():
    later = said("d_b", "Investigators questioned guards about the murder of six journalists.", "murder",
                 date(2024, 3, 20), CITY, explicit=False)
    murder = said("d_a", "Gunmen murdered six journalists at the printing works in Mykolaiv on 3 March.", "murdered",
                  date(2024, 3, 3), CITY)
    (ev,) = run([later, murder])
    assert set(ev.documents) == {"d_a", "d_b"} and ev.date.start == date(2024, 3, 3)


def test_a_reference_without_a_place_joins_the_event_it_names():
    murder = said("d_a", "Gunmen murdered six journalists at the Mykolaiv printing works on 3 March.", "murdered",
                  date(2024, 3, 3), CITY)
    placeless = said("d_b", "Relatives of the six journalists murdered on 3 March buried them on Sunday.", "murdered",
                     date(2024, 3, 3), None)
    (ev,) = run([murder, placeless])
    assert set(ev.documents) == {"d_a", "d_b"}


def test_an_article_that_never_names_the_place_joins_the_event_one_of_its_mentions_names():
    murder = said("d_a", "Gunmen murdered six journalists at the Mykolaiv printing works on 3 March.", "murdered",
                  date(2024, 3, 3), CITY)
    # a communiqué with no place at all: its first mention shares too little, its second names the victims
    vague = said("d_b", "In view of the vile massacre of journalists today, the front declares:", "massacre",
                 date(2024, 3, 3), None)
    named = said("d_b", "The massacre of six journalists at the printing works was perpetrated at dawn today.",
                 "massacre", date(2024, 3, 3), None)
    unrelated = said("d_c", "In view of the vile massacre of journalists today, the union declares:", "massacre",
                     date(2024, 3, 3), None)
    events = run([murder, vague, named, unrelated])
    joined = next(e for e in events if "d_a" in e.documents)
    assert set(joined.documents) == {"d_a", "d_b"}
    assert {m.evidence.sentence for m in joined.mentions} >= {vague.evidence.sentence, named.evidence.sentence}
    assert any(e.documents == ("d_c",) for e in events)


def test_generic_words_and_a_shared_group_name_do_not_make_a_reference():
    raid = said("d_a", "Rebels of the Northern Front killed three soldiers in an attack on a checkpoint in Mykolaiv.",
                "killed", date(2024, 3, 3), CITY, etype="Battles", sub="Armed clash")
    later = said("d_b", "Officials said the Northern Front killed soldiers during the night.", "killed",
                 date(2024, 3, 20), ABROAD, explicit=False, etype="Battles", sub="Armed clash")
    assert len(run([raid, later])) == 2


def test_a_month_dated_member_does_not_let_its_event_swallow_the_month():
    day = date(2024, 3, 3)
    fight = said("d_a", "Troops and rebels clashed in Mykolaiv on 3 March.", "clashed", day, CITY,
                 etype="Battles", sub="Armed clash")
    month = Mention("d_b", Evidence("d_b", "The fighting in Mykolaiv in March displaced hundreds.", 0, 50), "Battles",
                    "Armed clash", "fighting", DateSpan(date(2024, 3, 1), date(2024, 3, 31), "month", "in March"), CITY)
    later = said("d_c", "Troops and rebels clashed again in Mykolaiv on 20 March.", "clashed", date(2024, 3, 20), CITY,
                 etype="Battles", sub="Armed clash")
    events = run([fight, month, later])
    assert sorted(sorted(e.documents) for e in events) == [["d_a", "d_b"], ["d_c"]]


def test_an_event_several_stories_date_is_not_folded_into_an_earlier_one_by_a_loose_reference():
    bombs = "Explosions/Remote violence", "Remote explosive/landmine/IED"
    medellin = Place("Medellin", "CO", "Antioquia", 6.25, -75.56, "town", 20, surface="Medellin")
    capital = Place("San Salvador", "SV", "San Salvador", 13.69, -89.19, "town", 21, surface="San Salvador")
    earlier = said("d_a", "Four bombs exploded at the party offices in Medellin on 24 August, killing a guard.",
                   "exploded", date(1989, 8, 24), medellin, etype=bombs[0], sub=bombs[1])
    # ten weeks later, in another country: two stories, one dating the explosions itself
    dated = said("d_b", "Rebels set off explosives at the garrison on Saturday night.", "explosives",
                 date(1989, 11, 11), capital, etype=bombs[0], sub=bombs[1])
    loose = said("d_c", "Four bombs exploded near the party offices and the garrison, witnesses said.", "exploded",
                 date(1989, 11, 11), capital, explicit=False, etype=bombs[0], sub=bombs[1])
    events = run([earlier, dated, loose])
    assert sorted(sorted(e.documents) for e in events) == [["d_a"], ["d_b", "d_c"]]


def test_a_landmark_links_to_the_event_but_is_no_source_of_it():
    report = mention("d_a", 0, "Battles", "Armed clash", date(2024, 3, 12), BELGOROD)
    other = mention("d_b", 0, "Battles", "Armed clash", date(2024, 3, 12), BELGOROD)
    landmark = replace(mention("d_c", 0, "Battles", "Armed clash", date(2024, 3, 12), BELGOROD), landmark=True)
    (ev,) = run([report, landmark])
    assert ev.documents == ("d_a",) and ev.mentions == (report,)
    assert ev.references == (landmark,)
    assert ev.confidence == run([report])[0].confidence and "1 independent source" in ev.confidence_reasons
    (two,) = run([report, other, landmark])
    assert two.documents == ("d_a", "d_b") and two.references == (landmark,)


def test_a_landmark_never_starts_an_event_even_when_ingested_first():
    landmark = replace(mention("d_c", 0, "Battles", "Armed clash", date(2024, 3, 12), BELGOROD), landmark=True)
    assert run([landmark]) == []
    report = mention("d_a", 0, "Battles", "Armed clash", date(2024, 3, 12), BELGOROD)
    (ev,) = run([landmark, report])
    assert ev.documents == ("d_a",) and ev.references == (landmark,)
    assert ev.id == run([report])[0].id  # the first report, not the landmark, names the event


def test_a_named_charge_is_no_bare_explosion_when_reports_disagree_on_the_weapon():
    day = date(2024, 3, 3)
    bomb = replace(mention("d_a", 0, "Explosions/Remote violence", "Remote explosive/landmine/IED", day, BELGOROD),
                   weapon="planted explosives")
    bare = mention("d_b", 0, "Explosions/Remote violence", "Remote explosive/landmine/IED", day, BELGOROD)
    air = mention("d_c", 0, "Explosions/Remote violence", "Air/drone strike", day, BELGOROD)
    # a car bomb told twice beats one outlet's helicopters
    (ev,) = run([bomb, replace(bomb, document="d_d"), air])
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    # a bare explosion still yields to the weapon another report names
    (ev,) = run([bare, replace(bare, document="d_d"), air])
    assert ev.sub_event_type == "Air/drone strike"


def test_a_name_found_beside_many_events_makes_no_reference_to_any_of_them():
    def bombing(doc, day, what):
        return said(doc, f"Fighters of the Farabundo Liberation Front bombed {what} in Mykolaiv on {day} March.",
                    "bombed", date(2024, 3, day), CITY, etype="Explosions/Remote violence",
                    sub="Remote explosive/landmine/IED")
    events = [bombing("d_1", 2, "a bridge"), bombing("d_2", 5, "a depot"), bombing("d_3", 8, "a school"),
              bombing("d_4", 11, "a dam")]
    later = said("d_9", "Helicopters carried out intense bombings against the Farabundo Liberation Front.",
                 "bombings", date(2024, 3, 20), CITY, explicit=False, etype="Explosions/Remote violence",
                 sub="Air/drone strike")
    fused = run(events + [later])
    assert not any("d_9" in e.documents and len(e.documents) > 1 for e in fused)
    # named beside one event only, the same words do name it
    (one,) = run(events[:1] + [later])
    assert set(one.documents) == {"d_1", "d_9"}


def test_history_told_in_passing_joins_no_event_by_place_alone():
    attack = said("d_a", "Gunmen murdered a judge in Mykolaiv on 3 March.", "murdered", date(2024, 3, 3), CITY)
    # undated because it names an older year; its place is borrowed from the article
    history = said("d_b", "The paper, whose director was assassinated in 1986, was bombed again.", "assassinated",
                   None, CITY)
    events = run([attack, history])
    assert next(e for e in events if "d_a" in e.documents).documents == ("d_a",)
    # an undated copy with no year still joins the event of its town
    copy = said("d_c", "Gunmen murdered a judge in Mykolaiv.", "murdered", None, CITY)
    assert set(next(e for e in run([attack, copy]) if "d_a" in e.documents).documents) == {"d_a", "d_c"}


def test_fusing_twice_gives_the_same_events_and_no_run_shares_summaries():
    from eventwire.fuse import events as fuse_events

    assert not hasattr(fuse_events, "_SUMMARIES")  # summaries live on each Clusterer
    murder = said("d_a", "Gunmen murdered six journalists at the Mykolaiv printing works on 3 March.", "murdered",
                  date(2024, 3, 3), CITY)
    later = said("d_b", "The minister condemned the murder of six journalists and promised an inquiry.", "murder",
                 date(2024, 3, 20), ABROAD, explicit=False)
    first = run([murder, later])
    second = run([murder, later])
    assert [(e.id, e.documents) for e in first] == [(e.id, e.documents) for e in second]
    assert set(first[0].documents) == {"d_a", "d_b"}


def test_an_event_every_mention_of_which_is_doubted_loses_confidence_and_says_why():
    sure = mention("d1", 0, "Battles", "Armed clash", date(2024, 3, 1), PSKOV)
    doubted = replace(sure, doubt="'clash' has no date, place, participant or count in its sentence")
    plain, low = run([sure])[0], run([doubted])[0]
    assert low.confidence < plain.confidence
    assert doubted.doubt in low.confidence_reasons
    # one undoubted report is enough: the event is told concretely somewhere
    both = run([doubted, replace(sure, document="d2", evidence=replace(sure.evidence, document="d2"))])[0]
    assert not any("no date, place" in r for r in both.confidence_reasons)


def test_an_event_that_is_only_talk_stays_in_the_database_but_is_not_exported():
    sure = mention("d1", 0, "Battles", "Armed clash", date(2024, 3, 1), PSKOV)
    talk = replace(sure, doubt="'clash' has no date, place, participant or count in its sentence")
    assert run([sure])[0].exportable
    assert run([talk])[0].only_talk and not run([talk])[0].exportable
    # one concrete report makes it exportable; a denied report is one side's word, not talk
    second = replace(sure, document="d2", evidence=replace(sure.evidence, document="d2"))
    assert run([talk, second])[0].exportable
    denied = replace(sure, doubt="'denied this': its report denied in its own sentence")
    assert run([denied])[0].exportable


def test_one_actor1_the_doer_most_reports_name_the_other_side_actor2_and_a_tie_left_open():
    ru = ActorRef("Military Forces of Russia (2000-)", "actor1", "ru-military")
    ua = ActorRef("Military Forces of Ukraine (2019-)", "actor1", "ua-military")
    gunmen = ActorRef("Unidentified Armed Group", "actor1", "unidentified")
    day = date(2024, 3, 12)
    shelling = "Shelling/artillery/missile attack"
    ms = [mention(d, 0, "Explosions/Remote violence", shelling, day, BELGOROD, actors=a)
          for d, a in (("d_a", [ru]), ("d_b", [ru, gunmen]), ("d_c", [ua]))]
    (ev,) = run(ms)
    roles = {a.name: a.role for a in ev.actors}
    assert roles == {ru.name: "actor1", ua.name: "actor2", gunmen.name: "assoc_actor_1"}
    (tie,) = run(ms[1:])  # one report each: nothing tells the doer
    assert [a.role for a in tie.actors if a.name in (ru.name, ua.name)] == ["actor1", "actor1"]


def test_another_countrys_forces_named_beside_the_doer_are_the_other_side():
    ru = ActorRef("Military Forces of Russia (2000-)", "actor1", "ru-military", inter=1)
    ua_assoc = ActorRef("Military Forces of Ukraine (2019-)", "assoc_actor_1", "ua-military", inter=1)
    civ = ActorRef("Civilians", "actor2", "civilians", inter=7)
    day = date(2024, 3, 12)
    (clash,) = run([mention("d_a", 0, "Battles", "Armed clash", day, BELGOROD, actors=[ru, ua_assoc, civ])])
    assert {a.name: a.role for a in clash.actors} == {ru.name: "actor1", ua_assoc.name: "actor2",
                                                     civ.name: "assoc_actor_2"}
    # violence against civilians keeps the civilians as its other side
    (attack,) = run([mention("d_b", 0, "Violence against civilians", "Attack", day, BELGOROD,
                             actors=[ru, ua_assoc, civ])])
    assert {a.name: a.role for a in attack.actors} == {ru.name: "actor1", ua_assoc.name: "assoc_actor_1",
                                                      civ.name: "actor2"}


def test_a_place_a_report_names_beats_a_finer_one_another_report_borrowed():
    day = date(2024, 3, 12)
    borrowed = replace(mention("d_a", 0, "Explosions/Remote violence", "Shelling/artillery/missile attack", day, BELGOROD),
                       evidence=Evidence("d_a", "Artillery shelled homes, killing two, the governor said.", 0, 55))
    named = replace(mention("d_b", 0, "Explosions/Remote violence", "Shelling/artillery/missile attack", day,
                            replace(SHEB_REGION, surface="Belgorod region")),
                    evidence=Evidence("d_b", "Artillery shelled a village of the Belgorod region on Tuesday.", 0, 60))
    (ev,) = run([borrowed, named])
    assert ev.location.name == "Belgorod Oblast"
    # with no place named by any report, the finest borrowed one still wins
    (ev,) = run([borrowed, replace(named, place=SHEB_REGION)])
    assert ev.location.name == "Shebekino"


def test_a_deed_told_again_without_its_day_in_the_same_report_joins_the_deed_it_dated():
    shelling = said("d_a", "At least nine people were killed when shells struck a camp in Mykolaiv on Friday.", "shells",
                    date(2024, 3, 1), CITY, etype="Explosions/Remote violence", sub="Shelling/artillery/missile attack")
    # the same article, dated only by its page, few words in common with the sentence that dated it
    again = Mention("d_a", Evidence("d_a", "The army said the rounds had been fired by rebels from the hills.", 200, 265),
                    "Explosions/Remote violence", "Shelling/artillery/missile attack", "fired",
                    DateSpan(date(2024, 3, 4), date(2024, 3, 4), "day", ""), CITY)
    (ev,) = run([shelling, again])
    assert ev.date.start == date(2024, 3, 1) and len(ev.mentions) == 2
    # another outlet's sentence, as loosely worded, names no deed of its own: an event of its own
    other = replace(again, document="d_b", evidence=replace(again.evidence, document="d_b"))
    assert len(run([shelling, other])) == 2


def test_a_page_date_outside_the_date_a_report_gives_in_its_words_is_not_the_events():
    told = said("d_a", "He attended a rally at the stadium.", "rally", date(2022, 4, 22), CITY, explicit=False,
                etype="Protests", sub="Peaceful protest")
    dated = Mention("d_a", Evidence("d_a", "Athletes attended a rally at the Mykolaiv stadium last month.", 100, 160),
                    "Protests", "Peaceful protest", "rally", DateSpan(date(2022, 3, 1), date(2022, 3, 31), "month", "last month"),
                    CITY)
    (ev,) = run([told, dated])
    assert (ev.date.start, ev.date.precision) == (date(2022, 3, 1), "month")
    # outnumbered by reports dated only by their page, a date in words may be a deed recalled in passing
    more = replace(told, evidence=replace(told.evidence, sentence="Police watched the rally at the stadium.", start=300))
    (ev,) = run([told, dated, more])
    assert ev.date.start == date(2022, 4, 22)


def test_a_state_doer_of_a_fight_told_beside_a_rebel_taking_is_the_other_side():
    # ACLED's taking by a non-state group has a non-state actor 1: the army that 'repelled the attack' is actor 2
    army = ActorRef("Military Forces of Syria (2024-)", "actor1", "sy-military", inter=1)
    rebels = ActorRef("HTS: Hayat Tahrir al-Sham", "actor1", "sy-hts", inter=2)
    day = date(2024, 11, 29)
    taking = mention("d_a", 0, "Battles", "Non-state actor overtakes territory", day, BELGOROD, actors=[rebels])
    clash = mention("d_a", 40, "Battles", "Armed clash", day, BELGOROD, actors=[army])
    (ev,) = run([taking, clash])
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert {a.name: a.role for a in ev.actors} == {rebels.name: "actor1", army.name: "actor2"}
    (alone,) = run([clash])  # a fight alone keeps its doer
    assert [a.role for a in alone.actors] == ["actor1"]


def test_a_reports_own_day_beats_the_day_a_speaker_told_of_it():
    # 'killed 124 people, a group said on Saturday' and 'stormed the village on Friday': the deed's day is Friday
    said = mention("d_a", 0, "Violence against civilians", "Attack", date(2024, 10, 26), BELGOROD)
    said = replace(said, date=replace(said.date, text="on Saturday", spoken=True))
    own = mention("d_a", 40, "Violence against civilians", "Attack", date(2024, 10, 25), BELGOROD)
    (ev,) = run([said, own])
    assert ev.date.start == date(2024, 10, 25)
    (alone,) = run([said])  # told only by the speaker's day, that day stands
    assert alone.date.start == date(2024, 10, 26)
