"""The remembering lemmatizer must give exactly the lemmas the model's own lemmatizer gives."""
import pytest

from eventwire.extract.lemma_memo import _Index, MEMO_LIMIT, MemoLemmatizer, install

TEXTS = [
    "Russian forces said they had shot down 12 drones over the region on Tuesday; the drones were shot down.",
    "The shelling killed two people and wounded three others, officials said. Shelling continues.",
    "She is running; they ran; he runs. Running water, better roads and the best of the worst.",
    "THE ARMY SAID ITS SOLDIERS HAD BEEN ATTACKED. The army said its soldiers had been attacked.",
    "  Two  spaces\n\nand a new paragraph: protesters gathered, were dispersed, and gathered again.",
]


@pytest.fixture(scope="module")
def pipelines(load_model):
    return load_model(), install(load_model())


def test_install_keeps_the_pipeline_and_the_tables(pipelines):
    original, memo = pipelines
    assert memo.pipe_names == original.pipe_names
    lemmatizer = memo.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, MemoLemmatizer)
    assert lemmatizer.mode == original.get_pipe("lemmatizer").mode == "rule"


@pytest.mark.parametrize("text", TEXTS)
def test_same_lemmas_as_the_model(pipelines, text):
    original, memo = pipelines
    want = [(t.text, t.lemma_) for t in original(text)]
    # twice: the second time every lemma comes from the memo
    assert [(t.text, t.lemma_) for t in memo(text)] == want
    assert [(t.text, t.lemma_) for t in memo(text)] == want


def test_the_memo_is_bounded(pipelines, monkeypatch):
    _, memo = pipelines
    lemmatizer = memo.get_pipe("lemmatizer")
    monkeypatch.setattr("eventwire.extract.lemma_memo.MEMO_LIMIT", 3)
    memo(TEXTS[0])
    memo(TEXTS[1])
    assert len(lemmatizer._memo) <= 3 + len(memo.make_doc(TEXTS[1]))
    assert MEMO_LIMIT > 10_000


def test_a_lemma_the_ruler_set_is_kept(pipelines):
    """Tokens the attribute ruler gave a lemma (overwrite is off) keep it, as with the model's lemmatizer."""
    original, memo = pipelines
    text = "I'm sure they'll say it's what we've done."
    assert [t.lemma_ for t in memo(text)] == [t.lemma_ for t in original(text)]


def test_the_index_lists_answer_in_from_a_set(pipelines):
    """The rule lemmatizer asks ``form in index`` of its index lists: after install each is an
    ``_Index`` holding the same words in the same order, answering ``in`` as the list would."""
    original, memo = pipelines
    before = original.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    after = memo.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert list(after.keys()) == list(before.keys())
    for key, words in before.items():
        index = after[key]
        assert isinstance(index, _Index) and list(index) == words
        for probe in (words[0], words[-1], words[len(words) // 2], "notaword", words[0].upper(), ""):
            assert (probe in index) == (probe in words)
