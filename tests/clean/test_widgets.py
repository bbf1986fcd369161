"""Caption labels and comment-thread headers (clean/widgets.py), judged by the line rules alone."""
import pytest

from eventwire.clean.blocks import Unit
from eventwire.clean.boilerplate import judge
from eventwire.clean.lexicon import load_lexicon

GO = [
    "Image caption, Rescue workers search the rubble on Saturday",
    "Media captionFootage filmed by a resident shows the blast",
    "Image source, Getty Images",
    "Image copyright AFP",
    "14 thoughts on “Why the bridge matters”",
    "3 Responses to Drone debris found near the school",
    "Olena P. says:",
    "Rate this article",
    "Next page »",
    "Posted in World | Bookmark the permalink.",
    "These links will open in a new window",
    "1.2K shares",
    "45 Comments",
    "$10/month",
    "£5 a week",
    "Anna Kowalczyk, Kyiv correspondent",
    "Tomas Berg | Staff writer",
    "By Anna Kowalczyk and Tomas Berg",
    "Story by Anna Kowalczyk",
    "Author: Anna Kowalczyk",
    "First published on Thu 14 Mar 2024 09:41 GMT",
    "By continuing to use this site you agree to our use of cookies.",
    "You have reached your limit of free articles this month.",
    "Already have an account? Sign in",
    "If you value our reporting, please consider making a contribution.",
    "Got it!",
    "list 2 of 4",
    "Slide 3 / 12",
    "list of 4 items",
    "[1/3] Firefighters spray water on the burning depot, March 14, 2026. Purchase rights, opens new tab",
    "Item 2 of 3 Rescuers search the rubble of the school",
    "Skip to main content",
    "Story continues below advertisement",
    "Please turn on JavaScript to use this feature",
    "Please understand that comments are moderated and may take a while to appear.",
    "Advertising disclosure: We may receive compensation for some of the links on this page.",
    "Tagged: drones, air defence, Odesa",
    "This article was originally published on Frontier Daily. Read the original article.",
    "This article is republished from The Example under a Creative Commons license.",
    "Interview by Tom Hayes",
    "If you have found a spelling error, please, notify us by selecting that text and pressing Ctrl+Enter.",
    "This interview has been edited for length and clarity.",
]
STAY = [
    "Image sources on social media showed smoke over the port, the agency said.",
    "The caption on the photo gave the wrong date, the newspaper later admitted.",
    "Three responses to the attack were discussed at the meeting, officials said.",
    "The minister says:",
    "Thoughts on the ceasefire differ between the two capitals.",
    "The next page of the report lists the damaged buildings.",
    "45 people were wounded.",
    "The correspondent, Anna Kowalczyk, was not hurt in the attack, the agency said.",
    "By Tuesday and Wednesday the troops had left.",
    "The report was first published on Thursday by a local newspaper.",
    "Prices rose to $10 a litre in the besieged town.",
    "Two of the three drones were shot down, the air force said.",
    "Item 2 of the agenda was the ceasefire, the envoy said.",
    "The platform said the videos broke its community guidelines and removed them.",
    "Aid agencies demanded immediate access to the besieged district.",
    "The footage first appeared on Telegram on Monday night.",
    "Interview by police officers took place on Monday, the court heard.",
    "The story was originally published by a local newspaper, which later withdrew it.",
]


@pytest.mark.parametrize("line", GO)
def test_widget_line_goes(line):
    assert not judge(Unit(line, 0, True), load_lexicon()).keep


@pytest.mark.parametrize("line", STAY)
def test_reporting_line_stays(line):
    assert judge(Unit(line, 0, True), load_lexicon()).keep


def _v(text):
    lex = load_lexicon()
    return judge(Unit(text, 0, True), lex)


def test_comment_text_between_header_and_reply_goes():
    from eventwire.clean.widgets import drop_comment_bodies

    lines = ["The depot burned for three hours before firefighters put the fire out, the governor said.",
             "Olena P. says:", "March 14, 2024 at 10:12 am", "So sad to read this, stay safe everyone.", "Reply",
             "Mark T. says:", "Good reporting, thank you."]
    out = drop_comment_bodies([_v(t) for t in lines])
    assert [v.keep for v in out] == [True, False, False, False, False, False, True]  # no button: the last stays


def test_the_item_after_a_position_label_goes_but_not_after_a_count():
    from eventwire.clean.widgets import drop_positioned_items

    lines = ["Keep reading", "list of 2 items", "Farmers count the cost of the flood", "list 1 of 2",
             "A new bridge opens over the river", "1 / 4", "Soldiers at the checkpoint. Archive",
             "list 2 of 2", "Shelling resumed in the evening, the mayor said."]
    out = drop_positioned_items([_v(t) for t in lines], protected=frozenset({8}))
    assert [v.keep for v in out] == [False, False, True, False, False, False, False, False, True]


def test_a_comment_under_a_posting_stamp_goes_up_to_its_reply_button():
    from eventwire.clean.widgets import COMMENT_REASON, drop_comment_bodies

    lines = ["The border service said the patrol came under fire first.", "Comments (2)", "steppe_rider",
             "18 April 2026, 11:02", "The same story every spring.", "Reply", "aliya.s", "18 April 2026, 11:30",
             "Condolences to the family.", "Reply"]
    out = drop_comment_bodies([_v(t) for t in lines])
    assert [out[i].keep for i in (0, 4, 8)] == [True, False, False]
    assert out[3].reason == out[7].reason == COMMENT_REASON


def test_an_article_under_its_stamp_and_byline_stays_though_a_reply_button_follows():
    from eventwire.clean.widgets import drop_comment_bodies

    lines = ["By Nino Beridze", "October 3, 2026, 10:41", "Shells hit a school on Thursday, officials said.",
             "No one was hurt.", "Reply"]
    assert [v.keep for v in drop_comment_bodies([_v(t) for t in lines])][2:4] == [True, True]
    long_brief = ["October 3, 2026, 10:41"] + [f"Paragraph {n} of the report, officials said." for n in range(4)] + ["Reply"]
    assert all(v.keep for v in drop_comment_bodies([_v(t) for t in long_brief])[1:5])


def test_a_quotation_after_says_stays():
    from eventwire.clean.widgets import drop_comment_bodies

    lines = ["The minister says:", "“We will rebuild every school that was hit.”", "Reply"]
    assert all(v.keep for v in drop_comment_bodies([_v(t) for t in lines]))
