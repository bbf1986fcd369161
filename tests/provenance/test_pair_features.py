"""pair_features: the surface fields are those ``features`` gives, and a pair that stops at them never
works out the rest."""
import json
import random
from pathlib import Path

from eventwire.provenance import pair_features as pf
from eventwire.provenance.index import verify
from eventwire.provenance.pair_features import PairFeatures, surface
from eventwire.provenance.shingles import features, load_lexicon

from tests.provenance import prov_texts
from tests.provenance.prov_helpers import doc

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    """The provenance test articles, the samples, and odd ones: curly quotes and apostrophes, abbreviations,
    numbers with points and commas, headlines on their own lines, spaces only, nothing."""
    texts = [v for k, v in vars(prov_texts).items() if k.isupper() and isinstance(v, str)]
    texts += [json.loads(line).get("text", "") for line in (ROOT / "samples" / "articles.jsonl").open()][:20]
    texts += [p.read_text() for p in sorted((ROOT / "samples").glob("*.txt"))]
    texts += ["Russia\u2019s army said \u201cno\u201d.\u00a0Mr. Smith of the U.S. Army didn't agree.",
              "HEADLINE\nSub-head with 1.35 and 50,000 people\n\n  lead: 21:00 hours. next one! and? yes",
              "   ", "", "A.", "'s n't -- 3"]
    rng = random.Random(4)
    words = " ".join(texts).split()
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 80))) for _ in range(40)]
    return texts


def test_the_surface_fields_are_those_of_features():
    lex = load_lexicon()
    for text in _texts():
        whole = features(text, lex)
        assert surface(text, lex) == (whole.dup_key, whole.shingles, whole.units), text[:60]
        lazy = PairFeatures(text, lex)
        assert (lazy.entities, lazy.numbers, lazy.bigrams, lazy.sentences) == \
            (whole.entities, whole.numbers, whole.bigrams, whole.sentences)


def test_a_pair_that_stops_at_the_units_works_out_no_whole_features(monkeypatch):
    """Independent reports share too few content units: ``relate`` says no from the surface fields alone; a
    spun copy reads on, and then the link is the one whole features give."""
    lex = load_lexicon()
    made = []
    real = pf.features
    monkeypatch.setattr(pf, "features", lambda text, lex=None: made.append(text) or real(text, lex))
    a, b = doc("a", prov_texts.REPORT_A), doc("b", prov_texts.ORIGINAL)
    assert verify(a, PairFeatures(a.text, lex), b, PairFeatures(b.text, lex)) is None
    assert made == []
    c = doc("c", prov_texts.SPUN)
    link = verify(b, PairFeatures(b.text, lex), c, PairFeatures(c.text, lex))
    assert link is not None and len(made) == 2
    assert link == verify(b, features(b.text, lex), c, features(c.text, lex))
