"""`manage.py extract FILE... [--json] [--published YYYY-MM-DD]`: draft records as JSON.

Prints one document per article and writes nothing to the database, so editors and
scripts can look at what the extractor proposes before anything is ingested.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from extraction.extractor import extract_article
from extraction.management.published import published_argument_add, published_date


class Command(BaseCommand):
    help = "Extract events, organisations, people and agreements from article text files."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 article text")
        parser.add_argument(
            "--json", action="store_true", help="one compact JSON document per line"
        )
        published_argument_add(parser)

    def handle(self, *args, **options) -> None:
        published = published_date(options["published"])
        paths = [Path(name) for name in options["files"]]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}")
        for path in paths:
            text = path.read_text(encoding="utf-8", errors="replace")
            record = extract_article(text, published_on=published)
            indent = None if options["json"] else 2
            self.stdout.write(json.dumps(record, ensure_ascii=False, indent=indent))
