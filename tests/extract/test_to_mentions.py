"""The extract stage on whole documents written for these tests."""
from datetime import date

import pytest

from eventwire.model import Document, PublishedDate


def document(text: str, published: date | None = date(2024, 3, 14), language: str = "en") -> Document:
    pub = PublishedDate(published, "metadata" if published else "none", 0.9 if published else 0.0)
    return Document("d_test", "0" * 64, None, None, "Test Wire", None, pub, language, text)


def test_event_place_is_tied_to_the_trigger_not_the_dateline(extractor):
    text = "KYIV, 14 March 2024 — Russian drones struck an oil depot in Odesa early on Wednesday, officials said."
    (m, *_) = extractor.extract(document(text))
    assert m.sub_event_type == "Air/drone strike"
    assert m.place.name == "Odesa" and m.place.country == "UA"
    assert m.date.start == date(2024, 3, 13)  # Wednesday before a Thursday publication
    assert any(a.name.startswith("Military Forces of Russia") and a.role == "actor1" for a in m.actors)


def test_background_event_keeps_its_own_date(extractor):
    text = ("Shelling hit Belgorod on Thursday, the governor said.\n\n"
            "In May 2023, militants crossed into the Belgorod region and clashed with border guards.")
    ms = extractor.extract(document(text))
    background = next(m for m in ms if m.event_type == "Battles")
    assert (background.date.start, background.date.precision) == (date(2023, 5, 1), "month")
    shelling = next(m for m in ms if m.event_type == "Explosions/Remote violence")
    assert shelling.date.start == date(2024, 3, 14)


def test_threats_and_plans_yield_no_mentions(extractor):
    text = ("The militia threatened more attacks on the capital.\n\n"
            "Officials warned that the army could launch an offensive next month.")
    assert extractor.extract(document(text)) == []


def test_claims_in_a_sentence_without_trigger_join_the_last_event(extractor):
    text = "Russian forces shelled the town of Vovchansk on Tuesday.\n\nThe governor said three civilians were wounded."
    (m,) = extractor.extract(document(text))
    (c,) = [c for c in m.claims if c.property == "injuries"]
    assert (c.value, c.claimant, c.subject) == (3, "governor", "civilians")


def test_figures_of_a_sentence_dated_earlier_join_no_later_event(extractor):
    text = ("Russian forces shelled the town of Vovchansk on Tuesday, wounding two people.\n\n"
            "In December, a strike on the town centre killed 25 people.")
    (m,) = [m for m in extractor.extract(document(text)) if str(m.date.start) == "2024-03-12"]
    assert 25 not in [c.value for c in m.claims], m.claims
    later = "Russian forces shelled the town of Vovchansk on Tuesday.\n\nTwo people were killed, the governor said on Wednesday."
    (m,) = extractor.extract(document(later))
    assert [c.value for c in m.claims if c.property == "fatalities"] == [2]  # a later date is the telling's


def test_figures_told_at_another_town_join_no_event_placed_in_a_town(extractor):
    text = ("A shell hit a house in Kherson on Tuesday, killing a man, the governor said.\n\n"
            "Two women were wounded in Beryslav.")
    (m,) = extractor.extract(document(text))
    assert 2 not in [c.value for c in m.claims if c.property == "injuries"], m.claims
    same = ("A shell hit a house in Kherson on Tuesday, the governor said.\n\n"
            "Two women were wounded in Kherson, he added.")
    (m,) = extractor.extract(document(same))
    assert [c.value for c in m.claims if c.property == "injuries"] == [2]


def test_non_english_documents_are_skipped(extractor):
    assert extractor.extract(document("Российские дроны атаковали Одессу.", language="ru")) == []


def test_undated_document_resolves_no_relative_dates(extractor):
    (m,) = extractor.extract(document("Drones struck a depot in Odesa on Tuesday.", published=None))
    assert m.date is None and m.place.name == "Odesa"


def test_questions_and_history_told_in_passing_are_not_dated_events(extractor):
    assert extractor.extract(document("How many mothers took to the streets when the war began?")) == []
    (m,) = extractor.extract(document("The Russian empire seized control of the town in 1795, historians say."))
    assert m.date is None


def test_names_that_contain_a_town_are_not_event_places(extractor):
    (m,) = extractor.extract(document("Fighters of the Wagner Group attacked a village in Mali on Tuesday."))
    assert m.place.name == "Mali"
    (m,) = extractor.extract(document("Marine Le Pen said troops shelled Kharkiv on Monday."))
    assert m.place.name == "Kharkiv"


def test_a_possessive_place_names_the_attacker_not_the_location(extractor):
    (m,) = extractor.extract(document("Moscow's bombardment of Kharkiv continued on Tuesday, officials said."))
    assert m.place.name == "Kharkiv"


def test_a_sentence_wrapped_over_lines_is_read_whole(extractor):
    # wire copy hard-wrapped at 70 columns: trigger, place and date sit on different lines
    text = ("KHARKIV, 3 MAR 24 (TEST WIRE) -- [TEXT] A LOCAL OFFICIAL SAID THAT\n"
            "UNIDENTIFIED GUNMEN HAD KILLED A JUDGE AND HIS TWO BODYGUARDS IN THE\n"
            "CENTER OF MYKOLAIV ON FRIDAY AS THEY LEFT THE COURTHOUSE.\n\n"
            "THE POLICE HAVE NOT NAMED ANY SUSPECTS IN THE CASE SO FAR, THE\n"
            "OFFICIAL ADDED.")
    (m,) = extractor.extract(document(text, published=date(2024, 3, 3)))
    assert m.place.admin1 == "Mykolaiv Oblast"  # the city (GeoNames spells it Mykolayiv) or its region
    assert m.date.start == date(2024, 3, 1)
    assert "MYKOLAIV ON FRIDAY" in m.evidence.sentence  # evidence quotes the stored text, line breaks and all


# ------------------------------------------------------------- time landmarks
def test_an_event_used_to_date_something_else_is_a_landmark(extractor):
    text = "The minister arrived in Kharkiv a day before Russian missiles struck the city on Tuesday."
    (m,) = extractor.extract(document(text))
    assert m.landmark
    assert "time landmark" in m.reason and "'arrived'" in m.reason


@pytest.mark.parametrize("text", [
    "Two people died after a Russian drone hit their car in Kherson on Tuesday.",
    "The school in Odesa closed after a missile strike damaged its roof on Friday.",
    "Power was cut in Kharkiv during the shelling on Monday.",
    "Food prices soared in Mosul amid heavy fighting on Saturday.",
])
def test_an_event_followed_or_accompanied_by_its_consequences_is_reported(extractor, text):
    """What comes after or during an event may be its consequence: only 'before' makes a landmark."""
    ms = extractor.extract(document(text))
    assert ms and not any(m.landmark for m in ms)


def test_a_deed_recalled_in_passing_is_a_reference_unless_it_has_its_own_date(extractor):
    text = ("Russian troops shelled the town of Vovchansk on Tuesday.\n\n"
            "Russian forces had shelled the nearby village of Starytsia before the ceasefire.\n\n"
            "The previous drone attack on Vovchansk took place on February 20.")
    shelling, recalled, previous = [m for m in extractor.extract(document(text)) if m.event_type != "Strategic developments"]
    assert not shelling.landmark and shelling.date.start == date(2024, 3, 12)
    # no date of its own: it names an earlier deed, it is no news of the article's day
    assert recalled.landmark and "past perfect" in recalled.reason
    # its own date: an event of that day
    assert not previous.landmark and previous.date.start == date(2024, 2, 20)


def test_the_event_told_in_the_main_clause_is_reported(extractor):
    (m,) = extractor.extract(document("The rebels launched their offensive in Mosul on Saturday."))
    assert not m.landmark


def test_a_toll_counted_since_the_event_reports_it(extractor):
    ms = extractor.extract(document("Since the rebels launched their offensive on Saturday, 40 people have died in Mosul."))
    assert ms and not any(m.landmark for m in ms)


def test_one_subjects_deeds_told_in_order_are_reported(extractor):
    ms = extractor.extract(document("Two hours before launching the offensive in Mosul, the rebels shelled the airport."))
    assert ms and not any(m.landmark for m in ms)


def test_a_date_on_a_verb_that_speaks_of_the_deed_dates_the_telling_not_the_deed(extractor):
    text = ("The president referred on Tuesday to the murder of six journalists in Odesa.\n\n"
            "Officials said on Tuesday that drones struck an oil depot in Odesa.")
    murder, strike = extractor.extract(document(text, published=date(2024, 3, 14)))
    # Tuesday 12 March dates the president's words; the murder keeps its article's date (a reference back)
    assert murder.trigger == "murder" and murder.date.start == date(2024, 3, 14) and murder.date.text == ""
    assert "not the deed" in murder.reason
    # a plain report's date is the deed's
    assert strike.sub_event_type == "Air/drone strike" and strike.date.start == date(2024, 3, 12)


def test_a_date_on_an_act_about_the_deed_does_not_date_the_deed(extractor):
    text = ("The bodies of victims of the massacre in Odesa were found on Tuesday.\n\n"
            "The death toll from Tuesday's shelling of Odesa rose to 12 on Wednesday.")
    found, toll = extractor.extract(document(text, published=date(2024, 3, 14)))
    # Tuesday dates the finding, not the massacre
    assert found.trigger == "massacre" and found.date.text == "" and "not the deed" in found.reason
    # a date inside the trigger's own phrase dates it, whatever the verb's date says
    assert toll.sub_event_type == "Shelling/artillery/missile attack" and toll.date.start == date(2024, 3, 12)


def test_the_day_a_deed_was_done_dates_it(extractor):
    text = "The decrees were issued on 18 February, the same day a senator was assassinated in Odesa."
    (m,) = extractor.extract(document(text, published=date(2024, 3, 14)))
    assert m.trigger == "assassinated" and m.date.start == date(2024, 2, 18)


def test_a_deed_named_as_a_topic_is_not_dated_by_the_sentence_before(extractor):
    text = ("The prosecutor met reporters in Odesa on Tuesday. "
            "He said the investigation of the murder of six journalists had stalled.")
    (m,) = extractor.extract(document(text, published=date(2024, 3, 14)))
    assert m.trigger == "murder" and m.date.text == "" and m.date.start == date(2024, 3, 14)
    # a narrated deed still takes it
    text = "Gunmen attacked a checkpoint in Odesa on Tuesday. Two guards were shot dead."
    ms = extractor.extract(document(text, published=date(2024, 3, 14)))
    assert ms[-1].trigger == "shot dead" and ms[-1].date.start == date(2024, 3, 12)


def page(text: str, url: str | None = None, title: str | None = None) -> Document:
    pub = PublishedDate(date(2024, 3, 14), "metadata", 0.9)
    return Document("d_test", "0" * 64, None, url, "Test Wire", title, pub, "en", text)


def test_on_a_commentary_page_only_a_concrete_deed_is_reported(extractor):
    text = ("The war has taught us that artillery decides everything.\n\n"
            "Russian troops shelled the city of Kharkiv on Tuesday, killing two civilians, the governor said.\n\n"
            "The army shelled towns for years while the world looked away.")
    url = "https://news.example/opinion/2024/03/14/what-the-war-taught"
    got = extractor.extract(page(text, url))
    assert [m.place.name for m in got] == ["Kharkiv"]
    assert "commentary page" in got[0].reason
    assert len(extractor.extract(page(text, "https://news.example/world/2024/03/14/shelling"))) >= 2


def test_claims_follow_the_deed_the_commentary_gate_keeps(extractor):
    # two deeds in one sentence: "fighting" has no date of its own and is left out on a commentary page;
    # the dead the sentence counts still go with the shelling that is reported
    text = "After weeks of fighting, Russian troops shelled the city of Kharkiv on Tuesday, killing two civilians."
    (m,) = extractor.extract(page(text, "https://news.example/opinion/2024/03/14/after-the-fighting"))
    assert m.trigger == "shelled"
    assert [(c.property, c.value) for c in m.claims] == [("fatalities", 2)]


def test_a_war_wide_total_is_neither_an_event_nor_its_dead(extractor):
    text = ("Russian forces shelled Kherson on Monday, killing two people, the governor said.\n\n"
            "Police have identified 1,084 civilians killed by Russian forces since the start of the invasion.")
    got = extractor.extract(document(text))
    assert len(got) == 1
    props = {(c.property, c.value) for c in got[0].claims}
    assert ("fatalities", 2) in props and ("fatalities", 1084) not in props


def test_a_guess_is_not_a_report(extractor):
    assert extractor.extract(document("Perhaps, that is how they are shipping the loot out of Kherson, he said.")) == []
    assert len(extractor.extract(document("Russian troops looted shops in Kherson on Monday, residents said."))) == 1


def test_a_claimant_after_an_opening_dateline_has_no_dateline_blanks(extractor):
    text = "PSKOV — The regional governor said on Tuesday that shelling killed two people in Ostrov."
    (m,) = extractor.extract(document(text))
    (c,) = [c for c in m.claims if c.property == "fatalities"]
    assert c.claimant == "regional governor"


def test_a_live_pages_entries_are_dated_by_their_stamps(extractor):
    live = ("Live: war updates\n\n"
            "3 Jun 2024 - 09:15 GMT\n\nRussian drones struck a fuel depot in Kherson on Sunday, the governor said.\n\n"
            "2 Jun 2024 - 22:40 GMT\n\nRussian artillery shelled Nikopol, killing two people, officials said.\n\n"
            "2 Jun 2024 - 11:05 GMT\n\nA Russian missile hit a warehouse in Odesa, the navy said.\n\n"
            "1 Jun 2024 - 20:00 GMT\n\nUkrainian drones struck an oil depot in Novoshakhtinsk on Friday, officials said.")
    got = {m.place.name: m for m in extractor.extract(document(live, published=date(2024, 5, 31)))}
    assert got["Kherson"].date.start == date(2024, 6, 2)  # the Sunday before its entry, not before the page date
    assert got["Nikopol"].date.start == date(2024, 6, 2) and "stamp" in got["Nikopol"].date.reason
    assert got["Odesa"].date.start == date(2024, 6, 2)
    assert got["Novoshakhtinsk"].date.start == date(2024, 5, 31)


def test_a_sentence_whose_event_words_only_talk_keeps_its_figures_for_the_event_told(extractor):
    text = ("Russian missiles struck an apartment block in Zaporizhzhia on Wednesday, officials said.\n\n"
            "Heavy rain has stalled the offensive, and five people were injured, the governor said.")
    ms = extractor.extract(document(text))
    assert [m.sub_event_type for m in ms] == ["Shelling/artillery/missile attack"]
    assert any(c.property == "injuries" and c.value == 5 for c in ms[0].claims)


def test_a_village_the_gazetteer_does_not_know_keeps_its_deed_at_the_region_not_in_the_last_town(extractor):
    text = ("Russian shelling hit Kharkiv on Monday, killing two people.\n\n"
            "A drone set a barn on fire in the village of Lisove Ozero on Tuesday, the governor said.")
    shelling, drone = extractor.extract(document(text))
    assert shelling.place.name == "Kharkiv" and shelling.place.precision == "town"
    # the village is not Kharkiv: its region, carrying the village's name for fusion (fuse.match)
    assert (drone.place.name, drone.place.precision) == ("Kharkiv Oblast", "region")
    assert (drone.place.feature, drone.place.surface) == ("locality", "Lisove Ozero")
    assert "a locality the gazetteer does not know" in drone.reason


def test_a_site_told_for_the_first_time_borrows_no_town(extractor):
    text = ("Ukrainian drones struck Kursk on Tuesday, the governor said.\n\n"
            "A drone attack on a Russian airfield damaged two hangars, satellite images showed.")
    kursk, airfield = extractor.extract(document(text))
    assert kursk.place.name == "Kursk"
    # "a Russian airfield" says only the country: not the town of the sentence before
    assert airfield.place.precision == "country" and airfield.place.country == "RU"
    assert "a place not named before" in airfield.reason


def test_a_borrowed_place_must_lie_in_the_country_the_sentence_names(extractor):
    text = "Drones struck Moscow on Tuesday, the mayor said. Russian forces shelled a hospital in Ukraine's east on Wednesday."
    moscow, hospital = extractor.extract(document(text))
    assert moscow.place.name == "Moscow"
    assert (hospital.place.precision, hospital.place.country) == ("country", "UA")


def test_a_live_entry_borrows_no_place_from_another_entry(extractor):
    live = ("Live: war updates\n\n"
            "3 Jun 2024 - 09:15 GMT\n\nRussian drones struck a fuel depot in Kherson on Sunday, the governor said.\n\n"
            "2 Jun 2024 - 22:40 GMT\n\nThe defence ministry said its air force had struck 40 military targets overnight.\n\n"
            "2 Jun 2024 - 11:05 GMT\n\nA Russian missile hit a warehouse in Odesa, the navy said.")
    kherson, targets, odesa = extractor.extract(document(live, published=date(2024, 6, 3)))
    assert kherson.place.name == "Kherson" and odesa.place.name == "Odesa"
    assert targets.place is None  # its entry names no place; the entry before is another report



@pytest.mark.parametrize("text, told, recalled", [
    ("The bombing in Mogadishu came two weeks after gunmen stormed a hotel in the city, a siege that lasted "
     "30 hours and left 21 people dead.", None, 21),
    ("The attack in Kabul on Monday came a week after a suicide bombing at a mosque killed 50 people.", None, 50),
    # the verb above the recalled deed is the report's own: its figure is the report's
    ("Shelling killed two people in Kharkiv on Monday, a week after a bombing in the same district.", 2, None),
])
def test_a_figure_in_a_recalled_deeds_clause_counts_that_deed(extractor, text, told, recalled):
    ms = extractor.extract(document(text))

    def dead(m):
        return next((c.value for c in m.claims if c.property == "fatalities"), None)
    assert [dead(m) for m in ms if not m.landmark][:1] in ([told], [] if told is None else [told])
    assert recalled in [dead(m) for m in ms if m.landmark] or recalled is None
    assert all(dead(m) is None for m in ms[1:] if not m.landmark)


def test_a_deed_coordinated_with_a_dated_one_shares_its_date(extractor):
    text = "Gunmen stormed a boarding school in Zamfara state early on Friday and abducted at least 40 students."
    ms = extractor.extract(document(text, published=date(2024, 3, 10)))
    assert {m.sub_event_type: m.date.start for m in ms} == {
        "Attack": date(2024, 3, 8), "Abduction/forced disappearance": date(2024, 3, 8)}


def test_a_participle_telling_how_a_dated_deed_went_shares_its_date(extractor):
    text = "Gunmen stormed a village in Zamfara state on Friday, abducting at least 20 women."
    ms = extractor.extract(document(text, published=date(2024, 3, 10)))
    assert {m.sub_event_type: m.date.start for m in ms} == {
        "Attack": date(2024, 3, 8), "Abduction/forced disappearance": date(2024, 3, 8)}


def test_a_since_date_of_another_clause_dates_no_deed(extractor):
    text = ("The protest in Kinshasa on Saturday followed a week of fighting between the army and M23 rebels, "
            "who have seized a string of towns in North Kivu province since last year.")
    (m,) = [m for m in extractor.extract(document(text, published=date(2024, 2, 12))) if m.event_type == "Protests"]
    assert m.date.start == date(2024, 2, 10)
    text = "The protest followed a week of fighting with rebels, who have seized a string of towns since last year."
    (m,) = [m for m in extractor.extract(document(text, published=date(2024, 2, 12))) if m.event_type == "Protests"]
    assert m.date.precision == "day"  # the page's day, not 'last year'


def test_a_deed_of_another_time_keeps_the_place_its_sentence_names(extractor):
    text = ("An Israeli drone struck a car near Nabatieh on Thursday, killing two people. "
            "Israel has kept up strikes in Lebanon despite a ceasefire that took effect in November 2024.")
    ms = extractor.extract(document(text, published=date(2026, 3, 12)))
    (truce,) = [m for m in ms if m.sub_event_type == "Agreement"]
    assert truce.place is not None and truce.place.precision == "country" and truce.place.country == "LB"


def test_a_bare_blame_after_a_deed_is_a_claim_about_it(extractor):
    text = ("Artillery shells fell on a crowded market in El Fasher on Wednesday, killing 15 people, a medical "
            "group said.\n\nThe Sudan Doctors Network blamed the Rapid Support Forces.")
    (m,) = extractor.extract(document(text))
    blame = [c for c in m.claims if c.property == "responsibility"]
    assert [(c.value, c.claimant) for c in blame] == [("Rapid Support Forces", "Sudan Doctors Network")]


@pytest.mark.parametrize("blame", ["Russia blamed the West for rising food prices.",
                                   "The president blamed the opposition for the economy."])
def test_a_blame_for_something_named_is_no_claim_about_the_deed_before(extractor, blame):
    text = f"Artillery shells fell on a crowded market in El Fasher on Wednesday, killing 15 people.\n\n{blame}"
    (m,) = extractor.extract(document(text))
    assert not [c for c in m.claims if c.property == "responsibility"]


def test_twenty_two_wounded_is_one_number(extractor):
    text = "Gunmen stormed a hotel in Kismayo on Wednesday, killing 13 people. Twenty-two were wounded."
    ms = extractor.extract(document(text))
    assert [c.value for m in ms for c in m.claims if c.property == "injuries"] == [22]


def test_a_military_air_strike_is_done_by_the_countrys_forces(extractor):
    text = "A military air strike on a monastery in Myanmar's Sagaing region killed at least 20 people on Saturday."
    (m,) = extractor.extract(document(text))
    assert [a.name for a in m.actors if a.role == "actor1"] == ["Military Forces of Myanmar"]


def test_a_peaceful_protest_takes_no_dead_from_a_later_count(extractor):
    text = ("Thousands marched through the centre of Bogota on Saturday to demand protection for social leaders.\n\n"
            "At least 40 social leaders have been killed this year, according to a research group.")
    ms = extractor.extract(document(text))
    protest = next(m for m in ms if m.sub_event_type == "Peaceful protest")
    assert not [c for c in protest.claims if c.property == "fatalities"]


def test_no_group_claiming_is_no_claim(extractor):
    text = ("A suicide bomber rammed a car into a police checkpoint in Bannu, Pakistan, on Saturday, killing 12 "
            "policemen.\n\nNo group immediately claimed responsibility.")
    (m,) = extractor.extract(document(text))
    assert not [c for c in m.claims if c.property == "responsibility"]


def test_documents_extracted_together_give_what_each_gives_alone(extractor):
    """``extract_many`` parses the pieces of all its documents in one ``nlp.pipe``: each document must get
    the mentions it gets alone, in order (a live page, a claim that joins its article's last event, a
    document in another language, one with nothing to parse, and the same text under two stories)."""
    live = ("Live: war updates\n\n"
            "3 Jun 2024 - 09:15 GMT\n\nRussian drones struck a fuel depot in Kherson on Sunday, the governor said.\n\n"
            "2 Jun 2024 - 22:40 GMT\n\nRussian artillery shelled Nikopol, killing two people, officials said.")
    claim = "Russian forces shelled the town of Vovchansk on Tuesday.\n\nThe governor said three civilians were wounded."
    jobs = [
        (document(live, published=date(2024, 5, 31)), "s1"),
        (document(claim), "s2"),
        (document("Российские войска обстреляли Харьков.", language="ru"), None),
        (document("The weather was fine."), None),
        (document(claim), "s3"),
        (document("KYIV — Russian drones struck an oil depot in Odesa early on Wednesday, officials said."), None),
    ]
    together = extractor.extract_many(jobs)
    alone = [extractor.extract(doc, story) for doc, story in jobs]
    assert together == alone
    assert [len(m) for m in alone] == [2, 1, 0, 0, 1, 1]
    assert [m.story for m in together[4]] == ["s3"]


def test_a_number_word_opening_a_sentence_counts_though_tagged_a_name(extractor):
    text = ("Twenty Nigerien soldiers were killed when gunmen attacked their position near Tahoua, Niger, on "
            "Monday, the defence ministry said.")
    (m,) = extractor.extract(document(text))
    assert [(c.value, c.subject) for c in m.claims if c.property == "fatalities"] == [(20, "soldiers")]


def test_a_deed_answered_keeps_its_day_and_its_dead_and_is_a_reference(extractor):
    text = ('Hezbollah said it had fired "dozens of Katyusha rockets" at an army base near Kiryat Shmona in '
            'response to the killing of one of its commanders on Wednesday.')
    fired, killing = extractor.extract(document(text, date(2026, 11, 27)))
    assert (fired.date.start, fired.claims, fired.landmark) == (date(2026, 11, 27), (), False)
    assert killing.landmark and killing.date.start == date(2026, 11, 25)
    assert [(c.property, c.value) for c in killing.claims] == [("fatalities", 1)]


def test_a_deed_told_for_the_time_of_another_is_its_own_with_its_day_and_its_wounded(extractor):
    text = ("Israeli warplanes struck the port of Hodeidah on Wednesday, the Israeli military said, a day after a "
            "drone launched from Yemen hit a hotel in the city of Eilat and wounded 22 people.")
    ms = extractor.extract(document(text, date(2026, 11, 19)))
    by_place = {m.place.name: m for m in ms if m.place}
    assert set(by_place) >= {"Al Hudaydah", "Eilat"}, [(m.sub_event_type, m.place) for m in ms]
    assert by_place["Al Hudaydah"].date.start == date(2026, 11, 18) and not by_place["Al Hudaydah"].claims
    assert by_place["Eilat"].date.start == date(2026, 11, 17)  # a day before the strike it is told to time
    assert [(c.property, c.value) for c in by_place["Eilat"].claims] == [("injuries", 22)]
