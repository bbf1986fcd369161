"""On any text, clean either returns a document whose lines come from the input or raises our own error."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import EventwireError
from eventwire.model import Record

LINES = st.one_of(
    st.text(max_size=120),
    st.sampled_from(
        [
            "Advertisement",
            "Photo: Jan Novak",
            "By Anna Kowalczyk • 3 March 2024 • 14:05",
            "Two drones hit a depot on Friday, the governor said.",
            "Kyiv,Best Casino Bonus Ukraine — Shells hit a school.",
            "Drones strike fuel depot - Kestrel News",
            "Published: 4th March 2024 09:12 AM | A+A A-",
            "",
        ]
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(LINES, max_size=12).map("\n".join), st.one_of(st.none(), st.text(max_size=30)))
def test_clean_only_raises_eventwire_errors_and_invents_nothing(cleaner, text, published):
    try:
        doc = cleaner.clean(Record(source="hypothesis", text=text, published=published))
    except EventwireError:
        return
    assert doc.text.strip()
    for line in doc.text.split("\n"):
        assert line in text
