import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

CORPUS = Path(__file__).resolve().parents[2] / "extraction" / "corpus"
SEED = CORPUS / "000_e78897b692c798fe.txt"
MOU = CORPUS / "104_energy_ministry_mou.txt"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_extract_prints_one_json_document_per_line():
    lines = run("extract", str(SEED), str(MOU), "--json").strip().splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert set(records[0]) == {"source", "events", "organizations", "people", "agreements"}
    assert records[0]["events"][0]["start_date"] == "2024-05-15"
    assert "الرباط" in lines[0]  # not escaped: ensure_ascii=False


def test_extract_pretty_prints_without_json_flag():
    output = run("extract", str(SEED))
    assert output.startswith("{\n")
    assert json.loads(output)["source"]["outlet"] == "هبة بريس"


def test_published_date_resolves_relative_dates():
    record = json.loads(run("extract", str(MOU), "--json", "--published", "2025-04-09"))
    assert record["events"][0]["start_date"] == "2025-04-08"
    assert record["agreements"][0]["signed_on"] == "2025-04-08"
    record = json.loads(run("extract", str(MOU), "--json"))
    assert record["events"][0]["start_date"] is None


def test_bad_date_and_missing_file_are_command_errors():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("extract", str(SEED), "--published", "09/04/2025")
    with pytest.raises(CommandError, match="No such file"):
        run("extract", str(CORPUS / "missing.txt"))


def test_evaluate_extraction_table_and_json():
    table = run("evaluate_extraction", str(CORPUS), "--glob", "00[0-4]_*.txt")
    assert "organizations" in table and "F1" in table
    report = json.loads(run("evaluate_extraction", str(CORPUS), "--json"))
    assert report["articles"] >= 10
    assert set(report["fields"]["people"]) >= {"precision", "recall", "f1", "misses"}


def test_evaluate_extraction_rejects_an_empty_directory(tmp_path):
    with pytest.raises(CommandError):
        run("evaluate_extraction", str(tmp_path))
