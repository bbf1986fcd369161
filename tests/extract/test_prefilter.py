"""The prefilter decides what gets parsed: it must pass every event or claim sentence and little else."""
import pytest

from eventwire.extract.prefilter import SentenceFilter, split_sentences


@pytest.fixture(scope="module")
def wanted():
    return SentenceFilter().wanted


@pytest.mark.parametrize("sentence", [
    "Drones struck an oil depot near the port overnight.",
    "Border guards repelled an attack on the checkpoint.",          # a lemma, inflected
    "The battalion took control of the village on Tuesday.",       # a control phrase, irregular past
    "Air defences shot down two drones over the region.",          # a phrase whose first word inflects
    "Gunmen opened fire on a bus.",
    "Five people were killed, the governor said.",                 # a casualty word with a number
    "Shelling damaged 12 homes over two days.",                    # a count beside a measure
    "Not a single soldier was lost, the ministry insisted.",       # a denial is a claim
    "A faction of the Pakistani Taliban claimed responsibility.",  # so is a claim of responsibility
    "The group denied any involvement in a statement.",
    "Ukrainian troops have pushed Russian forces out of the village.",  # a verb of ousting and its 'out'
])
def test_event_and_claim_sentences_are_parsed(wanted, sentence):
    assert wanted(sentence)


@pytest.mark.parametrize("sentence", [
    "The city has been without power for several hours.",          # "without losses" is a phrase, not "without"
    "Volunteers will take food parcels to the shelter.",           # "take control" is a phrase, not "take"
    "Photographs showed damaged cars along the main road.",        # a damage word, but no number
    "Repairing the damage will take 12 days.",                     # its only number measures time
    "The governor said assessing the damage would take several days.",
    "The bridge was damaged in 2014.",                             # a year is no count
    "The mayor thanked emergency workers for their patience.",
    "Volunteers drove the supplies to the shelter.",               # a verb of ousting with no 'out'
])
def test_sentences_without_event_words_are_skipped(wanted, sentence):
    assert not wanted(sentence)


def test_split_sentences_keeps_offsets():
    text = 'Shelling hit Kherson. "We heard it," she said. 3 people died.'
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["Shelling hit Kherson.", '"We heard it," she said.', "3 people died."]


def test_an_abbreviations_period_ends_no_sentence():
    # an initialism or a title before a capital: the deed keeps the rest of its sentence
    text = "U.S. forces shot down two drones, the U.S. Central Command said. Lt. Col. Ivanov spoke. It was in the U.S."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["U.S. forces shot down two drones, the U.S. Central Command said.",
                                             "Lt. Col. Ivanov spoke.", "It was in the U.S."]
