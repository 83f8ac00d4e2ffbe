"""Regions and sectors in the public read API: reference data, all of it public."""

from django.http import HttpRequest
from ninja import Router, Schema

from core.api import Translated, record_by_key, responses, translated

from .models import Region, Sector

router = Router(tags=["taxonomy"])


class RegionOut(Schema):
    slug: str
    code: str
    name: Translated

    @staticmethod
    def resolve_name(region) -> dict:
        return translated(region, "name")


class SectorOut(Schema):
    slug: str
    name: Translated

    @staticmethod
    def resolve_name(sector) -> dict:
        return translated(sector, "name")


@router.get("/regions/", response=responses(list[RegionOut]), summary="Morocco's 12 regions")
def region_list(request: HttpRequest):
    """The `slug` is what the events list's `region` filter takes."""
    return Region.objects.order_by("code")


@router.get("/regions/{slug}/", response=responses(RegionOut, 404), summary="A region")
def region_detail(request: HttpRequest, slug: str):
    return record_by_key(Region.objects.all(), slug)


@router.get("/sectors/", response=responses(list[SectorOut]), summary="Industrial sectors")
def sector_list(request: HttpRequest):
    """The `slug` is what the events list's `sector` filter takes."""
    return Sector.objects.order_by("slug")


@router.get("/sectors/{slug}/", response=responses(SectorOut, 404), summary="A sector")
def sector_detail(request: HttpRequest, slug: str):
    return record_by_key(Sector.objects.all(), slug)
