import pytest

from eventwire.config import Limits
from eventwire.errors import ConfigError, Errors


def test_messages_carry_their_code():
    assert Errors.E001.startswith("[E001] ")
    assert Errors.E002.format(name="X", raw="-1") == "[E002] X must be positive, not '-1'"


def test_a_bad_limit_names_its_code():
    with pytest.raises(ConfigError, match=r"\[E001\] EVENTWIRE_MAX_LINE_BYTES must be a number"):
        Limits.from_env({"EVENTWIRE_MAX_LINE_BYTES": "lots"})
