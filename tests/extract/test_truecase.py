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


def test_words_no_dictionary_knows_get_capitals_and_acronyms_stay_upper():
    text = "THE FMLN SAID PRESIDENT CRISTIANI ORDERED THE ATTACK ON THE FENASTRAS OFFICES."
    out = truecase(text, [])
    assert len(out) == len(text)
    assert out == "The FMLN said president Cristiani ordered the attack on the Fenastras offices."


def test_english_words_stay_lower_in_any_inflection():
    text = "GUERRILLAS AMBUSHED TWO CLERGYMEN; AUTOPSIES WERE PERFORMED."
    assert truecase(text, []) == "Guerrillas ambushed two clergymen; autopsies were performed."
    assert truecase(text, [], unknown_words=False) == truecase(text, [])


def test_common_and_english_word_tests():
    from eventwire.extract.truecase import is_common_word, is_english_word

    assert is_common_word("FRONT") and is_common_word("OUSTED") and is_common_word("THEM")
    assert not is_common_word("BOGOTA") and not is_common_word("MEDELLIN")
    assert is_english_word("HEADQUARTERS") and not is_english_word("CRISTIANI")
