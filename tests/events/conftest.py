import pytest

from tests.events.factories import chemistry_forum_create


@pytest.fixture
def chemistry_forum(db):
    """The International Chemistry Forum, with its organisers, sectors and source article."""
    return chemistry_forum_create()
