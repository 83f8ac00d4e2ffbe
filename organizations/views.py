"""Public pages of organisations and people: fixed query counts whatever they list; the
detail views build their context in get_context_data so the editorial preview reuses them."""

from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import render
from django.views.generic import DetailView, View

from articles.sources import attach_sources
from core.listing import filtered_page
from editorial.models import public_q
from editorial.preview import RelatedVisibility
from editorial.replacements import ReplacedRedirectMixin

from .filters import OrganizationFilter, PersonFilter
from .models import Organization, Person, Position

ORGANIZATIONS_PER_PAGE = 30
PEOPLE_PER_PAGE = 30
EVENTS_PER_ROLE = 20
EVENTS_PER_PERSON = 50


class OrganizationListView(View):
    template_name = "organizations/organization_list.html"

    def get(self, request):
        queryset = Organization.objects.public().select_related("region").order_by("name", "pk")
        context, status = filtered_page(
            request, OrganizationFilter, queryset, ORGANIZATIONS_PER_PAGE
        )
        context["organizations"] = context["page_obj"].object_list
        return render(request, self.template_name, context, status=status)


class PersonListView(View):
    template_name = "organizations/person_list.html"

    def get(self, request):
        queryset = Person.objects.public().prefetch_related(
            Prefetch(
                "positions",
                queryset=Position.objects.filter(
                    Q(organization__isnull=True) | public_q("organization__")
                ).select_related("organization"),
            )
        )
        context, status = filtered_page(
            request, PersonFilter, queryset.order_by("name", "pk"), PEOPLE_PER_PAGE
        )
        context["people"] = context["page_obj"].object_list
        form = context["filter"].form
        context["organization"] = getattr(form, "cleaned_data", {}).get("organization")
        return render(request, self.template_name, context, status=status)


class OrganizationDetailView(ReplacedRedirectMixin, RelatedVisibility, DetailView):
    template_name = "organizations/organization_detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.public().select_related("region", "commune", "parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.object
        links = org.event_roles.filter(self.visible_q("event__"))
        role_field = links.model._meta.get_field("role")
        counts = dict(links.values_list("role").annotate(n=Count("pk")).order_by())
        recent = (
            links.select_related("event__commune", "event__region")
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[F("role")],
                    order_by=[F("event__start_date").desc(nulls_last=True), F("pk")],
                )
            )
            .filter(rank__lte=EVENTS_PER_ROLE)
            .order_by(F("event__start_date").desc(nulls_last=True), "pk")
        )
        by_role = {role: [] for role, _label in role_field.choices}
        for link in recent:
            by_role[link.role].append(link.event)
        role_groups = [
            {"role": role, "label": label, "events": by_role[role], "count": counts[role]}
            for role, label in role_field.choices
            if by_role[role]
        ]
        positions = (
            org.positions.filter(self.visible_q("person__"))
            .select_related("person")
            .order_by(F("end_date").desc(nulls_first=True), F("start_date").desc(nulls_last=True))
        )
        agreements = (
            org.agreements.filter(self.visible_q())
            .prefetch_related(
                Prefetch(
                    "parties",
                    queryset=Organization.objects.filter(self.visible_q()).order_by("name"),
                )
            )
            .order_by(F("signed_on").desc(nulls_last=True), "pk")
        )
        parent = org.parent if self.visible(org.parent) else None
        attach_sources(org)
        context.update(
            {
                "role_groups": role_groups,
                "positions": positions,
                "agreements": agreements,
                "parent": parent,
                "children": org.children.filter(self.visible_q()).order_by("name"),
                "description": org.description,
            }
        )
        return context


class PersonDetailView(ReplacedRedirectMixin, RelatedVisibility, DetailView):
    template_name = "organizations/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        positions = (
            person.positions.filter(Q(organization__isnull=True) | self.visible_q("organization__"))
            .select_related("organization")
            .order_by(F("start_date").desc(nulls_last=True), "pk")
        )
        participations = (
            person.participations.filter(self.visible_q("event__"))
            .select_related("event__commune", "event__region", "organization")
            .order_by(F("event__start_date").desc(nulls_last=True), "pk")[:EVENTS_PER_PERSON]
        )
        attach_sources(person)
        context.update(
            {"positions": positions, "participations": participations, "description": person.bio}
        )
        return context
