from django.views.generic import DetailView

from .models import Organization, Person


class OrganizationDetailView(DetailView):
    template_name = "organizations/organization_detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.public()


class PersonDetailView(DetailView):
    template_name = "organizations/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.public()
