from django.shortcuts import get_object_or_404, render

from .models import Organization, Person


def organization_detail(request, slug):
    organization = get_object_or_404(Organization.objects.public(), slug=slug)
    return render(request, "organizations/organization_detail.html", {"organization": organization})


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.public(), slug=slug)
    return render(request, "organizations/person_detail.html", {"person": person})
