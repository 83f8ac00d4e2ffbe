import datetime

import pytest
from django.utils import timezone

from ..factories import EventFactory


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
