from eventwire.clean.language import detect_language
from eventwire.model import Record


def test_english_paragraph():
    assert detect_language("Two drones hit a fuel depot on Friday and the governor said nobody was hurt.") == "en"


def test_russian_paragraph():
    text = "Два беспилотника атаковали нефтебазу в пятницу утром, сообщил губернатор области. Пострадавших нет."
    assert detect_language(text) == "ru"


def test_declared_language_wins_and_is_normalised():
    assert detect_language("Two drones hit a depot.", "EN-gb") == "en"
    assert detect_language("Two drones hit a depot.", "uk") == "uk"


def test_too_short_to_tell_is_english():
    assert detect_language("Да.") == "en"


def test_cleaner_detects_language(cleaner):
    text = "Два беспилотника атаковали нефтебазу в пятницу утром, сообщил губернатор области.\n\nПострадавших нет, добавил он."
    assert cleaner.clean(Record(source="t", text=text)).language == "ru"
