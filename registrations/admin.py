from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial import transitions
from editorial.admin import PublishableForm
from events.admin import EventAdmin
from events.models import Event

from . import exceptions
from .exports import registrations_csv, registrations_xlsx
from .forms import CapacityForm, language_choices, phone_normalize
from .models import OutgoingEmail, OutgoingEmailStatus, Registration, RegistrationStatus
from .services import check_in, emails, seats


def _site_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def may_manage_registrations(user) -> bool:
    """The permission the registrations admin (and its capacity page) asks for."""
    return user.is_active and user.has_perm("registrations.change_registration")


def managed_events(request):
    """The events a registrations page may name: all for those who may see drafts; for
    registration managers, the public ones and those whose registrants they already hold."""
    if transitions.can_see_unpublished(request.user, Event):
        return Event.objects.all()
    return Event.objects.filter(
        Q(pk__in=Event.objects.public().values("pk"))
        | Q(pk__in=Registration.objects.values("event_id"))
    )


class EventAdminForm(PublishableForm):
    """A capacity change moves people off the waiting list (seats and e-mails,
    registrations.services.seats.event_capacity_change): while anyone waits, only users
    with the registration permission may change it."""

    may_move_registrants = True  # EventAdmin.get_form sets it for the user

    def clean_capacity(self):
        capacity = self.cleaned_data.get("capacity")
        event = self.instance
        if self.may_move_registrants or not event.pk or "capacity" not in self.changed_data:
            return capacity
        if transaction.get_connection().in_atomic_block:
            # Held until the save commits: sign-ups take this lock to join the waiting list.
            list(Event.objects.select_for_update(of=("self",)).filter(pk=event.pk).values("pk"))
        waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
        if waiting.exists():
            raise forms.ValidationError(
                _(
                    "People are on this event's waiting list: changing its capacity would give "
                    "them seats and e-mail them. Only registration managers may change it now."
                ),
                code="registration_permission",
            )
        return capacity


admin.site.unregister(Event)


@admin.register(Event)
class EventRegistrationsAdmin(EventAdmin):
    """The events admin, with the capacity rules registrations need: a capacity change
    moves people off the waiting list."""

    form = EventAdminForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.may_move_registrants = may_manage_registrations(request.user)
        return form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            # Seats a raise frees go to the waiting list now, in order, with their e-mails.
            promoted = seats.event_capacity_change(
                event=obj, capacity=obj.capacity, site_url=_site_url(request)
            )
            if promoted:
                self.message_user(
                    request,
                    _("%(promoted)d promoted from the waiting list.") % {"promoted": len(promoted)},
                    messages.SUCCESS,
                )


class RegistrationEmailFilter(admin.SimpleListFilter):
    title = _("e-mail")
    parameter_name = "email_state"

    def lookups(self, request, model_admin):
        return [
            ("queued", _("Queued")),
            ("failed", _("Failed")),
            ("sent", _("Sent")),
            ("unsent", _("Not sent")),
        ]

    def queryset(self, request, queryset):
        """Registrations with a message in that state ("unsent": none was ever sent)."""
        value = self.value()
        if value in (OutgoingEmailStatus.QUEUED, OutgoingEmailStatus.FAILED):
            return queryset.filter(emails__status=value).distinct()
        if value == "sent":
            return queryset.filter(emails__status=OutgoingEmailStatus.SENT).distinct()
        if value == "unsent":
            return queryset.exclude(emails__status=OutgoingEmailStatus.SENT)
        return queryset


class RegistrationAdminForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("language of correspondence"), choices=language_choices)

    class Meta:
        model = Registration
        fields = ["full_name", "email", "phone", "organization_name", "job_title", "language"]

    def clean_phone(self):
        return phone_normalize(self.cleaned_data["phone"])

    def clean_email(self):
        """The event is read-only here, so Django skips the (event, e-mail) constraint: check
        it by hand for a readable message instead of an IntegrityError."""
        email = self.cleaned_data["email"]
        taken = (
            Registration.objects.filter(event_id=self.instance.event_id, email__iexact=email)
            .exclude(pk=self.instance.pk)
            .exclude(status=RegistrationStatus.CANCELLED)
        )
        if self.instance.status != RegistrationStatus.CANCELLED and taken.exists():
            raise forms.ValidationError(exceptions.AlreadyRegistered.message, code="unique")
        return email


class OutgoingEmailInline(admin.TabularInline):
    """The messages sent to this registrant, read-only: resend from the e-mails list."""

    model = OutgoingEmail
    extra = 0
    can_delete = False
    fields = ["kind", "status", "attempts", "last_error", "created_at", "sent_at"]
    readonly_fields = fields
    ordering = ["-pk"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RegistrationDataAdminMixin:
    """Registrants' data is seen by those with the registration permissions only, explicitly
    (not by every staff user with a model's view permission)."""

    def has_view_permission(self, request, obj=None):
        user = request.user
        return user.is_active and (
            user.has_perm("registrations.view_registration")
            or user.has_perm("registrations.change_registration")
        )

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.has_perm("registrations.change_registration")

    def has_module_permission(self, request):
        return self.has_view_permission(request)


@admin.register(Registration)
class RegistrationAdmin(RegistrationDataAdminMixin, admin.ModelAdmin):
    """Registrants' personal data: only for users with the registration permissions
    (the Registration managers group and superusers). Seats change only through
    registrations.services, so status and positions are read-only here."""

    form = RegistrationAdminForm
    change_list_template = "admin/registrations/registration/change_list.html"

    class Media:
        css = {"all": ["css/registration-admin.css"]}

    # Few enough columns to read at 1280 px: the waiting position goes with the status, the
    # check-in time is on the registration's page.
    list_display = [
        "reference",
        "full_name",
        "email",
        "event",
        "status_position",
        "created_at",
        "email_state",
    ]
    list_filter = [
        "status",
        ("event", admin.RelatedOnlyFieldListFilter),
        "language",
        RegistrationEmailFilter,
        "created_at",
    ]
    list_select_related = ["event"]
    search_fields = ["=reference", "full_name", "email", "organization_name", "phone"]
    readonly_fields = [
        "event",
        "reference",
        "status",
        "waiting_position",
        "consent_at",
        "created_at",
        "checked_in_at",
        "cancelled_at",
    ]
    inlines = [OutgoingEmailInline]
    fieldsets = [
        (None, {"fields": ["event", "reference", "status", "waiting_position"]}),
        (
            _("Registrant"),
            {
                "fields": [
                    "full_name",
                    "email",
                    "phone",
                    "organization_name",
                    "job_title",
                    "language",
                ]
            },
        ),
        (
            _("History"),
            {
                "fields": [
                    "consent_at",
                    "created_at",
                    "checked_in_at",
                    "cancelled_at",
                ]
            },
        ),
    ]
    actions = [
        "cancel_selected",
        "promote_selected",
        "mark_attended",
        "resend_email",
        "export_selected",
        "export_selected_xlsx",
    ]

    # Who may see and do what: the model permissions, checked explicitly.
    def has_add_permission(self, request):
        return False  # sign-ups go through the form and its seat accounting

    def has_delete_permission(self, request, obj=None):
        return False  # cancel instead; purge_registrations anonymises, keeping counts

    def has_export_permission(self, request):
        return request.user.is_active and request.user.has_perm("registrations.export_registration")

    def has_checkin_permission(self, request):
        return request.user.is_active and request.user.has_perm(
            "registrations.checkin_registration"
        )

    def get_queryset(self, request):
        latest = OutgoingEmail.objects.filter(registration=OuterRef("pk")).order_by("-pk")
        return (
            super().get_queryset(request).annotate(last_email=Subquery(latest.values("status")[:1]))
        )

    @admin.display(description=_("status"), ordering="status")
    def status_position(self, obj):
        """The status, with the place on the waiting list for those waiting."""
        if obj.status == RegistrationStatus.WAITING and obj.waiting_position:
            return _("%(status)s (no. %(position)d)") % {
                "status": obj.get_status_display(),
                "position": obj.waiting_position,
            }
        return obj.get_status_display()

    @admin.display(description=_("e-mail"), boolean=True)
    def email_state(self, obj):
        """The latest message: sent (yes), failed (no), queued or none (unknown)."""
        return {OutgoingEmailStatus.SENT: True, OutgoingEmailStatus.FAILED: False}.get(
            obj.last_email
        )

    # Counts against capacity, above the list.
    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if self.has_view_permission(request):
            extra_context["event_summaries"] = self.event_summaries(request)
            extra_context["can_export"] = self.has_export_permission(request)
            extra_context["can_change"] = self.has_change_permission(request)
            extra_context["can_check_in"] = self.has_checkin_permission(request)
        return super().changelist_view(request, extra_context)

    def event_summaries(self, request):
        events = managed_events(request).annotate(
            confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
            attended=Count("registrations", filter=Q(registrations__status="attended")),
            taken=Count("registrations", filter=Q(registrations__status__in=seats.ACTIVE)),
            waiting=Count("registrations", filter=Q(registrations__status="waiting")),
            cancelled=Count("registrations", filter=Q(registrations__status="cancelled")),
            total=Count("registrations"),
        )
        event_id = request.GET.get("event__id__exact", "")
        if event_id.isascii() and event_id.isdigit():  # not "²", which int() refuses
            events = events.filter(pk=event_id)
        else:
            events = events.filter(Q(total__gt=0) | Q(registration_opens__isnull=False))
        summaries = list(events.order_by("-start_date", "pk")[:20])
        for event in summaries:
            event.free = None if event.capacity is None else max(event.capacity - event.taken, 0)
        return summaries

    # Actions: each goes through the services, one locked transaction per registration.
    def _each(self, registrations, action):
        """Runs action on every registration; its results, and the refusals to report."""
        results, errors = [], []
        for registration in registrations:
            try:
                results.append(action(registration))
            except exceptions.RegistrationError as error:
                errors.append((registration, error))
        return results, errors

    def _report(self, request, done_message, errors):
        if done_message:
            self.message_user(request, done_message, messages.SUCCESS)
        for registration, error in errors:
            self.message_user(request, f"{registration.reference}: {error}", messages.WARNING)

    @admin.action(description=_("Cancel the selected registrations"), permissions=["change"])
    def cancel_selected(self, request, queryset):
        site_url = _site_url(request)
        promotions, errors = self._each(
            queryset.order_by("pk"),
            lambda registration: seats.registration_cancel(
                registration=registration, site_url=site_url
            ),
        )
        self._report(
            request,
            _("%(cancelled)d cancelled, %(promoted)d promoted from the waiting list.")
            % {"cancelled": len(promotions), "promoted": sum(map(len, promotions))},
            errors,
        )

    @admin.action(
        description=_("Promote the selected from the waiting list (adds seats if full)"),
        permissions=["change"],
    )
    def promote_selected(self, request, queryset):
        site_url = _site_url(request)
        results, errors = self._each(
            queryset.order_by("waiting_position", "pk"),
            lambda registration: seats.registration_promote(
                registration=registration, site_url=site_url
            ),
        )
        self._report(
            request,
            _("%(promoted)d promoted; capacity raised by %(seats)d.")
            % {"promoted": len(results), "seats": sum(r.seats_added for r in results)},
            errors,
        )

    @admin.action(description=_("Mark the selected as attended"), permissions=["checkin"])
    def mark_attended(self, request, queryset):
        results, errors = self._each(
            queryset.order_by("pk"),
            lambda registration: check_in.registration_check_in(reference=registration.reference),
        )
        already = sum(result.already for result in results)
        self._report(
            request,
            _("%(checked)d checked in, %(already)d already were.")
            % {"checked": len(results) - already, "already": already},
            errors,
        )

    @admin.action(description=_("Send the e-mail again"), permissions=["change"])
    def resend_email(self, request, queryset):
        site_url = _site_url(request)
        queued, errors = self._each(
            queryset.order_by("pk"),
            lambda registration: emails.registration_resend_email(
                registration=registration, site_url=site_url
            ),
        )
        self._report(
            request, _("%(sent)d e-mails queued for sending.") % {"sent": len(queued)}, errors
        )

    @admin.action(description=_("Export the selected as CSV"), permissions=["export"])
    def export_selected(self, request, queryset):
        return registrations_csv(queryset, f"registrations-{timezone.localdate():%Y-%m-%d}.csv")

    @admin.action(description=_("Export the selected for Excel (.xlsx)"), permissions=["export"])
    def export_selected_xlsx(self, request, queryset):
        return registrations_xlsx(queryset, f"registrations-{timezone.localdate():%Y-%m-%d}.xlsx")

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    # One event's export and capacity, linked from the summary above the list.
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "event/<int:event_id>/export/",
                view(self.export_event_view),
                name="registrations_registration_export",
            ),
            path(
                "event/<int:event_id>/export/xlsx/",
                view(self.export_event_view),
                {"file_format": "xlsx"},
                name="registrations_registration_export_xlsx",
            ),
            path(
                "event/<int:event_id>/capacity/",
                view(self.capacity_view),
                name="registrations_registration_capacity",
            ),
            *super().get_urls(),
        ]

    def export_event_view(self, request, event_id, file_format="csv"):
        if not self.has_export_permission(request):
            raise PermissionDenied
        event = get_object_or_404(managed_events(request), pk=event_id)
        export = registrations_xlsx if file_format == "xlsx" else registrations_csv
        return export(
            Registration.objects.filter(event=event),
            f"registrations-{event.slug}-{timezone.localdate():%Y-%m-%d}.{file_format}",
        )

    def capacity_view(self, request, event_id):
        if not self.has_change_permission(request):
            raise PermissionDenied
        event = get_object_or_404(managed_events(request), pk=event_id)
        form = CapacityForm(request.POST or None, initial={"capacity": event.capacity})
        if request.method == "POST" and form.is_valid():
            promoted = seats.event_capacity_change(
                event=event,
                capacity=form.cleaned_data["capacity"],
                site_url=_site_url(request),
            )
            self.message_user(
                request,
                _("Capacity saved; %(promoted)d promoted from the waiting list.")
                % {"promoted": len(promoted)},
                messages.SUCCESS,
            )
            changelist = reverse("admin:registrations_registration_changelist")
            return redirect(f"{changelist}?event__id__exact={event.pk}")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "event": event,
            "form": form,
            "title": _("Capacity of %(event)s") % {"event": event.title},
        }
        return TemplateResponse(request, "admin/registrations/registration/capacity.html", context)


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(RegistrationDataAdminMixin, admin.ModelAdmin):
    """Every registration e-mail with its attempts and last error, for the same users as the
    registrations (the address is personal data). Any can be queued again."""

    list_display = ["registration", "recipient", "kind", "status", "attempts", "created_at"]
    list_filter = ["status", "kind", "created_at"]
    list_select_related = ["registration__event"]
    search_fields = ["=registration__reference", "registration__email"]
    fields = [
        "registration",
        "kind",
        "status",
        "attempts",
        "last_error",
        "site_url",
        "created_at",
        "updated_at",
        "sent_at",
    ]
    readonly_fields = fields
    actions = ["resend"]

    def has_add_permission(self, request):
        return False  # messages are queued by the changes that owe them

    def has_delete_permission(self, request, obj=None):
        return False  # the history of what a registrant was sent

    @admin.display(description=_("e-mail"), ordering="registration__email")
    def recipient(self, obj):
        return obj.registration.email

    @admin.action(description=_("Send the selected e-mails again"), permissions=["change"])
    def resend(self, request, queryset):
        site_url = _site_url(request)
        queued = 0
        for outgoing_email in queryset.select_related("registration").order_by("pk"):
            try:
                emails.outgoing_email_resend(outgoing_email=outgoing_email, site_url=site_url)
                queued += 1
            except exceptions.RegistrationError as error:
                reference = outgoing_email.registration.reference
                self.message_user(request, f"{reference}: {error}", messages.WARNING)
        self.message_user(
            request, _("%(sent)d e-mails queued for sending.") % {"sent": queued}, messages.SUCCESS
        )
