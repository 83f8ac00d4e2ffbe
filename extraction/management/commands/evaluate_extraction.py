"""`manage.py evaluate_extraction DIR [--json]`: P/R/F1 per field against gold records.

DIR holds `<id>.txt` articles with `<id>.json` gold records beside them (the corpus is
`extraction/corpus`); the gold `source.published_on` resolves relative dates. Scores are
given overall and per language (the gold's `source.language`); each sub-folder of DIR that
holds articles (`dev/`, `blind/`) is scored on its own, as tables without its misses.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from extraction.evaluation import evaluate, format_report


class Command(BaseCommand):
    help = "Score the extractor against gold records: precision, recall and F1 per field."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", metavar="DIR", help="articles (*.txt) and gold (*.json)")
        parser.add_argument("--json", action="store_true", help="machine-readable report")
        parser.add_argument(
            "--glob", default="*.txt", help="which articles to score (default: *.txt)"
        )
        parser.add_argument("--summary", action="store_true", help="the table only, without misses")

    def handle(self, *args, **options) -> None:
        directory = Path(options["directory"])
        if not directory.is_dir():
            raise CommandError(f"Not a directory: {directory}")
        report = evaluate(directory, options["glob"])
        if not report["articles"] and not report.get("folders"):
            raise CommandError(
                f"No article with a gold record in {directory} matching {options['glob']!r}"
            )
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(format_report(report, details=not options["summary"]))
