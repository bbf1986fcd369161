"""The place finder's shared helpers: the fast forms give what the plain ones gave."""
from __future__ import annotations

import random
import re

from eventwire.extract.gazetteer import fold
from eventwire.extract.places_base import _breaks, _folded


def _breaks_slow(text: str, a: int, b: int, upper: bool = False) -> bool:
    """``_breaks`` as it was written first: a generator over the break characters, patterns through ``re``."""
    gap = text[a:b]
    if upper and "\n" in gap and gap.count("\n") == 1 and not gap.strip(" \t\n"):
        gap = gap.replace("\n", " ")
    return any(c in gap for c in ",;:()[]\n\"\u201c\u201d!?") or ". " in gap and not re.search(r"\b(St|Ft|Mt)\. $", text[max(0, a - 3):b])


def test_breaks_agrees_with_the_plain_form():
    rng = random.Random(12)
    alphabet = ["a", "B", " ", " ", "\t", "\n", ".", ",", ";", ":", "(", ")", "[", "]", '"', "\u201c", "\u201d", "!", "?",
                "-", "'", "\u2019", "St", "Mt", "Ft", "x", "\\", "^"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        for upper in (False, True):
            assert _breaks(text, a, b, upper) == _breaks_slow(text, a, b, upper), (text, a, b, upper)


def test_breaks_on_names():
    text = "Troops left St. Petersburg, then Mt. Hood. Kyiv (the capital)"
    assert not _breaks(text, text.index("St") + 2, text.index("Petersburg"))
    assert _breaks(text, text.index("Hood") + 4, text.index("Kyiv"))
    assert _breaks(text, text.index("Kyiv") + 4, text.index("(the") + 1)


def test_folded_is_fold_casefold():
    for name in ["Kyïv", "Tëtkino", "ODESA", "Straße", "Dnipro", "L\u2019viv", "São Paulo", ""]:
        assert _folded(name) == fold(name).casefold()
