"""Features that copies share: sentences, stems, names, numbers, the LSH sketch."""
from prov_texts import CHROME, DUPLICATE, ORIGINAL, SPUN

from eventwire.provenance import shingles
from eventwire.provenance.shingles import (containment, duplicate_key, entity_key, features, jaccard,
                                           load_lexicon, number_value, split_sentences, stem)
from eventwire.provenance.sketcher import Sketcher


def test_duplicate_key_ignores_case_punctuation_and_spacing():
    assert duplicate_key(ORIGINAL) == duplicate_key(DUPLICATE)
    assert duplicate_key(ORIGINAL) != duplicate_key(SPUN)


def test_sentences_do_not_split_after_abbreviations_or_initials():
    text = "Mr. Smith met Gen. Jones in the U.S. capital. They spoke for an hour."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Mr. Smith met Gen. Jones in the U.S. capital.", "They spoke for an hour."]


def test_stems_and_name_keys_make_spellings_meet():
    assert stem("damaged") == stem("damage")
    assert stem("military") != stem("militant")
    assert entity_key("Russia's") == entity_key("Russian") == entity_key("Russia")


def test_numbers_are_normalised_to_digits():
    lex = load_lexicon()
    assert number_value("50,000", lex) == "50000"
    assert number_value("four", lex) == "4"
    assert number_value("depot", lex) is None


def test_a_chrome_wrapped_copy_keeps_its_shingles_and_a_spun_one_its_content_words():
    orig, wrapped, spun = features(ORIGINAL), features(CHROME + ORIGINAL), features(SPUN)
    assert containment(orig.shingles, wrapped.shingles) > 0.95
    assert jaccard(orig.shingles, spun.shingles) < 0.3
    assert jaccard(orig.units, spun.units) > jaccard(orig.shingles, spun.shingles)


def test_the_sketch_agrees_with_the_full_features_and_its_caches_are_bounded(monkeypatch):
    sk = Sketcher()
    s = sk.sketch(ORIGINAL)
    assert s.dup_key == duplicate_key(ORIGINAL)
    assert s.shingles == features(ORIGINAL).shingles
    monkeypatch.setattr(shingles, "WORD_CACHE_SIZE", 5)
    other = Sketcher()
    assert other.sketch(ORIGINAL) == s  # a cache emptied as it fills changes no sketch
    assert len(other._units) <= 5 and len(sk._units) > 5  # each sketcher keeps its own words


# ``features`` as it was written before it looked each token up once (session 14): the plain reading
TRICKY = [
    ORIGINAL, SPUN, CHROME + ORIGINAL,
    "Mr. Smith paid 1.35 million. U.S. officials said 50,000 people fled!\nBREAKING NEWS\n\n'Stop!' she said. Then nine more.",
    "Ukraine's army said four drones hit Kharkiv's depot at 21:00\u00a0on Tuesday. Russia's ministry denied it; "
    "\u201cnothing happened,\u201d it said. May 9 parade (in Moscow) went ahead. It may rain.",
    "n't isn't don't-know well-known. A. B. Smith met Gen. Lee in St. Petersburg... 3.5.6 x.5 .5 5. end",
    "", "   \n\n  ", "One", "Zelensky Zelensky zelensky. Kyiv, Odesa and Lviv were hit. THE UNITED NATIONS SECURITY COUNCIL met.",
]


def _reference_features(text, lex):
    sents = []
    norm = shingles.normalise(text)
    lower_words = {w for w in shingles.TOKEN_RE.findall(norm) if w[:1].islower()}
    lowercase_seen = frozenset(lower_words | {stem(w) for w in lower_words})
    spans = split_sentences(text)
    per = [tuple(shingles.Token(m.group(0), s + m.start(), s + m.end()) for m in shingles.TOKEN_RE.finditer(norm[s:e]))
           for s, e in spans]
    capitalised = frozenset(t.text for toks in per for t in toks[1:] if t.text[:1].isupper())
    for i, ((s, e), toks) in enumerate(zip(spans, per)):
        units = frozenset(u for t in toks if (u := shingles.content_unit(t.text, lex)))
        names = tuple(t.text for j, t in enumerate(toks)
                      if shingles.is_name(t, j == 0, lowercase_seen, lex, shingles._next_word(toks, j, norm), capitalised))
        nums = frozenset(n for t in toks if (n := number_value(t.text, lex)))
        sents.append(shingles.Sentence(i, text[s:e], s, e, toks, units, names, nums))
    words = [t.text.lower() for s in sents for t in s.tokens]
    sh = frozenset(shingles.token_hash(" ".join(words[i:i + 5])) for i in range(max(1, len(words) - 4))) if words else frozenset()
    units, bigrams = set(), set()
    for s in sents:
        seq = [u for t in s.tokens if (u := shingles.content_unit(t.text, lex))]
        units.update(seq)
        bigrams.update(f"{a} {b}" for a, b in zip(seq, seq[1:]))
    return shingles.DocFeatures(duplicate_key(text), sh, frozenset(units), frozenset(bigrams),
                                frozenset(entity_key(n) for s in sents for n in s.entities),
                                frozenset(n for s in sents for n in s.numbers), tuple(sents))


def test_features_looking_each_token_up_once_are_the_plain_reading(monkeypatch):
    lex = load_lexicon()
    for text in TRICKY:
        assert features(text, lex) == _reference_features(text, lex)
    monkeypatch.setattr(shingles, "WORD_CACHE_SIZE", 3)  # the remembered words emptied as they fill: the same
    for text in TRICKY:
        assert features(text, lex) == _reference_features(text, lex)


def test_the_remembered_words_belong_to_their_lexicon():
    import dataclasses
    lex = load_lexicon()
    text = "The army shelled the depot. The troops shelled it again."
    assert features(text, lex).units  # fills lex's remembered words
    other = dataclasses.replace(lex, synonyms={**lex.synonyms, "shell": "~strike", "depot": "~strike"})
    assert other.word_cache == {}
    assert features(text, other) == _reference_features(text, other) != _reference_features(text, lex)


def _slices_hashed(lower: list[str]) -> frozenset[int]:
    """The shingle set as it was first written: each window sliced, joined and hashed."""
    size = shingles.SHINGLE_SIZE
    return frozenset(
        shingles.token_hash(" ".join(lower[i:i + size])) for i in range(max(1, len(lower) - size + 1))
    ) if lower else frozenset()


def test_shingle_hashes_are_the_sliced_windows_hashed():
    for text in (ORIGINAL, DUPLICATE, SPUN, CHROME, "", "one", "two words here", "exactly five words in it",
                 "six words are in this line", "Kyiv\u2019s \u201cdrone\u201d attack \u2014 na\u00efve caf\u00e9 1,000"):
        lower = [t.lower() for t in shingles.TOKEN_RE.findall(shingles.normalise(text))]
        assert shingles.shingle_hashes(lower) == _slices_hashed(lower)
    assert len(shingles.shingle_hashes("a b c d e f".split())) == 2


def test_normalise_is_the_character_translation():
    table = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
    for text in (ORIGINAL, SPUN, "\u2018a\u2019 \u201cb\u201d\u00a0c", "plain", "", "\u2019\u2019\u201d\u201c"):
        assert shingles.normalise(text) == text.translate(table)
    assert shingles.normalise("it\u2019s\u00a0\u201cx\u201d") == "it's \"x\""
