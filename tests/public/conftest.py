import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from ..factories import EventFactory


@pytest.fixture(autouse=True)
def _fresh_state():
    """Every test starts with an empty page cache (and content version) and Arabic active:
    a request leaves its language active in the thread, and the factories' untranslated
    fields go to the active language."""
    cache.clear()
    translation.activate("ar")
    yield
    cache.clear()


@pytest.fixture
def fifty_events(db):
    """Fifty public events, upcoming and past, in Casablanca-Settat's main city."""
    today = timezone.localdate()
    return [
        EventFactory(
            start_date=today + datetime.timedelta(days=n - 25),
            end_date=today + datetime.timedelta(days=n - 25),
        )
        for n in range(50)
    ]
