from django.shortcuts import get_object_or_404, render

from .models import Agreement, Event


def event_list(request):
    events = Event.objects.public().select_related("commune", "region")
    return render(request, "events/event_list.html", {"events": events})


def event_detail(request, slug):
    event = get_object_or_404(Event.objects.public().select_related("commune", "region"), slug=slug)
    return render(request, "events/event_detail.html", {"event": event})


def agreement_detail(request, slug):
    agreement = get_object_or_404(Agreement.objects.public(), slug=slug)
    return render(request, "events/agreement_detail.html", {"agreement": agreement})
