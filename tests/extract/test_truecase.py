from eventwire.extract.truecase import has_title_case, is_english_word, mostly_upper, restore_title_case, truecase


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


def test_a_title_case_headline_is_put_in_sentence_case_with_offsets_kept():
    text = "Police Fire Tear Gas at Opposition Rally in Kampala. Police fired tear gas at a rally."
    kampala = text.index("Kampala")
    out = restore_title_case(text, [(kampala, kampala + len("Kampala"))])
    assert len(out) == len(text)
    assert out.startswith("Police fire tear gas at opposition rally in Kampala.")
    assert out.endswith("Police fired tear gas at a rally.")  # prose is left as it is
    assert has_title_case(text)


def test_prose_full_of_names_and_acronyms_is_no_headline():
    prose = "The United Nations Security Council met in New York."
    assert not has_title_case(prose) and restore_title_case(prose) == prose
    assert restore_title_case("Syrian Arab Army (SAA) Units Advance on Town").count("SAA") == 1  # acronyms as written
    assert not has_title_case("SHELLING HIT KHARKIV OVERNIGHT AGAIN")  # all-caps copy has its own treatment


def test_the_event_lexicon_words_are_english_words():
    assert is_english_word("ceasefire") and is_english_word("AIRSTRIKES")


def test_a_generic_group_of_the_catalogue_is_no_name_to_keep():
    from eventwire.extract.components.truecase import proper_names

    names = proper_names()
    assert "Hamas" in names and "Protesters" not in names and "Civilians" not in names
    assert restore_title_case("Police Fire on Protesters in Capital, Killing Three", names=names) \
        == "Police fire on protesters in capital, killing three"


def test_upper_share_kept_answer_is_the_counted_one():
    from eventwire.extract.truecase import upper_share

    assert upper_share("KYIV, Ukraine") == (11, 5 / 11)
    assert upper_share("KYIV, Ukraine") == (11, 5 / 11)  # asked again: the kept answer
    assert upper_share("Kyiv, Ukraine") == (11, 2 / 11)  # another text: counted afresh
    assert upper_share("") == (0, 0.0)
    assert upper_share("A" * 5000 + "b" * 10) == (5000, 1.0)  # only the first 5,000 characters count
