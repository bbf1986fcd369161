import hashlib

import pytest

from eventwire.clean import Cleaner, content_hash, document_id
from eventwire.errors import EmptyDocument, InputError
from eventwire.model import Record


@pytest.mark.parametrize("text", [None, "", "   \n\n\t  "])
def test_no_body_raises_empty_document(cleaner, text):
    with pytest.raises(EmptyDocument):
        cleaner.clean(Record(source="t", text=text))


def test_whitespace_html_raises_empty_document(cleaner):
    with pytest.raises(EmptyDocument):
        cleaner.clean(Record(source="t", html="  "))


def test_all_boilerplate_raises_empty_document(cleaner):
    with pytest.raises(EmptyDocument):
        cleaner.clean(Record(source="t", text="Advertisement\n\nShare this article\n\nPhoto: Jan Novak"))


def test_html_without_article_raises_empty_document(cleaner):
    with pytest.raises(EmptyDocument):
        cleaner.clean(Record(source="t", html="<html><body><nav>Home</nav></body></html>"))


def test_size_limit_raises_input_error():
    with pytest.raises(InputError, match="limit"):
        Cleaner(max_chars=100).clean(Record(source="big", text="Drones hit a depot. " * 10))


def test_hash_and_id(cleaner):
    doc = cleaner.clean(Record(source="t", text="Two drones hit a depot.\n\nNobody was hurt."))
    expected = hashlib.sha256(b"two drones hit a depot. nobody was hurt.").hexdigest()
    assert doc.content_hash == expected == content_hash(doc.text)
    assert doc.id == document_id(expected) == "d_" + expected[:16]


def test_layout_does_not_change_the_hash(cleaner):
    a = cleaner.clean(Record(source="a", text="Two drones hit a depot.\n\nNobody was hurt."))
    b = cleaner.clean(Record(source="b", text="  Two drones hit a depot.\r\n\r\n\r\nNobody was hurt.  "))
    assert a.content_hash == b.content_hash and a.text == b.text


def test_fields_are_carried_over(cleaner):
    rec = Record(source="f.jsonl:3", external_id="007", url="https://www.kestrel.example/a", text="Two drones hit a depot.")
    doc = cleaner.clean(rec)
    assert (doc.external_id, doc.url, doc.source, doc.outlet) == ("007", rec.url, "f.jsonl:3", "kestrel.example")


def test_text_keeps_sentences_exactly(cleaner):
    para = "  Two drones  hit a depot,  the governor said.  "
    doc = cleaner.clean(Record(source="t", text=para))
    assert doc.text == para.strip()


LIVE_ENTRIES = [
    ("3 Jun 2024 - 09:15 GMT", "Drones struck a fuel depot in Kherson early on Monday morning, the regional governor said in a statement."),
    ("2 Jun 2024 - 22:40 GMT", "Shelling hit the town of Nikopol overnight and damaged a school and two houses, officials said on Telegram."),
    ("2 Jun 2024 - 18:05 GMT", "A missile hit a warehouse in the port of Odesa on Sunday afternoon, the navy said in its evening update."),
]


def test_a_live_pages_entry_stamps_stay_but_a_lone_date_line_goes(cleaner):
    live = "\n\n".join(f"{stamp}\n\n{body}" for stamp, body in LIVE_ENTRIES)
    text = cleaner.clean(Record(source="t", text=live)).text
    assert all(stamp in text for stamp, _ in LIVE_ENTRIES)
    report = "\n\n".join([LIVE_ENTRIES[0][0]] + [body for _, body in LIVE_ENTRIES])
    text = cleaner.clean(Record(source="t", text=report)).text
    assert LIVE_ENTRIES[0][0] not in text and LIVE_ENTRIES[0][1] in text


def test_stamps_over_readers_comments_make_no_live_page(cleaner):
    """Three dated stamps, but two head comments closed by "Reply": the page is an article with a thread."""
    article = "\n\n".join([LIVE_ENTRIES[0][0]] + [body for _, body in LIVE_ENTRIES])
    thread = "\n\n".join(["Comments (2)", "steppe_rider", "3 Jun 2024 - 11:02 GMT", "The same story every spring.",
                          "Reply", "aliya.s", "3 Jun 2024 - 11:30 GMT", "Condolences to the families.", "Reply"])
    text = cleaner.clean(Record(source="t", text=article + "\n\n" + thread)).text
    assert "GMT" not in text and "every spring" not in text and LIVE_ENTRIES[2][1] in text


def test_a_live_entrys_heading_stays_with_its_stamp(cleaner):
    """The line model drops a short heading between a stamp and its entry; on a live page it is the entry's."""
    times = ["09:15 GMT", "10:40 GMT", "12:05 GMT"]
    heads = ["Fuel depot hit", "School damaged in Nikopol", "Warehouse hit in Odesa port"]
    live = "\n\n".join(f"{t}\n\n{h}\n\n{body}" for t, h, (_, body) in zip(times, heads, LIVE_ENTRIES))
    text = cleaner.clean(Record(source="t", text="Live\n\nMenu\n\nShare\n\n" + live + "\n\nShare\n\nPrivacy")).text
    assert all(t in text for t in times) and all(h in text for h in heads)


def test_a_live_pages_time_stamps_stay_when_each_heads_its_entry(cleaner):
    times = ["09:15 GMT", "10:40 GMT", "12:05 GMT"]
    live = "\n\n".join(f"{t}\n\n{body}" for t, (_, body) in zip(times, LIVE_ENTRIES))
    text = cleaner.clean(Record(source="t", text=live)).text
    assert all(t in text for t in times)
    # a player's "00:00" rows and times heading nothing the page keeps are furniture
    furniture = "\n\n".join([body for _, body in LIVE_ENTRIES] + ["00:00", "00:00", "00:00", "00:00"])
    assert "00:00" not in cleaner.clean(Record(source="t", text=furniture)).text
