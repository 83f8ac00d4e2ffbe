from taxonomy.geography import SECTORS, geography_load
from taxonomy.models import Commune, Province, Region, Sector

REGION_SLUGS = {
    "tanger-tetouan-al-hoceima",
    "oriental",
    "fes-meknes",
    "rabat-sale-kenitra",
    "beni-mellal-khenifra",
    "casablanca-settat",
    "marrakech-safi",
    "draa-tafilalet",
    "souss-massa",
    "guelmim-oued-noun",
    "laayoune-sakia-el-hamra",
    "dakhla-oued-ed-dahab",
}


def test_hcp_geography_is_complete(db):
    assert Region.objects.count() == 12
    assert Province.objects.count() == 83
    assert Commune.objects.count() == 1503
    assert set(Region.objects.values_list("slug", flat=True)) == REGION_SLUGS


def test_names_are_arabic_and_french(db):
    rabat = Commune.objects.select_related("region").get(slug="rabat")
    assert rabat.name_ar == "الرباط"
    assert rabat.name_fr == "Rabat"
    assert rabat.region.slug == "rabat-sale-kenitra"
    assert rabat.region.name_ar == "الرباط-سلا-القنيطرة"
    assert not Commune.objects.filter(name_ar="").exists()
    assert not Region.objects.filter(name_en="").exists()


def test_loading_twice_changes_nothing(db):
    before = list(Commune.objects.order_by("code").values_list("code", "name_ar", "region_id"))
    changes = geography_load()
    assert changes == {"regions": 0, "provinces": 0, "communes": 0, "sectors": 0}
    after = list(Commune.objects.order_by("code").values_list("code", "name_ar", "region_id"))
    assert before == after


def test_sectors_have_three_languages(db):
    assert set(Sector.objects.values_list("slug", flat=True)) == set(SECTORS)
    chemistry = Sector.objects.get(slug="chemistry")
    assert chemistry.name_ar and chemistry.name_fr and chemistry.name_en
