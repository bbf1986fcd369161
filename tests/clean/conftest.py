import pytest

from eventwire.clean import Cleaner


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()
