"""Regions and sectors in the read API: the reference data, in every language."""

from taxonomy.models import Region


def test_the_twelve_regions_in_their_hcp_order_in_every_language(client, db):
    regions = client.get("/api/v1/regions/").json()
    assert [r["code"] for r in regions] == [f"{n:02}" for n in range(1, 13)]
    oriental = next(r for r in regions if r["slug"] == "oriental")
    region = Region.objects.get(slug="oriental")
    assert oriental["name"] == {"ar": region.name_ar, "fr": region.name_fr, "en": region.name_en}
    assert oriental["name"]["ar"] == "الشرق"


def test_sectors_and_one_sector(client, db):
    sectors = client.get("/api/v1/sectors/").json()
    assert "automotive" in [s["slug"] for s in sectors]
    sector = client.get("/api/v1/sectors/automotive/").json()
    assert sector["slug"] == "automotive"
    assert set(sector["name"]) == {"ar", "fr", "en"}


def test_an_unknown_region_is_a_json_404(client, db):
    for slug in ("atlantis", "%00", "é"):
        response = client.get(f"/api/v1/regions/{slug}/")
        assert response.status_code == 404
        assert "detail" in response.json()
