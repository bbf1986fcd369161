"""Content-farm spam that the headline gives away, cut where it was glued into the first lines.

Texts written for the test: a farm copy whose headline and first lines carry an
injected keyword phrase, and ordinary articles that name a site in a sentence.
"""
from eventwire.clean.injection import FIRST_UNITS, cut_pieces
from eventwire.model import Record

SPAM = "Cheap Flights To Kyiv"
TITLE = f"{SPAM}|Drones hit fuel depot near border"
FIRST = "Two drones struck a fuel depot on the edge of the town early on Friday, the regional governor said."
SECOND = "A fire broke out at one of the tanks and was put out within three hours, the emergency service said."
THIRD = "Residents of two nearby streets were moved to a school while the fire burned, the council said."


def test_glued_and_piped_spam_is_cut_from_the_first_lines(cleaner):
    text = f"{SPAM}{FIRST}\n\n{SECOND}|{SPAM}\n\n{THIRD}"
    doc = cleaner.clean(Record(source="t", title=TITLE, text=text))
    assert doc.title == "Drones hit fuel depot near border"
    assert doc.text.split("\n\n") == [FIRST, SECOND, THIRD]
    assert doc.removed.count(SPAM) == 2


def test_repeated_spam_goes_with_every_copy():
    text, cut = cut_pieces(f"{SPAM}{SPAM}|{FIRST}", (SPAM,))
    assert text == FIRST
    assert cut == [SPAM, SPAM]


def test_glued_in_the_middle_leaves_a_space():
    text, cut = cut_pieces(f"The depot burned{SPAM}for three hours.", (SPAM,))
    assert text == "The depot burned for three hours."
    assert cut == [SPAM]


def test_a_site_name_in_a_sentence_stays(cleaner):
    line = "The Kestrel Daily reported that the depot had been hit once before, in the spring."
    doc = cleaner.clean(Record(source="t", title="Drones hit fuel depot | The Kestrel Daily", text=f"{line}\n\n{SECOND}"))
    assert doc.title == "Drones hit fuel depot"
    assert doc.text.split("\n\n") == [line, SECOND]


def test_short_pieces_and_later_lines_are_left_alone(cleaner):
    assert cut_pieces(f"CNN{FIRST}", ("CNN",)) == (f"CNN{FIRST}", [])
    later = [f"Line {i} of the report says the fire was put out, officials said." for i in range(FIRST_UNITS)]
    glued_late = f"{SECOND}|{SPAM}"
    doc = cleaner.clean(Record(source="t", title=TITLE, text="\n\n".join(later + [glued_late])))
    assert glued_late in doc.text  # only the first lines are searched


def test_a_piece_not_in_the_text_as_written_cuts_nothing():
    """The pattern is the piece literally (case and all): a text without it is returned as it was."""
    text = "CHEAP FLIGHTS TO KYIVTwo drones struck the depot."
    assert cut_pieces(text, ("Cheap Flights To Kyiv",)) == (text, [])
    assert cut_pieces("Cheap Flights To KyivTwo drones struck.", ("Cheap Flights To Kyiv",)) == \
        ("Two drones struck.", ["Cheap Flights To Kyiv"])
