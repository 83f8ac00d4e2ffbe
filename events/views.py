from django.views.generic import DetailView, ListView

from .models import Agreement, Event


class EventListView(ListView):
    template_name = "events/event_list.html"
    context_object_name = "events"

    def get_queryset(self):
        return Event.objects.public().select_related("commune", "region")


class EventDetailView(DetailView):
    """Public detail; the editorial preview subclasses it with an unfiltered queryset."""

    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.public().select_related("commune", "region")


class AgreementDetailView(DetailView):
    template_name = "events/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return Agreement.objects.public()
