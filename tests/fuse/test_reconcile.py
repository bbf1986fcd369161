"""Claims of one event: deduplicated by story, headline fatalities, contradictions and updates."""
from eventwire.fuse.reconcile import claimant_key, contradictions, dedupe, fatalities, updates
from eventwire.model import Claim, Evidence

EV = Evidence("d_a", "sentence", 0, 8)


def claim(prop, value, claimant, stance="asserts", subject="people", qualifier=None):
    return Claim(prop, value, qualifier, subject, claimant, stance, False, EV)


def test_claimant_key_is_the_last_capitalised_word():
    assert claimant_key("Governor Vyacheslav Gladkov") == claimant_key("Gladkov") == "gladkov"
    assert claimant_key("the regional governor") == "governor"
    assert claimant_key(None) == ""


def test_copies_of_one_story_count_a_claim_once_but_two_stories_twice():
    c = claim("fatalities", 3, "Police")
    assert len(dedupe([(c, "s_1"), (c, "s_1")])) == 1
    assert len(dedupe([(c, "s_1"), (c, "s_2")])) == 2


def test_fatalities_best_is_the_least_asserted_figure_and_the_span_covers_all():
    f = fatalities([claim("fatalities", 12, "Ministry"), claim("fatalities", 7, "Mayor"),
                    claim("fatalities", 0, "Rebels", stance="denies"), claim("injuries", 40, "Mayor")])
    assert (f.best, f.low, f.high) == (7, 0, 12)
    assert fatalities([claim("injuries", 4, "Mayor")]) == type(f)(0, 0, 0)


def test_different_claimants_disagreeing_is_a_contradiction_but_at_least_is_not():
    (c,) = contradictions([claim("fatalities", 70, "Defence Ministry"), claim("fatalities", 0, "Volunteer Corps")])
    assert c.property == "fatalities" and "Defence Ministry" in c.summary and "Volunteer Corps" in c.summary
    assert contradictions([claim("fatalities", 3, "Police", qualifier="at least"), claim("fatalities", 5, "Medics")]) == []
    # different subjects (soldiers, civilians) are different figures, not a dispute
    assert contradictions([claim("fatalities", 3, "Army", subject="soldiers"),
                           claim("fatalities", 9, "Medics", subject="civilians")]) == []


def test_blame_denied_by_the_blamed_and_control_claimed_and_denied_are_contradictions():
    blame = contradictions([claim("responsibility", "the Army", "Rebels"),
                            claim("responsibility", "the Army", "Army spokesman", stance="denies")])
    assert [c.property for c in blame] == ["responsibility"]
    control = contradictions([claim("control", "took the village", "Army"),
                              claim("control", "attack repelled", "Rebels", stance="denies")])
    assert [c.property for c in control] == ["control"]


def test_a_claimant_revising_its_figure_is_an_update_not_a_contradiction():
    cs = [claim("injuries", 8, "Governor Gladkov"), claim("injuries", 11, "Gladkov")]
    (u,) = updates(cs)
    assert u.claims == (0, 1) and "8 → 11" in u.summary
    assert contradictions(cs) == []
