"""tools/case_ablation.py: the groups of the event lexicon it leaves out, one at a time."""
import importlib.util
from pathlib import Path

SPEC = importlib.util.spec_from_file_location("case_ablation", Path(__file__).parent.parent / "tools" / "case_ablation.py")
case_ablation = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(case_ablation)

LEX = {
    "triggers": [{"concept": "riot", "lemmas": ["riot"], "phrases": ["run amok"], "weak": ["unrest"], "kind": "fixed"}],
    "not_event_cues": {"_about": "why", "modal_lemmas": ["may"], "judged_deeds": {"verbs": ["jail"]}},
    "protest_outcomes": {"order": ["Violent demonstration"], "participants": ["protester"],
                         "Violent demonstration": {"event_type": "Riots", "lemmas": ["clash"]}},
}


def test_every_group_is_named_once_with_its_path():
    got = [(kind, name) for kind, name, _path in case_ablation.groups(LEX)]
    assert got == [("concepts", "concept[riot]"), ("checks", "concept[riot].weak"), ("cues", "not_event_cues.modal_lemmas"),
                   ("cues", "not_event_cues.judged_deeds"), ("outcomes", "outcome[Violent demonstration].lemmas"),
                   ("outcomes", "outcome.participants")]
    assert [name for _k, name, _p in case_ablation.groups(LEX, "cues")] == ["not_event_cues.modal_lemmas",
                                                                            "not_event_cues.judged_deeds"]


def test_a_group_is_emptied_in_a_copy():
    paths = {name: path for _k, name, path in case_ablation.groups(LEX)}
    concept = case_ablation.emptied(LEX, paths["concept[riot]"])
    assert concept["triggers"][0]["lemmas"] == [] and concept["triggers"][0]["phrases"] == []
    assert concept["triggers"][0]["weak"] == ["unrest"]
    assert case_ablation.emptied(LEX, paths["not_event_cues.judged_deeds"])["not_event_cues"]["judged_deeds"] == {}
    assert LEX["triggers"][0]["lemmas"] == ["riot"] and LEX["not_event_cues"]["judged_deeds"] == {"verbs": ["jail"]}
