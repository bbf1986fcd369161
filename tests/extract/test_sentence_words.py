"""sentence_words / holds_any: the sets answer as the token walk they replace."""
from eventwire.extract.sentence_words import holds_any, sentence_words


def walk(sent, words):
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)


def test_holds_any_agrees_with_the_token_walk(nlp):
    doc = nlp("Police arrested two men for robbery. Talks on sanctions resumed in Geneva.")
    first, second = list(doc.sents)
    for words in ({"robbery"}, {"arrest"}, {"arrested"}, {"sanction"}, {"geneva"}, {"Geneva"}, set(), ["talk"]):
        for sent in (first, second):
            assert holds_any(sent, words) == walk(sent, words), (sent.text, words)


def test_each_sentence_gets_its_own_sets(nlp):
    doc = nlp("Troops shelled the town. Nobody spoke.")
    first, second = list(doc.sents)
    assert "shell" in sentence_words(first)[0] and "shelled" in sentence_words(first)[1]
    assert "shell" not in sentence_words(second)[0]
    other = nlp("Nobody spoke. Troops shelled the town.")
    assert sentence_words(other[:3])[1] == {"nobody", "spoke", "."}
