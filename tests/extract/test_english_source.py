"""data/english is spaCy's word knowledge copied into files: it must stay what spaCy says, and fusion must
read it without importing spaCy (the saving the copy exists for)."""
import subprocess
import sys
from importlib import resources

from eventwire.extract.english_source import file_texts
from eventwire.extract.truecase import english_words, stop_words


def test_the_files_are_what_spacy_and_its_model_make_now():
    folder = resources.files("eventwire.data").joinpath("english")
    for name, text in file_texts().items():
        assert folder.joinpath(name).read_text(encoding="utf-8") == text, \
            f"data/english/{name} differs from spaCy's: run tools/make_english_words.py"


def test_stop_words_equal_spacys_set():
    from spacy.lang.en.stop_words import STOP_WORDS

    assert stop_words() == STOP_WORDS


def test_english_words_read_from_the_files_equal_those_read_from_the_model():
    from eventwire.extract.english_source import lemma_tables_from_model

    lemmas, forms = lemma_tables_from_model()
    common, known, file_forms = english_words()
    assert file_forms == forms
    assert set(lemmas["noun"]) <= known and set(lemmas["verb"]) <= common and set(lemmas["adv"]) <= common
    assert "bogota" in known and "bogota" not in common and "ousted" not in known and "oust" in common


def test_fusion_and_its_word_tables_load_no_spacy():
    code = ("import sys, eventwire.fuse.incremental; from eventwire.extract.truecase import english_words; "
            "english_words(); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
