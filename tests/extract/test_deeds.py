"""Does a hit report a concrete, completed deed?  Sentences written for these tests."""
import pytest

from eventwire.extract.concreteness import Anchors
from eventwire.extract.deeds import DeedJudge


@pytest.fixture
def deeds(parse):
    def run(text: str) -> list:
        return [(hit.trigger_text, deed) for sent in parse(text).sents
                for hit, deed in zip(sent._.type_hits, sent._.deeds)]
    return run


@pytest.fixture
def extractor_mentions(extractor):
    """The mentions the whole extract stage makes of a text, with the places its reader finds."""
    from datetime import date

    from eventwire.model import Document, PublishedDate

    def run(text: str):
        pub = PublishedDate(date(2024, 3, 14), "metadata", 0.9)
        return extractor.extract(Document("d_test", "0" * 64, None, None, "Test Wire", None, pub, "en", text))
    return run


@pytest.fixture
def parse(extractor):
    from datetime import date

    from eventwire.extract.components.context import Article
    from eventwire.model import Document, PublishedDate

    def run(text: str):
        pub = date(2024, 3, 14)
        doc = Document("d_test", "0" * 64, None, None, "Test Wire", None, PublishedDate(pub, "metadata", 0.9), "en", text)
        piece = extractor.nlp.make_doc(text)
        piece._.article, piece._.offset = Article(doc, pub, []), 0
        return next(iter(extractor.nlp.pipe([piece], disable=["ner"])))
    return run


def verdicts(found) -> set[str]:
    return {d.verdict for _, d in found}


def test_a_dated_placed_deed_with_its_doer_is_reported(deeds):
    found = deeds("Rebel fighters attacked an army checkpoint near Goma on Friday, killing three soldiers.")
    assert found and verdicts(found) == {"report"}


def test_an_event_word_modifying_a_noun_names_a_kind_of_thing(deeds):
    found = deeds("Investigators traced the money through shell companies registered in Cyprus.")
    assert all(d.verdict == "drop" and "names a kind" in d.reason for _, d in found)


def test_a_compound_of_two_event_words_is_still_a_deed(extractor, parse):
    judge = extractor.nlp.get_pipe("eventwire_deeds").judge
    doc = parse("Police broke up the protest rallies in the capital on Sunday.")
    protest = next(t for t in doc if t.lower_ == "protest")
    assert judge._names_a_kind(protest, "protest") == ""  # "rallies" is itself an event word


def test_a_loose_word_for_fighting_needs_its_own_date_and_place(deeds, extractor_mentions):
    talked = deeds("Heavy rain and deep mud have stalled the offensive, analysts say.")
    assert all(d.verdict == "drop" for _, d in talked)
    told = extractor_mentions("The army deployed 300 troops to Kharkiv on Monday.")
    assert [m.sub_event_type for m in told] == ["Change to group/activity"] and not told[0].doubt


def test_an_attempt_intended_or_under_way_is_no_completed_deed(deeds):
    for text in ("The general said the army would try to seize the port.",
                 "Occupying troops are trying to mobilise the residents."):
        assert all(d.verdict == "drop" for _, d in deeds(text)), text
    made = deeds("Gunmen tried to storm the town hall in Bunia on Tuesday.")
    assert made and verdicts(made) == {"report"}


def test_a_noun_naming_a_try_aims_at_its_deed_without_doing_it(deeds):
    found = deeds("Fierce resistance goes on in the port, thwarting Russian attempts to capture the city, officials said.")
    assert [(t, d.verdict) for t, d in found] == [("capture", "drop")] and "aimed at" in found[0][1].reason


def test_an_activity_named_in_a_prepositional_phrase_is_no_deed(deeds):
    found = deeds("Most deaths were caused by heavy weapons, including shelling from artillery, the office noted.")
    assert found and all(d.verdict == "drop" and "activity" in d.reason for _, d in found)
    # the phrase hangs from a verb that tells the deed: "accusing Russia of shelling the area"
    told = deeds("The group accused Russian troops of shelling the village.")
    assert told and "drop" not in verdicts(told)


@pytest.mark.parametrize("text", [
    "Prisoners are tortured in the cellar of the police station, the mayor said.",  # a passive present
    "The militias shell the villages along the river whenever the army moves.",  # an active present
])
def test_the_simple_present_tells_a_practice_not_a_deed_done(deeds, text):
    found = deeds(text)
    assert found and all(d.verdict == "drop" and "simple present" in d.reason for _, d in found)


@pytest.mark.parametrize("text", [
    "The militias are shelling the villages along the river, the mayor said.",  # progressive: under way now
    "The militias have shelled the villages along the river, the mayor said.",  # perfect: done
    "On 3 March 2023, two bombs are detonated near the stadium, the timeline shows.",  # a timeline's dated present
])
def test_the_present_progressive_perfect_and_dated_present_still_tell_deeds(deeds, text):
    found = deeds(text)
    assert found and all("simple present" not in d.reason for _, d in found)


def test_a_deed_with_no_anchor_at_all_is_doubted_not_dropped():
    judge = DeedJudge(set())
    none = Anchors(False, False, False)
    one = Anchors(False, False, True)

    class Tok:  # the grammar rules read only these attributes
        text = lemma_ = "clash"
        pos_, tag_, dep_ = "NOUN", "NN", "ROOT"
        i = 0
        children = ()
        doc = ()  # no word after it
        ancestors = ()  # no verb above it: nothing marks its report unfounded
        sent = ()  # no other words: no denial of the report
    Tok.head = Tok
    assert judge.judge(Tok, "clash", False, none).verdict == "doubt"
    assert judge.judge(Tok, "clash", False, one).verdict == "report"


def test_a_loose_word_in_the_present_tense_is_a_state_not_a_deed(extractor_mentions):
    assert extractor_mentions("Russian units are now deployed in Kharkiv, an official said.") == []


def test_a_participle_before_its_noun_still_tells_the_deed(extractor, parse):
    judge = extractor.nlp.get_pipe("eventwire_deeds").judge
    doc = parse("Relatives buried the murdered priests in San Salvador.")
    murdered = next(t for t in doc if t.lower_ == "murdered")
    assert judge._names_a_kind(murdered, "murdered") == ""


def test_a_weekday_in_a_page_without_a_date_still_anchors_the_deed(extractor):
    """'On Monday' cannot be dated when the page has no date, but it still ties the deed to a day."""
    from eventwire.model import Document, PublishedDate

    def killed(text):
        doc = Document("d_u", "0" * 64, None, None, "Wire", None, PublishedDate(None, "none", 0.0), "en", text)
        return [m for m in extractor.extract(doc) if "killed" in m.trigger]

    (m,) = killed("Militants killed more than 100 soldiers inside a compound on Monday, an official said.")
    assert m.date is None and not m.doubt
    assert killed("Militants killed more than 100 soldiers, an official said.") == []  # told loosely: no time, no place


def test_a_report_denied_in_its_own_sentence_is_doubted(deeds):
    [(trig, deed)] = deeds("Local channels reported that a ferry came under fire near Kherson, but the port denied this.")
    assert deed.verdict == "doubt" and "denied" in deed.reason
    # denying one's own part ("denied shelling the port") is a denial of blame: the deed stays reported
    found = deeds("Artillery shelled the port of Kherson on Monday, and the army denied it was to blame.")
    assert found and all(d.verdict == "report" for _t, d in found)


def test_figures_after_a_denied_report_count_the_deed_told_as_done(extractor_mentions):
    ms = extractor_mentions(
        "Gunmen fired on a car in the village of Hlukhiv on Monday, killing one man, the governor said. "
        "Local channels reported that a school bus came under fire, but the governor denied this. "
        "One channel reported that three people were killed.")
    with_three = [m for m in ms if any(c.value == 3 for c in m.claims)]
    assert with_three and "bus" not in with_three[0].evidence.sentence


@pytest.mark.parametrize("text, why", [
    # a deed counted in long periods is a campaign, not one deed
    ("The accord followed five decades of fighting between the army and the rebels.", "campaign"),
    ("The port city has been reduced to ruins by weeks of shelling, residents say.", "campaign"),
    # a deed phrase modifying another noun names a kind of thing
    ("Residents of the town spent the night in an air raid shelter.", "names a kind"),
    ("Firefighters cast doubt on the drone attack claim.", "names a kind"),
])
def test_a_campaign_or_a_kind_of_thing_is_no_deed(deeds, text, why):
    found = deeds(text)
    assert found and all(d.verdict == "drop" and why in d.reason for _, d in found)


@pytest.mark.parametrize("text", [
    "After two days of fighting, the rebels captured the town of Bor on Monday.",  # a battle of days
    "A missile strike hit the port of Odesa on Monday, killing two people.",  # the phrase heads its noun
])
def test_a_battle_of_days_and_a_phrase_heading_its_noun_are_deeds(deeds, text):
    found = deeds(text)
    assert found and "drop" not in verdicts(found)


@pytest.mark.parametrize("text", [
    "Bloggers claimed without evidence that the army had shelled its own town on Monday.",
    "The channel falsely reported that troops had shelled the town on Monday.",
])
def test_a_report_the_writer_marks_unfounded_is_doubted(deeds, text):
    [(trig, deed)] = deeds(text)
    assert deed.verdict == "doubt" and "unfounded" in deed.reason, deed


def test_a_report_with_its_evidence_stays_reported(deeds):
    [(trig, deed)] = deeds("The governor said on Monday that troops had shelled the town, citing photographs as evidence.")
    assert deed.verdict == "report", deed


def test_a_whole_war_as_the_doer_gives_its_toll_not_one_deed(deeds):
    found = deeds("The war between the army and the militia broke out in April 2023 and has killed tens of thousands.")
    assert found and all(d.verdict == "drop" and "war's toll" in d.reason for _, d in found)
    # a battle's own fighting is one deed
    told = deeds("The fighting killed 12 soldiers in the village on Monday, the army said.")
    assert told and verdicts(told) == {"report"}


def test_a_practice_denied_or_blamed_is_no_deed(deeds):
    for text in ("The junta has previously denied targeting civilians and says it is fighting terrorists.",
                 "The militia has been accused of torturing prisoners in the north."):
        found = deeds(text)
        assert found and all(d.verdict == "drop" and "practice" in d.reason for _, d in found), (text, found)
    # a denial of blame for one deed: the deed stands
    told = deeds("The army denied shelling the market in Kharkiv on Monday.")
    assert told and "drop" not in verdicts(told)


def test_an_event_word_naming_what_talks_or_plans_are_about_is_no_deed(deeds):
    for text in ("Ceasefire talks resume in Cairo as strikes continue",  # a headline the parser reads with a verb 'talks'
                 "Ceasefire talks resumed in Doha on Monday, officials said."):
        found = [(t, d) for t, d in deeds(text) if t.lower() == "ceasefire"]
        assert found and all(d.verdict == "drop" and "kind of thing" in d.reason for _, d in found), (text, found)


def test_a_deed_after_about_is_what_was_told_of(deeds):
    found = deeds("Residents posted about explosions in local chat groups throughout Wednesday.")
    assert [d.verdict for _, d in found] == ["doubt"] and "told of" in found[0][1].reason
    found = deeds("Explosions hit the depot on Wednesday, residents said.")
    assert [d.verdict for _, d in found] == ["report"]


def test_a_deed_noun_helping_a_party_is_no_deed_of_its_own(deeds):
    (found,) = deeds("Government forces, backed by allied troops and U.S. air strikes, have been trying to "
                     "push the group out of its strongholds.")
    assert found[1].verdict == "drop" and "help" in found[1].reason
    # the same words as what a participle says was done to a thing tell the deed
    (found,) = deeds("The town, hit by air strikes on Monday, was evacuated.")
    assert found[1].verdict != "drop"
    # and the deed the helped party did is its own verb's
    told = deeds("Troops backed by artillery fire captured the village on Monday.")
    assert [d.verdict for t, d in told if t == "captured"] == ["report"]


def test_a_party_fighting_another_is_a_side_told_not_a_deed(deeds):
    found = deeds("Officials said those killed were members of a militia, an armed group fighting the military.")
    assert [(t, d.verdict) for t, d in found if t == "fighting"] == [("fighting", "drop")]
    found = deeds("Rebels fighting the government seized the town on Monday.")
    assert [d.verdict for t, d in found if t == "fighting"] == ["drop"]
    assert [d.verdict for t, d in found if t == "seized"] == ["report"]
    # a fight with its own date is one
    found = [d.verdict for t, d in deeds("Soldiers fighting rebels on Monday near the border lost two men.")
             if t == "fighting"]
    assert found and "drop" not in found


def test_time_or_money_spent_on_a_deed_is_an_activity(deeds):
    found = deeds("An official said the agency had spent millions recruiting a network of collaborators.")
    assert [(t, d.verdict) for t, d in found if t == "recruiting"] == [("recruiting", "drop")]


def test_a_deed_one_is_asked_to_imagine_is_not_told(deeds):
    found = deeds("Imagine a missile strike on a crowded train station at rush hour.")
    assert found and all(d.verdict == "drop" and "imagined" in d.reason for _, d in found)
    found = deeds("Pictures showed the missile strike on the train station on Monday.")
    assert found and all(d.verdict != "drop" for _, d in found)
    found = deeds("(Pictured: A house is almost completely destroyed following shelling in Mariupol on Friday)")
    assert found and all(d.verdict != "drop" for _, d in found)


def test_a_weapon_denied_as_used_is_a_practice_disputed(deeds):
    found = deeds("Police denied using live ammunition.")
    assert found and all(d.verdict == "drop" and "disputed" in d.reason for _, d in found)
    found = deeds("The army denied shelling the town.")  # a denial of blame for one deed: it stands
    assert found and all(d.verdict != "drop" for _, d in found)
    found = deeds("Queens man accused of firing gun in Manhattan subway station")  # a headline drops its articles
    assert found and all(d.verdict != "drop" for _, d in found)
