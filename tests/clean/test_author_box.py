"""An author's biography box goes whole (clean/author_box.py); an article's own box stays.

The article and the box are written for the test.
"""
import pytest

from eventwire.model import Record

BODY = (
    "Two drones struck a fuel depot on the outskirts of the town early on Friday, the regional governor said.\n\n"
    "Firefighters put out the blaze within three hours, according to the emergency services."
)

BIO = ("Jane Doe is the site's night editor. Before joining the team she spent ten years covering "
       "local courts and elections for a regional paper, and she teaches reporting at a college.")


@pytest.mark.parametrize("box", [
    f"About Jane Doe\n\n{BIO}\n\nRead the latest from Jane Doe",
    f"About the author\n\nJane Doe\n\n{BIO}",
    f"About the Author - Jane Doe\n\n{BIO}",
])
def test_an_author_box_goes_whole(cleaner, box):
    doc = cleaner.clean(Record(source="t", title="Depot hit", text=BODY + "\n\n" + box))
    assert "night editor" not in doc.text and "Read the latest" not in doc.text
    assert "Firefighters put out the blaze" in doc.text


def test_a_box_about_a_thing_is_no_author_box(cleaner):
    """'About the depot' over a paragraph on the depot is the article's own box."""
    about = ("About the depot\n\nThe depot stores fuel for the region's farms and buses, and it was rebuilt "
             "after a fire in 2019 with walls meant to stop a blaze from spreading.")
    doc = cleaner.clean(Record(source="t", title="Depot hit", text=BODY + "\n\n" + about))
    assert "stores fuel for the region" in doc.text


def test_a_generic_heading_left_alone_after_its_box_went_goes(cleaner):
    """The line model may take the biography first (it reads like a footer): its heading is left alone, and goes."""
    from eventwire.clean.author_box import drop_author_boxes
    from eventwire.clean.blocks import Unit
    from eventwire.clean.boilerplate import Verdict

    texts = [BODY, "About the author", BIO]
    verdicts = [Verdict(Unit(t, 0, True), keep=True, text=t) for t in texts]
    verdicts[2] = verdicts[2].drop("boilerplate block (line model)")
    assert [v.keep for v in drop_author_boxes(verdicts, cleaner.lexicon)] == [True, False, False]
