from django.http import Http404


def register(request, slug):
    raise Http404("Registration is not available yet.")
