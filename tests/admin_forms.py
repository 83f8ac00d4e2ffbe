"""Admin change forms posted back as a browser would."""

import datetime

from django.utils import timezone


def form_data(response):
    """The change form's own values, as a browser would post them back."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, list):
            data[name] = [str(v) for v in value]
        elif isinstance(value, datetime.datetime):
            local = timezone.localtime(value)
            data[f"{name}_0"], data[f"{name}_1"] = (
                local.date().isoformat(),
                local.strftime("%H:%M:%S"),
            )
        else:
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for form in formset.forms:
            for name in form.fields:
                value = form[name].value()
                if value is not None:
                    data[form.add_prefix(name)] = value
    return data
