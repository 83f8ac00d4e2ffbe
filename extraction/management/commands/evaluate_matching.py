"""Score event matching on a stories folder (extraction/stories.py); changes nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from extraction.stories import stories_evaluate


class Command(BaseCommand):
    help = "Ingest a stories folder in a rolled-back transaction and score event matching."

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="articles, gold and stories.json")

    def handle(self, *args, directory, **options):
        if not (Path(directory) / "stories.json").is_file():
            raise CommandError(f"{directory} has no stories.json")
        report = stories_evaluate(directory)
        self.stdout.write(
            f"articles: {report['articles']}, stories: {report['stories']}, "
            f"events made: {report['events']}\n"
            f"pairs precision: {report['precision']:.3f}, recall: {report['recall']:.3f}"
        )
        for label in ("wrongly_merged", "wrongly_split"):
            for a, b in report[label]:
                self.stdout.write(f"{label.replace('_', ' ')}: {a} + {b}")
