"""Claims and claimants on sentences written for these tests."""
import pytest

from eventwire.extract.claims import ClaimExtractor, SpeakerMemory


@pytest.fixture(scope="module")
def claims():
    return ClaimExtractor()


def run(nlp, claims, text, memory=None):
    memory = memory or SpeakerMemory()
    out = []
    for sent in nlp(text).sents:
        who, why = claims.claimant(sent, memory)
        out += claims.extract(sent, "d_t", sent.start_char, who, why)
    return out


def one(found, prop):
    hits = [c for c in found if c.property == prop]
    assert len(hits) == 1, found
    return hits[0]


def test_number_tied_to_casualty_word_with_claimant(nlp, claims):
    c = one(run(nlp, claims, "Three civilians were killed in the strike, the regional governor said."), "fatalities")
    assert (c.value, c.subject, c.stance, c.hedged) == (3, "civilians", "asserts", False)
    assert c.claimant == "regional governor"


def test_according_to_and_qualifier(nlp, claims):
    c = one(run(nlp, claims, "At least 12 soldiers were wounded, according to the army's press office."), "injuries")
    assert (c.value, c.qualifier, c.subject) == (12, "at least", "soldiers")
    assert "press office" in c.claimant


def test_killing_with_object_and_dozens(nlp, claims):
    c = one(run(nlp, claims, "Militants stormed the camp, killing dozens of villagers, police said."), "fatalities")
    assert c.value == 12 and c.subject == "civilians"


def test_pronoun_claimant_resolves_to_last_named_speaker(nlp, claims):
    text = "Governor Ivan Petrov said the shelling damaged a school. He said two people were injured."
    c = one(run(nlp, claims, text), "injuries")
    assert c.value == 2 and c.claimant == "Governor Ivan Petrov"


def test_speaker_is_claimant_and_generic_statement_is_its_issuer(nlp, claims):
    text = "The defence ministry said its air defences shot down a drone. Four servicemen died, the statement added."
    c = one(run(nlp, claims, text), "fatalities")
    assert c.claimant == "defence ministry" and c.subject == "soldiers"


def test_not_a_single_soldier_is_a_denial_with_zero(nlp, claims):
    c = one(run(nlp, claims, "The commander said not a single soldier was lost in the assault."), "fatalities")
    assert (c.value, c.stance) == (0, "denies")


def test_no_victims_is_a_zero_denial(nlp, claims):
    found = run(nlp, claims, "As far as the first reports go, there are no victims among the residents, "
                             "the mayor said.")
    c = one(found, "fatalities")
    assert (c.value, c.stance, c.claimant) == (0, "denies", "mayor")


def test_hedging_is_marked(nlp, claims):
    c = one(run(nlp, claims, "Five people were reportedly killed, but this could not be independently verified."),
            "fatalities")
    assert c.hedged


def test_numbers_that_are_not_casualties_are_ignored(nlp, claims):
    found = run(nlp, claims, "On 26 December, two planes were damaged and the airport closed for 3 hours.")
    assert not [c for c in found if c.property in ("fatalities", "injuries")]
    assert one(found, "damage").value == 2


def test_control_asserted_and_denied(nlp, claims):
    a = one(run(nlp, claims, "The group said its fighters took control of the village."), "control")
    d = one(run(nlp, claims, "The ministry said the attackers were driven back."), "control")
    assert (a.stance, d.stance) == ("asserts", "denies")


def test_role_phrase_refers_back_to_the_named_official(nlp, claims):
    text = ("Belgorod Governor Vyacheslav Gladkov said the town came under fire. "
            "According to the governor, one person was injured.")
    c = one(run(nlp, claims, text), "injuries")
    assert c.claimant == "Belgorod Governor Vyacheslav Gladkov"


def test_responsibility_claimed_denied_and_blamed(nlp, claims):
    own = one(run(nlp, claims, "The Islamic State claimed responsibility for the bombing."), "responsibility")
    assert (own.value, own.claimant, own.stance) == ("Islamic State", "Islamic State", "asserts")
    denied = one(run(nlp, claims, "Kyiv denied any involvement in the blast."), "responsibility")
    assert (denied.value, denied.stance) == ("Kyiv", "denies")
    blamed = one(run(nlp, claims, "The Kremlin blamed Ukrainian saboteurs for the explosion."), "responsibility")
    assert (blamed.value, blamed.claimant, blamed.stance) == ("Ukrainian saboteurs", "Kremlin", "asserts")
    silent = run(nlp, claims, "Ukraine has not claimed responsibility for the attack.")
    assert not [c for c in silent if c.property == "responsibility"]


@pytest.mark.parametrize("text, blamed", [
    ("The minister blamed the attack on the Carlos Patino front.", "Carlos Patino front"),
    ("Officials blamed it on rebels from the north.", "rebels from the north"),
    ("The army blamed the rebels on Monday for the ambush.", "rebels"),
])
def test_blamed_on_names_whom_not_the_deed(nlp, claims, text, blamed):
    c = one(run(nlp, claims, text), "responsibility")
    assert c.value == blamed


@pytest.mark.parametrize("text,prop", [("No one was injured in the strike, the mayor said.", "injuries"),
                                       ("No one was killed when the shell hit the depot.", "fatalities")])
def test_no_one_is_nobody_not_a_count_of_one(nlp, claims, text, prop):
    found = [c for c in run(nlp, claims, text) if c.property == prop]
    assert found and all((c.value, c.stance) == (0, "denies") for c in found)


def test_others_counts_more_of_the_kind_just_counted(nlp, claims):
    found = run(nlp, claims, "The strike killed 12 people and injured 95 others on Sunday, the ministry said.")
    c = one(found, "injuries")
    assert (c.value, c.claimant) == (95, "ministry")


@pytest.mark.parametrize("text, prop, value, subject", [
    ("Gunmen killed 12 members of a village patrol, an official said.", "fatalities", 12, "people"),
    ("Two tourists were injured in the blast.", "injuries", 2, "civilians"),
    ("One sailor died in the fire, the navy said.", "fatalities", 1, "soldiers"),
    ("By the evening nine people were dead, the mayor said.", "fatalities", 9, "people"),
])
def test_nouns_for_persons_and_a_casualty_predicate(nlp, claims, text, prop, value, subject):
    c = one(run(nlp, claims, text), prop)
    assert (c.value, c.subject) == (value, subject)


def test_a_count_hung_on_the_source_as_its_apposition_is_the_verbs_subject(nlp, claims):
    """The small parser reads 'According to X, N people' as X's apposition when X is a long name."""
    found = run(nlp, claims, "According to the regional Civil Defence Directorate, nine residents, among them a "
                             "teenager, were killed and 31 others were wounded overnight.")
    assert (one(found, "fatalities").value, one(found, "injuries").value) == (9, 31)
    assert "Directorate" in one(found, "fatalities").claimant
    # a count that is the source's real apposition is no casualty figure
    assert run(nlp, claims, "According to the mayor, one of two officials on duty, shelling continued.") == []


@pytest.mark.parametrize("text, count", [
    ("At least five people were shot dead in the capital, a rights group said.", 5),
    ("Two men were beaten to death by the crowd on Sunday, police said.", 2),
])
def test_a_verb_whose_result_is_death_counts_the_dead(nlp, claims, text, count):
    found = [c for c in run(nlp, claims, text) if c.property == "fatalities"]
    assert [c.value for c in found] == [count]


def test_places_taken_are_no_captives(nlp, claims):
    found = run(nlp, claims, "Troops launched an offensive on Friday, capturing several villages, the army said.")
    assert not [c for c in found if c.property == "captured"], found
    held = run(nlp, claims, "Troops captured five soldiers near the village on Friday, the army said.")
    assert [c.value for c in held if c.property == "captured"] == [5]


def test_no_losses_gate_opens_for_every_phrase_and_agrees_with_the_phrases(claims):
    """The one-scan gate of _phrase_claims says yes exactly when one of its property's phrases is there."""
    samples = ["Officials said there were no one was hurt.", "the unit lost nobody, he said", "nobody's victims",
               "not a singles bar", "There were not seriously injured people", "no deaths.", "No one died"]
    for prop, phrases in claims.zero.items():
        for p, _rx in phrases:
            assert claims.zero_any[prop].search(f"they said {p}, and left")
        for text in samples:
            low = text.lower()
            assert bool(claims.zero_any[prop].search(low)) == any(rx.search(low) for _p, rx in phrases), (prop, text)


def test_no_one_injured_is_a_zero_denial_of_injuries_only(nlp, claims):
    found = run(nlp, claims, "The shell hit a shed and no one was injured, the governor said.")
    assert (one(found, "injuries").value, [c for c in found if c.property == "fatalities"]) == (0, [])


@pytest.mark.parametrize("text, claimant", [
    ("More than 300 people have been killed this year, according to UN figures.", "UN"),
    ("Five people were killed, according to the ministry's figures.", "ministry"),
    ("Five people were killed, a Hamas statement said.", "Hamas"),
])
def test_figures_or_a_statement_whose_phrase_names_its_issuer_are_the_issuers(nlp, claims, text, claimant):
    memory = SpeakerMemory()
    run(nlp, claims, "Governor Ivan Petrov said the shelling went on.", memory)  # another speaker named before
    (c,) = [c for c in run(nlp, claims, text, memory) if c.property in ("fatalities", "period_total")]
    assert c.claimant == claimant


@pytest.mark.parametrize("text, value", [
    ("Gunmen shot dead two teachers on Sunday.", 2),  # the parse hangs 'dead' on the object
    ("Soldiers executed at least 223 villagers in February.", 223),
    ("Gunmen killed three vaccinators near the clinic.", 3),  # a person noun the lexicon lacks
])
def test_the_counted_object_of_a_killing_is_people_whatever_its_noun(nlp, claims, text, value):
    c = one(run(nlp, claims, text), "fatalities")
    assert c.value == value


@pytest.mark.parametrize("text", [
    "Russia lost two helicopters over the sea.",  # 'lost' names no killing
    "Between 50 and 70 percent of the bodies were shot to death.",  # a share, not a count of the dead
])
def test_a_loss_or_a_share_is_no_count_of_the_dead(nlp, claims, text):
    assert [c for c in run(nlp, claims, text) if c.property == "fatalities"] == []


def test_men_name_no_side(nlp, claims):
    """'Men' is neither an army's nor civilians' word: three men arrested are people."""
    found = run(nlp, claims, "Police said they arrested three men in the town on Friday.")
    assert one(found, "captured").subject == "people"


def test_no_word_names_two_sides(claims):
    import json

    from eventwire.data import load_json

    sides = load_json("lexicons", "claims.json")["subjects"]
    words = [w for side in sides.values() for w in side]
    assert len(words) == len(set(words)), json.dumps(sorted({w for w in words if words.count(w) > 1}))


@pytest.mark.parametrize("text, side", [
    ("Three military men were killed in the blast.", "soldiers"),
    ("Two civilian men were killed.", "civilians"),
    ("Five armed men were killed in the raid.", "attackers"),
])
def test_a_word_before_men_names_their_side(nlp, claims, text, side):
    assert one(run(nlp, claims, text), "fatalities").subject == side


def test_a_noun_before_members_names_no_side(nlp, claims):
    found = run(nlp, claims, "Police had warrants to detain 10 other senior staff members.")
    assert one(found, "captured").subject == "people"


def test_the_words_between_the_last_comma_and_said_are_the_speaker(nlp, claims):
    text = ("A military air strike killed at least 40 people, including children, who had gathered for the "
            "opening of an office in the region on Tuesday, witnesses and an opposition group said.")
    assert one(run(nlp, claims, text), "fatalities").claimant.startswith("witnesses")
    text = ("An air strike hit a school on Monday, killing 17 people, most of them children, an official of the "
            "shadow National Unity Government said.")
    assert one(run(nlp, claims, text), "fatalities").claimant.startswith("official of the shadow")


def test_a_nation_killed_is_people_and_operations_are_no_one(nlp, claims):
    assert one(run(nlp, claims, "Troops killed three Palestinians during a raid on Thursday."), "fatalities").subject \
        == "people"
    found = run(nlp, claims, "Security forces killed 12 militants in two separate operations.")
    assert [(c.value, c.subject) for c in found if c.property == "fatalities"] == [(12, "attackers")]


def test_a_count_of_people_killed_by_others_is_counted(nlp, claims):
    found = run(nlp, claims, "Violence has surged, with more than 400 Palestinians killed by troops or settlers.")
    assert one(found, "fatalities").value == 400


@pytest.mark.parametrize("text", [
    "Doctors said at least 30 children had died of malnutrition since the summer.",
    "Twelve people died from cholera in the camp, the agency said.",
])
def test_a_death_put_down_to_hunger_or_disease_is_no_count_of_the_dead(nlp, claims, text):
    assert not [c for c in run(nlp, claims, text) if c.property == "fatalities"]


def test_a_death_of_wounds_is_counted(nlp, claims):
    assert one(run(nlp, claims, "Two soldiers died of their wounds in hospital, the army said."), "fatalities").value == 2


def test_a_cause_blamed_is_no_party(nlp, claims):
    found = run(nlp, claims, "Officials blamed that blast on poorly stored chemicals.")
    assert not [c for c in found if c.property == "responsibility" and "chemicals" in (c.value or "")]


@pytest.mark.parametrize("text, who", [
    ("Al-Shabaab claimed Tuesday's attack on the hotel.", "Al Shabaab"),
    ("The group's local branch claimed the twin bombings in a statement.", "group's local branch"),
])
def test_claiming_a_deed_by_its_name_claims_ones_part(nlp, claims, text, who):
    c = one(run(nlp, claims, text), "responsibility")
    assert (c.value, c.claimant, c.stance) == (who, who, "asserts")


@pytest.mark.parametrize("text", ["No group claimed the bombing.", "The fire claimed the lives of four people.",
                                  "The rebels did not claim the attack."])
def test_a_claim_of_nobody_or_of_lives_is_none(nlp, claims, text):
    assert not [c for c in run(nlp, claims, text) if c.property == "responsibility"]


@pytest.mark.parametrize("text, prop, value", [
    ("Settlers stormed the village on Thursday, killing a 23-year-old man.", "fatalities", 1),
    ("A soldier was wounded by shelling in Kherson on Monday.", "injuries", 1),
])
def test_a_before_one_person_a_casualty_verb_acts_on_counts_one(nlp, claims, text, prop, value):
    assert one(run(nlp, claims, text), prop).value == value


@pytest.mark.parametrize("text", ["A strike killed a family in Gaza on Monday.",
                                  "A mother and father were killed in the strike."])
def test_a_before_several_people_counts_no_one(nlp, claims, text):
    assert not [c for c in run(nlp, claims, text) if c.property == "fatalities" and c.value == 1]
