from eventwire.extract.gazetteer_build import TableBuilder


def test_index_keeps_the_folded_form_and_honours_the_stoplist():
    b = TableBuilder()
    i = b.add("city", "Tëtkino", "RU", "41", 51.27, 34.3, 3000, 1)
    b.index("Tëtkino", i)
    assert b.names["Tëtkino"] == [i] and b.names["Tetkino"] == [i]
    j = b.add("city", "March", "DE", "01", 50.0, 10.0, 5000, 2)
    b.index("March", j)  # a month name on the stoplist
    assert "March" not in b.names
    b.index("Tëtkino", i)  # indexed once
    assert b.names["Tëtkino"] == [i]
