"""The shared dateline patterns: each shape finds what its readers rely on, and nothing in plain prose."""
from eventwire import datelines


def test_opening_ends_at_the_dash_and_blanking_keeps_offsets():
    text = "KYIV, 14 March 2024 — Russia's ministry said"
    m = datelines.OPENING.match(text)
    assert m is not None and text[m.end():].startswith(" Russia")
    blanked = datelines.blank_opening(text)
    assert len(blanked) == len(text) and blanked.lstrip().startswith("Russia's")
    assert datelines.blank_opening("Kyiv said on Monday — again") == "Kyiv said on Monday — again"


def test_opening_takes_agency_copy_with_a_single_hyphen_between_spaces():
    for text, rest in (("ALEPPO, Syria (AP) - Airstrikes hit", " Airstrikes hit"), ("MOGADISHU (Reuters) - Troops", " Troops")):
        m = datelines.OPENING.match(text)
        assert m is not None and text[m.end():] == rest
    # a hyphen inside a word is no dateline's separator
    assert datelines.OPENING.match("UN-backed forces said - again") is None


def test_place_anywhere_finds_the_capitalised_place_after_a_sentence():
    text = "He left. KHARKIV, Ukraine (AP) — Shelling resumed."
    assert [m.group(1) for m in datelines.PLACE_ANYWHERE.finditer(text)] == ["KHARKIV"]


def test_wire_tail_and_date_opening_read_agency_copy():
    wire = "SAN SALVADOR, 10 JAN 90 (EFE) -- Troops"
    assert datelines.WIRE_TAIL.match(wire, len("SAN SALVADOR"))
    m = datelines.WITH_DATE.match("MANAGUA (NICARAGUA), 2 NOV 89 (AFP) -- The army")
    assert m is not None and m.group("date").strip() == "2 NOV 89"


def test_bare_and_title_prefix():
    assert datelines.BARE.match("KYIV —")
    assert not datelines.BARE.match("Troops entered the city. —")
    m = datelines.TITLE_PREFIX.match("KYIV, Ukraine — Drones hit a depot")
    assert m is not None and m.group("prefix") == "KYIV, Ukraine"
