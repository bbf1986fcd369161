from eventwire.extract.components.truecase import CaseRestorer, proper_names


def test_all_caps_copy_is_case_restored_with_the_same_offsets(extractor):
    text = "GUERRILLAS ATTACKED A POLICE POST IN SAN SALVADOR ON MONDAY."
    doc = extractor.reader(text)
    assert len(doc._.parse_text) == len(text)
    assert "San Salvador" in doc._.parse_text and "Monday" in doc._.parse_text
    assert doc._.parse_text.startswith("Guerrillas attacked")


def test_mixed_case_text_is_only_unwrapped():
    restorer = CaseRestorer(names=proper_names())
    doc = type("D", (), {})()
    doc.text = "Drones struck\na depot.\n\nTalks began."
    doc._ = type("X", (), {"toponyms": []})()
    assert restorer.match(doc).count("\n") <= doc.text.count("\n")
    assert len(restorer.match(doc)) == len(doc.text)
