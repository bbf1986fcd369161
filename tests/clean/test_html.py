from datetime import date

from eventwire.model import Record

PAGE = """<!doctype html>
<html><head>
<title>Drones strike fuel depot near border | Kestrel News</title>
<meta property="og:site_name" content="Kestrel News">
<meta property="og:title" content="Drones strike fuel depot near border">
<meta property="article:published_time" content="2023-05-26T10:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Drones strike fuel depot near border</h1>
<p>Two drones struck a fuel depot near the border town early on Friday, the regional governor said in a statement.</p>
<p>He said one person was injured in the attack and that firefighters put out the blaze within three hours.</p>
<p>Photo: Jan Novak</p>
<p>The defence ministry said air defences had shot down a third drone over the region before dawn.</p>
<p>Subscribe to our newsletter for the day's top stories.</p>
</article>
<footer>Copyright 2023 Kestrel News. All rights reserved.</footer>
</body></html>"""


def test_html_page(cleaner):
    doc = cleaner.clean(Record(source="page.html", url="https://www.kestrel.example/news/1", html=PAGE))
    assert doc.title == "Drones strike fuel depot near border"
    assert doc.outlet == "Kestrel News"
    assert doc.published.date == date(2023, 5, 26)
    assert doc.published.source == "html"
    assert "He said one person was injured in the attack" in doc.text
    assert "shot down a third drone" in doc.text
    for junk in ("Photo: Jan Novak", "Subscribe", "Home", "Copyright"):
        assert junk not in doc.text
    assert not doc.text.startswith("Drones strike fuel depot")  # the h1 repeats the title


def test_record_fields_win_over_html(cleaner):
    doc = cleaner.clean(
        Record(source="p", html=PAGE, title="Depot hit", outlet="Other", published="2023-05-27", language="en")
    )
    assert (doc.title, doc.outlet, doc.published.source, doc.published.date) == ("Depot hit", "Other", "metadata", date(2023, 5, 27))


def test_flattening_malformed_markup_never_leaves_it_too_deep():
    # found by the fuzzer: dropped tags joined "<" and "d>" into new ones
    from eventwire.clean.html import flatten_deep

    import base64

    raw = base64.b64decode("pDxkPjxkPDxkPmQ8PGSkpKSk//+kpDw8PmQ+ZDw8ZD48ZDw8ZD5kPDyktKQ8ZD5oPDxkKDxkPDw8PmQ+ZDw8ZD48ZDw8ZD5kPDxkAABk")
    body = raw[1:].decode("utf-8", errors="replace")
    flat, _ = flatten_deep(body, 12)
    assert flatten_deep(flat, 12)[1] <= 12


def test_a_fragment_with_control_characters_gives_its_text():
    # found by the fuzzer: lxml keeps a \x05 in a tail it then refuses to write back
    from eventwire.clean.html import fragment_text

    assert fragment_text("\re\r'f\r<<br<e>><<br>>>>/>\x05'ft <p>Drones hit a depot.</p>").endswith("Drones hit a depot.")
