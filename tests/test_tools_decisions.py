"""tools/decisions.py --diff: the sentences whose extraction decisions differ between two runs."""
import importlib.util
import json
from pathlib import Path

SPEC = importlib.util.spec_from_file_location("decisions", Path(__file__).parent.parent / "tools" / "decisions.py")
decisions = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(decisions)


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_diff_lists_only_the_sentences_whose_decisions_changed(tmp_path, capsys):
    same = {"corpus": "dev", "sentence": "Drones hit a depot.", "decisions": [["hit", "X", "Air/drone strike", []]]}
    old = {"corpus": "hoot", "sentence": "A strike would be a victory.", "decisions": [["strike", "X", "Y", []]]}
    new = dict(old, decisions=[])
    _write(tmp_path / "a.jsonl", [same, old])
    _write(tmp_path / "b.jsonl", [same, new])
    assert decisions.diff(tmp_path / "a.jsonl", tmp_path / "b.jsonl") == 1
    out = capsys.readouterr().out
    assert "[hoot] A strike would be a victory." in out and "Drones hit a depot." not in out
    assert out.rstrip().endswith("1 sentences changed: hoot 1")


def test_the_case_checking_half_is_counted_not_shown(tmp_path, capsys):
    old = {"corpus": "case-check", "sentence": "Police dispersed the march.", "decisions": [["dispersed", "P", "Q", []]]}
    _write(tmp_path / "a.jsonl", [old])
    _write(tmp_path / "b.jsonl", [dict(old, decisions=[])])
    assert decisions.diff(tmp_path / "a.jsonl", tmp_path / "b.jsonl") == 1
    out = capsys.readouterr().out
    assert "Police dispersed the march." not in out and "case-check 1 (not shown)" in out
    decisions.diff(tmp_path / "a.jsonl", tmp_path / "b.jsonl", hidden=frozenset())
    assert "[case-check] Police dispersed the march." in capsys.readouterr().out


def _shared_tree(root, wiki_text):
    """The smallest ../shared tree decisions.texts reads: one text in WikiEvents, the rest empty."""
    for rel in ("corpus/hoot_russia_ukraine_apr2022/articles.jsonl", "corpus/muc4_multisource_incidents/messages.jsonl",
                "eval/boilerplate/input.jsonl"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("", encoding="utf-8")
    (root / "corpus/wikievents_attack_news").mkdir(parents=True)
    _write(root / "corpus/wikievents_attack_news/docs.jsonl", [{"text": wiki_text}])
    for name in ("dev", "dev2"):
        (root / "eval" / name / "docs").mkdir(parents=True)
    (root / "eval/case2021_dev.tsv").write_text("id\tEventSnippet\tlabel\n", encoding="utf-8")


def test_mentions_mode_writes_what_extraction_reports_after_the_deed_judge(tmp_path):
    _shared_tree(tmp_path, "Rebels attacked an army post in Goma on 3 March 2023. "
                           "The deal was meant to end five decades of fighting.")
    assert decisions.write_mentions(tmp_path, tmp_path / "m.jsonl") == 1  # the campaign is dropped
    (row,) = [json.loads(line) for line in (tmp_path / "m.jsonl").read_text().splitlines()]
    assert row["corpus"] == "wikievents" and row["sentence"].startswith("Rebels attacked")
    trigger, _sub, when, place, _actors, landmark, doubt, claims = row["decisions"][0]
    assert when == "2023-03-03..2023-03-03" and place == "Goma" and not landmark and not doubt and claims == []


def test_mentions_mode_reads_the_page_dates_ingest_reads(tmp_path):
    # a MUC-4 dateline dates its message, so 'today' is the dateline's day, as when the message is ingested
    _shared_tree(tmp_path, "")
    muc = tmp_path / "corpus/muc4_multisource_incidents/messages.jsonl"
    _write(muc, [{"dateline": "SAN SALVADOR, 12 NOV 89",
                  "text": "GUERRILLAS ATTACKED AN ARMY POST IN SAN MIGUEL TODAY, KILLING FIVE SOLDIERS."}])
    dated = [(corpus, day) for corpus, _text, day in decisions.dated_texts(tmp_path) if corpus == "muc4"]
    assert [str(day) for _, day in dated] == ["1989-11-12"]
    decisions.write_mentions(tmp_path, tmp_path / "m.jsonl")
    (row,) = [json.loads(line) for line in (tmp_path / "m.jsonl").read_text().splitlines()]
    assert row["decisions"][0][2] == "1989-11-12..1989-11-12"
