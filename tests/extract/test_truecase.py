from eventwire.extract.truecase import mostly_upper, truecase


def test_all_caps_wire_copy_is_detected():
    assert mostly_upper("SAN SALVADOR, 10 JAN 90 -- GUERRILLAS ATTACKED A POLICE POST.")
    assert not mostly_upper("Guerrillas attacked a police post near the NATO base.")


def test_sentence_starts_spans_and_names_get_capitals_back_with_offsets_kept():
    text = "GUERRILLAS ATTACKED A POST IN SAN MIGUEL. THE ARMY SAID TWO SOLDIERS DIED ON MONDAY."
    start = text.index("SAN MIGUEL")
    out = truecase(text, [(start, start + len("SAN MIGUEL"))], ["Monday"])
    assert len(out) == len(text)
    assert out == "Guerrillas attacked a post in San Miguel. The army said two soldiers died on Monday."
