"""The two extract pipelines: every component registered, in an order analyze_pipes accepts."""
import pytest

from eventwire.extract.factories import PARSER, READER, build_extractor


@pytest.fixture(scope="module")
def extractor():
    return build_extractor()


def test_reader_and_parser_hold_every_component_in_order(extractor):
    assert tuple(extractor.reader.pipe_names) == READER
    assert tuple(n for n in extractor.nlp.pipe_names if n.startswith("eventwire_")) == PARSER


def test_analyze_pipes_finds_no_problem(extractor):
    for nlp in (extractor.reader, extractor.nlp):
        problems = nlp.analyze_pipes(pretty=False)["problems"]
        assert problems and not any(problems.values()), problems


def test_analyze_pipes_would_catch_a_component_out_of_order():
    import spacy

    import eventwire.extract.factories  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("eventwire_places")  # needs the toponyms, paragraphs and parse text nobody assigned yet
    problems = nlp.analyze_pipes(pretty=False)["problems"]["eventwire_places"]
    assert set(problems) == {"doc._.toponyms", "doc._.paragraphs", "doc._.parse_text"}


def test_the_reader_reads_a_whole_article_as_one_token(extractor):
    doc = extractor.reader("Drones struck a depot in Odesa.\n\nTalks began.")
    assert len(doc) == 1 and doc._.parse_text == doc.text
    assert [i.parse for i in doc._.plan] == [True, False]
