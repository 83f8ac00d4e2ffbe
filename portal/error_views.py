"""The 500 handler: shows the request id the logs carry; a lost database gets the 503 page."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.template import TemplateDoesNotExist, loader
from django.views.decorators.csrf import requires_csrf_token

from .ops_middleware import database_unavailable_response


@requires_csrf_token
def server_error(request):
    """Rendered without context processors: they may need what just failed."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return database_unavailable_response(request)
    request_id = getattr(request, "request_id", "")
    try:
        template = loader.get_template("500.html")
    except TemplateDoesNotExist:
        return HttpResponseServerError(
            f"<h1>Server Error (500)</h1><p>{request_id}</p>", content_type="text/html"
        )
    return HttpResponseServerError(template.render({"request_id": request_id}))
