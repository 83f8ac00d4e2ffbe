from pathlib import Path

import pytest

from extraction.evaluation import Score, evaluate, same_title, score_article

CORPUS = Path(__file__).resolve().parents[2] / "extraction" / "corpus"
SEEDS = "00[0-4]_*.txt"
OWN = "1[0-9][0-9]_*.txt"


@pytest.fixture(scope="module")
def seeds():
    return evaluate(CORPUS, SEEDS)["fields"]


@pytest.fixture(scope="module")
def own():
    return evaluate(CORPUS, OWN)["fields"]


def test_corpus_has_the_seeds_and_at_least_five_own_articles():
    assert evaluate(CORPUS, SEEDS)["articles"] == 5
    assert evaluate(CORPUS, OWN)["articles"] >= 5


def test_seed_targets_for_organisations_and_people(seeds):
    assert seeds["organizations"]["f1"] >= 0.9
    assert seeds["people"]["f1"] >= 0.9


@pytest.mark.parametrize("name", ["start_date", "end_date", "city", "region", "amount_mad"])
def test_seed_dates_places_and_amounts_are_exact(seeds, name):
    assert seeds[name]["fp"] == seeds[name]["fn"] == 0
    assert seeds[name]["tp"] > 0


def test_own_articles_stay_close(own):
    for name in ("organizations", "people", "positions", "city", "region", "start_date"):
        assert own[name]["f1"] >= 0.85, name


def test_title_comparison_accepts_paraphrase_by_containment():
    assert same_title("الرئيسة", "رئيسة المكتب التنفيذي")
    assert same_title("النائب الأول لرئيس", "النائب الأول للرئيس")
    assert same_title(None, None)
    assert not same_title("المدير العام", "أمين المال")
    assert not same_title("مدير", None)


def test_aliases_match_and_extras_count_as_false_positives():
    gold = {"organizations": [{"name": "مجلة صناعة المغرب", "aliases": ["صناعة المغرب"]}],
            "people": [], "events": [], "agreements": []}  # fmt: skip
    extracted = {"organizations": [{"name": "صناعه المغرب", "aliases": []},
                                   {"name": "وزارة الصناعة", "aliases": []}],
                 "people": [], "events": [], "agreements": []}  # fmt: skip
    scores = {name: Score() for name in (
        "organizations", "people", "positions", "roles", "kind", "edition", "start_date",
        "end_date", "city", "region", "amount_mad", "period")}  # fmt: skip
    score_article("x", extracted, gold, scores)
    assert (scores["organizations"].tp, scores["organizations"].fp) == (1, 1)
    assert scores["organizations"].false_positives == ["x: وزارة الصناعة"]
    assert scores["organizations"].precision == 0.5


def test_event_fields_compare_after_alignment():
    gold = {"events": [{"title": "المنتدى الدولي", "kind": "forum", "edition": 2,
                        "start_date": "2024-05-15", "end_date": None, "city": "أكادير",
                        "region": "souss-massa", "organizations": []}]}  # fmt: skip
    extracted = {"events": [{"title": "المنتدى الدولي", "kind": "forum", "edition": 3,
                             "start_date": "2024-05-15", "end_date": "2024-05-15",
                             "city": "اكادير", "region": "souss-massa",
                             "organizations": []}]}  # fmt: skip
    scores = {name: Score() for name in (
        "organizations", "people", "positions", "roles", "kind", "edition", "start_date",
        "end_date", "city", "region", "amount_mad", "period")}  # fmt: skip
    score_article("x", extracted, gold, scores)
    assert scores["city"].tp == 1  # spelling folded
    assert (scores["edition"].fp, scores["edition"].fn) == (1, 1)
    assert (scores["end_date"].fp, scores["end_date"].fn) == (1, 0)
    assert scores["start_date"].f1 == 1.0


def test_two_editions_of_one_fair_align_by_their_day_place_and_edition():
    def fair(edition, day, city):
        return {"title": "معرض الصناعات الغذائية", "kind": "exhibition", "edition": edition,
                "start_date": day, "end_date": day, "city": city, "region": None,
                "organizations": []}  # fmt: skip

    gold = {"events": [fair(3, "2025-11-12", "أكادير"), fair(2, None, None)]}
    extracted = {"events": [fair(3, "2025-11-12", "أكادير")]}
    scores = {name: Score() for name in (
        "organizations", "people", "positions", "roles", "kind", "edition", "start_date",
        "end_date", "city", "region", "amount_mad", "period")}  # fmt: skip
    score_article("x", extracted, gold, scores)
    assert (scores["edition"].tp, scores["edition"].fp, scores["edition"].fn) == (1, 0, 1)
    assert (scores["start_date"].tp, scores["start_date"].fp) == (1, 0)
    assert (scores["city"].tp, scores["city"].fp) == (1, 0)
