"""A covering partial index for the public event list filtered on a region and a period:
the page's ids come from an index-only scan (events/views.py, UncountedPaginator)."""

import django.db.models.functions.comparison
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("events", "0008_registration_outgoing_email")]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                models.F("region"),
                django.db.models.functions.comparison.Coalesce("end_date", "start_date"),
                condition=models.Q(("status", "published")),
                include=("id", "start_date", "end_date", "publish_at"),
                name="event_public_region_last_day",
            ),
        ),
    ]
