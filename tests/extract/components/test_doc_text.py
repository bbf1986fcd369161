"""DocText: the text of the document asked about, whichever was asked about last."""
from __future__ import annotations

import spacy

from eventwire.extract.components.doc_text import DocText


def test_each_document_gets_its_own_text():
    nlp = spacy.blank("en")
    first, second = nlp("Shelling hit Kharkiv on Monday."), nlp("Drones struck  Odesa\nat night.")
    text_of = DocText()
    for doc in (first, first, second, first, second, second):
        assert text_of(doc) == doc.text


def test_a_new_document_of_equal_text_is_read_afresh():
    nlp = spacy.blank("en")
    text_of = DocText()
    a = nlp("Kyiv said.")
    assert text_of(a) == "Kyiv said."
    b = nlp("Kyiv said.")
    with b.retokenize() as retok:  # merging tokens keeps the characters
        retok.merge(b[0:2])
    assert text_of(b) == b.text == "Kyiv said."
    assert text_of(nlp("Lviv too.")) == "Lviv too."
