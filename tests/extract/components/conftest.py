import pytest

from eventwire.extract.components.context import Article
from eventwire.extract.factories import build_extractor


@pytest.fixture(scope="session")
def extractor():
    return build_extractor()


@pytest.fixture
def parse(extractor):
    """Parse a text as one piece of an article, with the parser's components."""
    from datetime import date

    from eventwire.model import Document, PublishedDate

    def run(text: str, published=date(2024, 3, 14), places=()):
        pub = PublishedDate(published, "metadata", 0.9)
        doc = Document("d_test", "0" * 64, None, None, "Test Wire", None, pub, "en", text)
        piece = extractor.nlp.make_doc(text)
        piece._.article, piece._.offset = Article(doc, published, list(places)), 0
        return next(iter(extractor.nlp.pipe([piece], disable=["ner"])))
    return run
