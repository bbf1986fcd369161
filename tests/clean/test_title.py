from eventwire.clean.lexicon import load_lexicon
from eventwire.clean.title import clean_title, cut_dateline_spam, looks_like_headline, slug_match, slug_words
from eventwire.model import Record

LEX = load_lexicon()


def test_site_names_are_cut_from_both_ends():
    cut = clean_title("Daily Example News|Drones strike fuel depot near border -Other Example Times", LEX)
    assert cut.title == "Drones strike fuel depot near border"
    assert cut.cut == ("Daily Example News", "Other Example Times")


def test_outlet_suffix_is_cut_by_outlet_name():
    cut = clean_title("Drones strike fuel depot near border - Kestrel", LEX, outlet="Kestrel")
    assert cut.title == "Drones strike fuel depot near border"


def test_host_suffix_is_cut():
    cut = clean_title("Drones strike fuel depot | kestrelwire.com", LEX, url="https://www.kestrelwire.com/a/1")
    assert cut.title == "Drones strike fuel depot"


def test_dash_inside_a_headline_is_kept():
    title = "Ukraine war - Russian shelling hits Kharkiv suburb"
    assert clean_title(title, LEX).title == title


def test_hyphenated_words_are_not_separators():
    title = "Russia-Ukraine talks stall as drone strikes go on"
    assert clean_title(title, LEX).title == title


def test_spammed_dateline_is_cut_from_first_paragraph():
    text = "Kharkiv,Cheap Flights Deals Ukraine — Russian shells hit a school on Monday, the mayor said."
    rest, spam = cut_dateline_spam(text, LEX)
    assert rest == "Russian shells hit a school on Monday, the mayor said."
    assert spam == "Kharkiv,Cheap Flights Deals Ukraine —"


def test_ordinary_dateline_is_kept():
    text = "KHARKIV, Ukraine (Wire) — Russian shells hit a school on Monday, the mayor said."
    assert cut_dateline_spam(text, LEX) == (text, None)


def test_headline_shape():
    assert looks_like_headline("Drones strike fuel depot near the border")
    assert not looks_like_headline("Drones struck a fuel depot near the border.")
    assert not looks_like_headline("KYIV, 4 MAR 24 (WIRE) -- REPORT")
    assert not looks_like_headline(" ".join(["word"] * 25).capitalize())


def test_first_line_headline_becomes_title_and_leaves_body(cleaner):
    text = "Drones strike fuel depot near the border\n\nTwo drones hit a depot on Friday, the governor said."
    doc = cleaner.clean(Record(source="t", text=text))
    assert doc.title == "Drones strike fuel depot near the border"
    assert doc.text == "Two drones hit a depot on Friday, the governor said."
    assert doc.removed == ()


def test_spam_in_first_line_headline_is_cut(cleaner):
    text = (
        "Example Daily News|Drones strike fuel depot near the border -Kestrel Times\n\n"
        "Kyiv,Best Casino Bonus Ukraine — Two drones hit a depot on Friday, the governor said.\n\n"
        "Nobody was hurt."
    )
    doc = cleaner.clean(Record(source="t", text=text))
    assert doc.title == "Drones strike fuel depot near the border"
    assert doc.text.startswith("Two drones hit a depot on Friday")
    assert doc.removed == ("Example Daily News", "Kestrel Times", "Kyiv,Best Casino Bonus Ukraine —")


def test_record_title_wins_and_its_repeat_in_the_body_goes(cleaner):
    text = "Drones strike fuel depot\n\nTwo drones hit a depot on Friday, the governor said."
    doc = cleaner.clean(Record(source="t", title="Drones strike fuel depot - Kestrel News", text=text))
    assert doc.title == "Drones strike fuel depot"
    assert doc.text == "Two drones hit a depot on Friday, the governor said."


def test_first_sentence_is_not_taken_for_a_headline(cleaner):
    text = "Two drones hit a depot on Friday, the governor said.\n\nNobody was hurt."
    doc = cleaner.clean(Record(source="t", text=text))
    assert doc.title is None
    assert doc.text == text


URL = "https://www.example-news.org/2024/03/04/drones-strike-fuel-depot-near-border.html"


def test_slug_words():
    assert slug_words(URL) == {"drones", "strike", "fuel", "depot", "near", "border"}
    assert slug_words("https://www.example-news.org/world/europe/12345") == set()
    assert slug_words("https://www.example-news.org/news/ukraine-war") == set()  # two words: a section, no slug
    assert slug_words(None) == set()


def test_slug_match_prefers_the_headline_to_a_breadcrumb():
    slug = slug_words(URL)
    headline = slug_match("Drones strike fuel depot near the border", slug)
    crumb = slug_match("Home >> World >> Europe >> Drones strike fuel depot near the border", slug)
    assert headline > crumb > 0
    assert slug_match("Mayor resigns after fuel depot fire", slug) == 0.0


def test_a_date_or_number_appended_to_the_slug_is_no_word_the_headline_must_hold():
    slug = slug_words("https://news.example.org/article/gunmen-storm-police-station-in-north-2026-09-05")
    assert slug_match("Gunmen storm police station in north, killing four officers", slug) > 0
    assert slug_match("Mayor resigns after police station fire", slug) == 0.0
    counted = slug_words("https://news.example.org/10-killed-in-strike-on-market")
    assert slug_match("10 killed in strike on market", counted) == 1.0  # a number the line holds is shared


MENU = ["Home", "World", "Europe", "Most read", "Mayor resigns after storm", "Ferry service resumes on the coast"]
BODY = ["Two drones hit a fuel depot near the border on Friday, the regional governor said.",
        "A fire broke out at one of the tanks and was put out within three hours, the emergency service said."]


def test_the_headline_the_address_spells_becomes_title(cleaner):
    # the date above the headline: no byline or date under it to find it by (``headline_over_byline``)
    lines = [*MENU, "4 March 2024", "Drones strike fuel depot near the border", *BODY,
             "Related", "Drones strike fuel depot near the border"]
    doc = cleaner.clean(Record(source="t", url=URL, text="\n".join(lines)))
    assert doc.title == "Drones strike fuel depot near the border"
    assert "Drones strike fuel depot" not in doc.text  # its copy in a related list goes as a repeat
    assert BODY[0] in doc.text
    without_url = cleaner.clean(Record(source="t", text="\n".join(lines)))
    assert without_url.title != doc.title, "the first lines give the headline anyway: the test tests nothing"


def test_a_caption_the_rules_dropped_is_no_headline(cleaner):
    caption = "Drones strike fuel depot near the border (file image)"
    doc = cleaner.clean(Record(source="t", url=URL, text="\n".join([*MENU, caption, *BODY])))
    assert doc.title != "Drones strike fuel depot near the border (file image)"


def test_the_headline_over_the_byline_becomes_title_and_ends_a_list_above_it(cleaner):
    """No slug spells it; a numbered most-read list stands right above it and would take it as a fourth item."""
    text = "\n".join(["Most Read", "1. Parliament passes budget after long session", "2. Wine exports reach record",
                      "3. Opposition plans rally on Saturday", "Shelling and a cyberattack hit border town overnight",
                      "October 3, 2026", "By Nino Beridze", *BODY])
    doc = cleaner.clean(Record(source="t", url="https://news.example.ge/article/98765", text=text))
    assert doc.title == "Shelling and a cyberattack hit border town overnight"
    assert "Wine exports" not in doc.text and BODY[0] in doc.text


def test_no_headline_over_the_byline_when_the_layout_is_not_plain():
    from eventwire.clean.title import headline_over_byline

    texts = ["Subscribe Search My Account Login", "24 September 2019", "Giant telescope opens to astronomers", BODY[0]]
    candidate, stamp = [True, False, True, False], [False, True, False, False]
    assert headline_over_byline(texts, candidate, stamp, 3) is None  # a date above the headline: a menu above the date
    texts = ["Ferry service resumes on the coast", "2 hours ago", "Mayor resigns after the storm", "5 hours ago", BODY[0]]
    candidate, stamp = [True, False, True, False, False], [False, True, False, True, False]
    assert headline_over_byline(texts, candidate, stamp, 4) is None  # dated teasers
    texts = ["Drones strike fuel depot near the border", "By Jane Doe", "Share", BODY[0]]
    assert headline_over_byline(texts, [True, False, False, False], [False, True, False, False], 3) == 0


def test_share_buttons_the_model_dropped_under_the_byline_are_no_headline():
    from eventwire.clean.title import headline_over_byline

    texts = ["Drones strike fuel depot near the border", "Published Mar 3, 2026", "Share this with", "Facebook", BODY[0]]
    candidate, stamp = [True, False, True, True, False], [False, True, False, False, False]
    kept = [False, False, False, False, True]  # "Share this with" went by the line model: it is no rival headline
    assert headline_over_byline(texts, candidate, stamp, 4, kept) == 0
    assert headline_over_byline(texts, candidate, stamp, 4) is None  # as kept lines they make the layout unclear


def test_a_line_spelling_the_site_is_its_masthead():
    from eventwire.clean.title import site_name_lines

    lines = ["Metroday", "POLITICO", "News", "Metroday reporters were at the scene.", "KBS"]
    assert site_name_lines(lines, "https://www.metroday-news.com/world/a-b-c-d") == [True, False, False, False, False]
    assert site_name_lines(lines, "https://www.politico.com/news/x") == [False, True, False, False, False]
    assert site_name_lines(lines, "https://world.kbs.co.kr/news/view") == [False, False, False, False, True]
    assert site_name_lines(lines, None) == [False] * 5
