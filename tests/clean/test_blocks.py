"""Units of flat text, and the joined view of hard-wrapped paragraphs the extractor parses."""
from eventwire.clean.blocks import unwrap

WRAPPED = ("A LOCAL OFFICIAL SAID THAT UNIDENTIFIED GUNMEN HAD KILLED A JUDGE\n"
           "AND HIS TWO BODYGUARDS IN THE CENTER OF THE CITY ON FRIDAY AS THEY\n"
           "LEFT THE COURTHOUSE.")


def test_unwrap_joins_the_lines_of_a_hard_wrapped_paragraph_keeping_offsets():
    text = WRAPPED + "\n\nTHE POLICE HAVE NOT NAMED ANY SUSPECTS IN THE CASE SO FAR, THE\nOFFICIAL ADDED."
    out = unwrap(text)
    assert len(out) == len(text)
    assert "A JUDGE AND HIS TWO" in out and "ON FRIDAY AS THEY LEFT" in out
    assert "\n\n" in out  # paragraphs stay apart
    assert "SO FAR, THE OFFICIAL ADDED." in out


def test_unwrap_leaves_lines_that_are_not_wrapped_text():
    text = "Drone strike on a depot\nKYIV - Russian drones struck a fuel depot in the city on Monday, officials said."
    assert unwrap(text) == text
    listing = "Related:\nShelling hits Kharkiv\nTalks stall in Geneva\nA new front opens"
    assert unwrap(listing) == listing
