"""`manage.py ingest FILE_OR_DIR... [--published YYYY-MM-DD] [--outlet NAME]`: articles to
drafts.

Each file (a folder stands for its *.txt files) becomes an Article (its first line is the
title) and everything the extractor proposes becomes draft records with Mentions, as the
admin's review screen would with every box ticked. An event the portal may already have is
attached to it only when the match is certain; otherwise the article is left for an editor,
in the admin's "to review" list of articles. A file that cannot be read is reported and the
others are still ingested.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from articles.models import Article
from extraction.management.published import published_argument_add, published_date
from extraction.services import article_extract, extraction_uncertain, proposals_ingest

MAX_BYTES = 1024 * 1024


class Command(BaseCommand):
    help = "Create an article per text file and ingest what it reports as draft records."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "files", nargs="+", metavar="FILE_OR_DIR", help="UTF-8 article texts, or folders"
        )
        published_argument_add(parser)
        parser.add_argument("--outlet", default="", help="the outlet that published them")
        parser.add_argument("--url", default="", help="the article's address (one file)")

    def handle(self, *args, **options) -> None:
        published = published_date(options["published"])
        paths = [
            file
            for path in map(Path, options["files"])
            for file in (sorted(path.glob("*.txt")) if path.is_dir() else [path])
        ]
        failed = 0
        totals = {"articles": 0, "created": 0, "linked": 0, "mentions": 0, "to_review": 0}
        # tqdm redraws its line with "\r": it writes to the raw stream, not the OutputWrapper
        # (which would end every write with a newline).
        progress = tqdm(paths, unit="article", disable=len(paths) < 2, file=self.stderr._out)
        for path in progress:
            try:
                text = self.read(path)
            except CommandError as error:
                failed += 1
                progress.write(self.style.ERROR(f"{path}: {error}"), file=self.stderr._out)
                continue
            with transaction.atomic():
                article = Article.objects.create(
                    title=_first_line(text)[:500] or path.stem,
                    outlet=options["outlet"][:200],
                    url=options["url"][:500],
                    published_on=published,
                    text=text,
                )
                extraction = article_extract(article)
                if extraction_uncertain(extraction):
                    totals["to_review"] += 1
                    progress.write(
                        f"{path}: left for review (its event may be one we have)",
                        file=self.stdout._out,
                    )
                    continue
                result = proposals_ingest(article=article, extraction=extraction, user=None)
            totals["articles"] += 1
            totals["created"] += len(result.created)
            totals["linked"] += len(result.linked)
            totals["mentions"] += result.mentions
            if len(paths) < 2:
                self.stdout.write(f"{path}: {result.summary()}")
        self.stdout.write(
            self.style.SUCCESS(
                "{articles} articles ingested: {created} draft records created, {linked} "
                "existing records linked, {mentions} mentions; {to_review} left for review in "
                "the admin.".format(**totals)
            )
        )
        if failed:
            raise CommandError(f"{failed} of {len(paths)} files could not be ingested.")

    @staticmethod
    def read(path: Path) -> str:
        if not path.is_file():
            raise CommandError("no such file")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError("larger than 1 MB; is it an article?")
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError("not UTF-8 text; save it as UTF-8 and try again") from None
        if "\x00" in text:
            raise CommandError("not a plain text file")
        if not text.strip():
            raise CommandError("empty")
        return text


def _first_line(text: str) -> str:
    return next((" ".join(line.split()) for line in text.splitlines() if line.strip()), "")
