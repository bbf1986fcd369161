"""One case per boilerplate kind, each with a line of real reporting that must stay.

Every article here is written for the test; the body sentences are ordinary
reporting so that the only thing that can go is the furniture under test.
"""
import pytest

from eventwire.model import Record

BODY = (
    "Two drones struck a fuel depot on the outskirts of the town early on Friday, the regional governor said.\n\n"
    "Firefighters put out the blaze within three hours, according to the emergency services."
)

# (kind, boilerplate line that must go, line of reporting of a similar kind that must stay)
CASES = [
    ("related", "Related: Drone debris falls on a village school", "Related clashes were reported near the border, officials said."),
    ("read more", "Read more: Why the bridge matters for supply lines", "Officials said they would read more names of the dead on Monday."),
    ("also read", "Also read: Air defences busy over the capital again", "He also read a statement from the ministry to reporters."),
    ("read label", "Read: Why the bridge matters for supply lines", "Read together, the two statements contradict each other, analysts said."),
    ("more label", "MORE: Farmers count the cost of the flood", "More than 20 people were injured, the governor said."),
    ("donation", "Independent reporting costs money. Support our work.", "The mayor asked residents to support the work of rescue teams, he told reporters."),
    ("donate", "Donate", "Neighbours donated blankets to the families who lost their homes."),
    ("newsletter", "Subscribe to our newsletter for the day's top stories.", "The group said in its weekly newsletter that two members were detained."),
    ("comment prompt", "What do you think? Leave a comment below.", "The ministry declined to comment on the report."),
    ("tags", "Tags: Drones, Air defence, Border", "Officials tagged the debris for examination."),
    ("in block", "In: World News, Europe", "In the village, three houses were damaged."),
    ("byline", "By Anna Kowalczyk", "By Tuesday, the troops had withdrawn from the village."),
    ("byline with date", "By Anna Kowalczyk • 3 March 2024 • 14:05", "By noon, the fire had spread to a second warehouse."),
    ("contact", "Contact the newsroom: tips@example-news.org", "The ministry did not say how many people were contacted."),
    ("photo credit", "Photo: Jan Novak", "The photo showed a crater next to the road."),
    ("credit label", "Credit: AP", "Credit for the rescue went to local volunteers, the mayor said."),
    ("image by", "A burned truck beside the highway. Image by Someone/Shutterstock.com", "A burned truck was left beside the highway."),
    ("file image caption", "A transport plane on the runway (file image)", "A transport plane was damaged on the runway, the ministry said."),
    ("caption with trailing credit", "The governor (left) visited the damaged school on Sunday. Credit: Reuters", "The governor visited the damaged school on Sunday."),
    ("slash credit", "Petra Holm / Anadolu / Getty", "The strike hit a warehouse used by the army."),
    ("font widget", "A+A A-", "Anti-aircraft guns fired for about an hour."),
    ("published line", "Published: 4th March 2024 09:12 AM | Last Updated: 4th March 2024 10:30 AM", "The attack was first reported on 4 March 2024 by local residents."),
    ("share", "Share this article", "The two sides share a long border."),
    ("cookie", "We use cookies to improve your experience.", "Cookies and bread were handed out at the shelter."),
    ("embedded post", "Smoke over the port this morning pic.twitter.com/AbCdEf123 — Some Reporter (@somereporter) March 4, 2024", "Smoke rose over the port this morning, witnesses said."),
    ("social handle", "Town Watch on Telegram", "The governor wrote on Telegram that one person was injured."),
    ("advertisement", "Advertisement", "He said one person was injured in the attack."),
    ("reporting credit", "Reporting by Lena Ortiz; Editing by Tom Price", "The report was edited by military censors, the outlet said."),
    ("contributed", "Maria Lind contributed reporting.", "Heavy rain contributed to the delay, the army said."),
    ("dateline line", "Wednesday 6 March 2024 - 08:45", "On Wednesday the shelling resumed at dawn."),
    ("spam line", "Best online casino bonuses 2024", "The casino building was hit by a missile, the governor said."),
    ("look-alike letters", "Rеасh thоuѕаndѕ оf rеаdеrѕ: аdvеrtіѕе wіth uѕ tоdау!", "Levels of the α-synuclein protein rose by 3 μm, the researchers said."),
]


def _record(line: str) -> Record:
    return Record(source="test", title="Drones hit fuel depot", text=BODY + "\n\n" + line + "\n\nThe investigation continues.")


@pytest.mark.parametrize("kind,junk,keep", CASES, ids=[c[0] for c in CASES])
def test_boilerplate_line_is_removed(cleaner, kind, junk, keep):
    doc = cleaner.clean(_record(junk))
    assert junk not in doc.text
    assert junk in doc.removed
    assert "Firefighters put out the blaze" in doc.text


@pytest.mark.parametrize("kind,junk,keep", CASES, ids=[c[0] for c in CASES])
def test_similar_reporting_is_kept(cleaner, kind, junk, keep):
    doc = cleaner.clean(_record(keep))
    assert keep in doc.text, f"{kind}: real sentence dropped"
    assert doc.removed == ()


def test_short_sentences_of_reporting_stay(cleaner):
    lines = [
        "He said one person was injured in the attack.",
        "Two houses were damaged.",
        "Nobody was hurt, police said.",
        "The road was closed.",
    ]
    doc = cleaner.clean(Record(source="t", title="Shelling", text="\n".join(lines)))
    assert doc.text.split("\n\n") == lines


def test_related_link_run_is_removed(cleaner):
    links = [
        "Drone debris damages homes in border village",
        "Air defences shoot down missiles over the capital",
        "Bridge traffic resumes after overnight closure",
    ]
    text = BODY + "\n\n" + "\n".join(links) + "\n\nThe investigation continues, prosecutors said."
    doc = cleaner.clean(Record(source="t", title="Drones hit fuel depot", text=text))
    for link in links:
        assert link not in doc.text
    assert list(doc.removed) == links
    assert "The investigation continues, prosecutors said." in doc.text


def test_one_headline_under_a_related_heading_is_removed(cleaner):
    lines = ["Two drones struck a fuel depot on the outskirts of the town early on Friday, the regional governor said.",
             "Related Coverage", "Explainer: How the border towns prepare for air raids",
             "Firefighters put out the blaze within three hours, according to the emergency services.",
             "Damage to the depot",
             "The investigation continues, prosecutors said."]
    doc = cleaner.clean(Record(source="t", title="Drones hit fuel depot", text="\n".join(lines)))
    assert "Explainer: How the border towns" not in doc.text
    # a subheading of the article with no list heading above it stays
    assert "Damage to the depot" in doc.text
    assert lines[3] in doc.text and lines[5] in doc.text


def test_two_headings_are_not_a_link_list(cleaner):
    text = "What happened\n\n" + BODY + "\n\nWhat comes next\n\nThe army said the operation would go on."
    doc = cleaner.clean(Record(source="t", title="Drones hit fuel depot", text=text))
    assert "What comes next" in doc.text
    assert doc.removed == ()


def test_long_paragraph_loses_only_its_trailing_credit(cleaner):
    para = (
        "Rescue workers searched the rubble of the five-storey building through the night, and the regional "
        "governor said that at least four people had been pulled out alive while two others were still missing "
        "under the collapsed stairwell, where cranes could not yet reach them because of fresh shelling nearby. "
        "Photo: Ivan Petrenko"
    )
    doc = cleaner.clean(Record(source="t", title="Rescue", text=BODY + "\n\n" + para))
    assert para.removesuffix(" Photo: Ivan Petrenko") in doc.text
    assert "Photo: Ivan Petrenko" not in doc.text
    assert "Photo: Ivan Petrenko" in doc.removed


def test_caption_loses_only_its_bracketed_credit(cleaner):
    caption = "A satellite image shows burned trucks at the depot after the drone attack (Sky Maps Inc via AP/PA)"
    doc = cleaner.clean(Record(source="t", title="Depot hit", text=BODY + "\n\n" + caption))
    assert "A satellite image shows burned trucks at the depot after the drone attack" in doc.text
    assert "(Sky Maps Inc via AP/PA)" not in doc.text
    # brackets that credit nobody stay
    aside = "The ratio of hits rose sharply over the week (from 1/4 to 3/4)"
    assert aside in cleaner.clean(Record(source="t", title="Depot hit", text=BODY + "\n\n" + aside)).text


def test_removed_keeps_input_order(cleaner):
    text = "Advertisement\n\n" + BODY + "\n\nPhoto: Jan Novak\n\nShare this article"
    doc = cleaner.clean(Record(source="t", title="Drones hit fuel depot", text=text))
    assert doc.removed == ("Advertisement", "Photo: Jan Novak", "Share this article")


def test_hard_wrapped_wire_copy_stays_whole(cleaner):
    wire = (
        "   KYIV, 4 MAR 24 (WIRE) -- TWO DRONES STRUCK A FUEL DEPOT ON THE EDGE OF\n"
        "THE TOWN EARLY ON FRIDAY, THE REGIONAL GOVERNOR SAID, ADDING THAT THE\n"
        "FIRE WAS PUT OUT WITHIN THREE HOURS AND THAT NOBODY WAS HURT IN THE\n"
        "ATTACK.\n"
    )
    doc = cleaner.clean(Record(source="t", text=wire))
    assert doc.removed == ()
    assert "THE TOWN EARLY ON FRIDAY" in doc.text
    assert doc.text.count("\n\n") == 0



# Widget lines the line rules alone must know (the model is not asked): donation amounts,
# paywalls, newsletter fine print, browser notices, consent and form buttons; each with a
# sentence of reporting that shares a word and must stay.
WIDGET_LINES = [
    ("Readers like you keep our newsroom going.", "Readers in the east of the country lost power overnight, the utility said."),
    ("Choose an amount", "The court will choose a date for the hearing next week."),
    ("Subscribe to continue reading this story.", "Reading the statement aloud, the mayor asked residents to stay calm."),
    ("You can unsubscribe at any time.", "Residents can return home at any time after the checks, police said."),
    ("Your browser version is no longer supported. Please update your browser.", "The ministry's website was down for several hours on Monday."),
    ("Accept all", "The government will accept all of the commission's recommendations, the minister told parliament."),
    ("Maybe later", "Talks may resume later in the month, diplomats said."),
    ("Load more", "More troops arrived in the town overnight."),
    ("Post Comment", "The agency did not respond to a request for comment."),
]


@pytest.mark.parametrize("junk,keep", WIDGET_LINES, ids=[w[0][:24] for w in WIDGET_LINES])
def test_widget_lines_go_by_rule(junk, keep):
    from eventwire.clean.blocks import Unit
    from eventwire.clean.boilerplate import judge
    from eventwire.clean.lexicon import load_lexicon

    lex = load_lexicon()
    assert not judge(Unit(junk, 0, True), lex).keep
    assert judge(Unit(keep, 0, True), lex).keep
