"""evaluate_extraction per language (from the gold's source.language) and per sub-folder,
on temporary corpora written for the test."""

import json

import pytest
from django.core.management import call_command

from extraction.evaluation import evaluate, format_report

FRENCH = ("Forum à Fès\n\nLe Forum régional de l'industrie s'est tenu le 3 mars 2025 à Fès, à "
          "l'initiative de la Fédération marocaine de la plasturgie (FMP).\n")  # fmt: skip
ARABIC = "منتدى بفاس\n\nانعقد المنتدى الجهوي للصناعة يوم 3 مارس 2025 بمدينة فاس.\n"


def gold(language, city="فاس", org=None):
    return {
        "source": {"title": "t", "outlet": None, "published_on": "2025-03-04",
                   "language": language},
        "events": [{"title": "Forum", "kind": "forum", "edition": None, "start_date": "2025-03-03",
                    "end_date": "2025-03-03", "city": city, "region": "fes-meknes", "sectors": [],
                    "organizations": [], "people": []}],
        "organizations": [{"name": org, "aliases": [], "acronym": None, "kind": "federation",
                           "city": None, "region": None}] if org else [],
        "people": [],
        "agreements": [],
    }  # fmt: skip


def write(folder, name, text, record):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path):
    write(tmp_path, "seed", ARABIC, gold("ar"))
    write(tmp_path / "dev", "fr_1", FRENCH, gold("fr", org="Fédération marocaine de la plasturgie"))
    write(tmp_path / "dev", "ar_1", ARABIC, gold("ar"))
    write(tmp_path / "held", "fr_2", FRENCH, gold("fr", city="الرباط"))  # a wrong gold city
    return tmp_path


def test_scores_per_language_and_per_folder(corpus):
    report = evaluate(corpus)
    assert report["articles"] == 1 and set(report["languages"]) == {"ar"}
    assert set(report["folders"]) == {"dev", "held"}
    dev = report["folders"]["dev"]
    assert dev["articles"] == 2 and set(dev["languages"]) == {"ar", "fr"}
    french = dev["languages"]["fr"]["fields"]
    assert french["organizations"]["tp"] == 1 and french["kind"]["f1"] == 1.0
    assert french["start_date"]["tp"] == 1
    held = report["folders"]["held"]["languages"]["fr"]["fields"]
    assert held["city"]["fn"] == 1 and held["city"]["fp"] == 1  # folders are scored apart
    assert dev["languages"]["fr"]["fields"]["city"]["fn"] == 0


def test_the_glob_applies_in_every_folder(corpus):
    report = evaluate(corpus, "fr_*.txt")
    assert report["articles"] == 0
    assert {f: r["articles"] for f, r in report["folders"].items()} == {"dev": 1, "held": 1}


def test_folder_tables_come_without_their_misses(corpus):
    text = format_report(evaluate(corpus))
    assert "folder: dev  language: fr" in text and "folder: held  language: fr" in text
    assert "الرباط" not in text  # the held-out folder's miss is not listed


def test_the_command_reports_languages_and_folders(corpus, capsys):
    call_command("evaluate_extraction", str(corpus / "dev"), "--summary")
    out = capsys.readouterr().out
    assert "language: ar" in out and "language: fr" in out
    call_command("evaluate_extraction", str(corpus), "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["folders"]["dev"]["languages"]["fr"]["articles"] == 1
