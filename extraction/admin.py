from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.dateparse import parse_date
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Language, Mention
from core.templatetags.portal_tags import date_range, day, joined, mad, semicolons
from core.validators import validate_text_upload
from editorial import transitions
from editorial.admin import ApprovedRowsAdminMixin, ApprovedRowsForm, ApprovedRowsInlineMixin
from editorial.groups import declared_models
from editorial.models import Publishable, Status
from events.models import AgreementKind, EventKind, EventRole
from organizations.models import OrganizationKind
from taxonomy.models import Region, Sector

from . import services
from .forms import proposal_form

# What an editor needs to turn an article into drafts: Editors and Publishers have it.
INGEST_PERMISSIONS = (
    "events.add_event",
    "events.add_agreement",
    "organizations.add_organization",
    "organizations.add_person",
    "organizations.add_position",
    "articles.add_mention",
)
EXCERPT_CONTEXT = 90  # characters of context shown on each side of the evidence


# The records visitors see, the only ones a mention may point at.
MENTION_GATES = ("record",)  # a mention shows under "Sources" on its record's public page


def record_types():
    """The content types of the public records (not users, not registrations)."""
    condition = Q(pk__in=[])
    for label in declared_models("publishable"):
        app_label, model = label.split(".")
        condition |= Q(app_label=app_label, model=model)
    return ContentType.objects.filter(condition)


class MentionForm(ApprovedRowsForm):
    """A span of an article supporting one existing public record."""

    def clean(self):
        cleaned_data = super().clean()
        content_type, object_id = cleaned_data.get("content_type"), cleaned_data.get("object_id")
        if content_type is not None and object_id is not None:
            model = content_type.model_class()
            if model is None or not model._default_manager.filter(pk=object_id).exists():
                self.add_error(
                    "object_id",
                    _("The %(type)s with id %(id)s does not exist.")
                    % {"type": content_type.name, "id": object_id},
                )
        return cleaned_data


def record_type_label(content_type: ContentType) -> str:
    """ "Organisation", not "Organisations and people | organisation": the app's name is
    noise here, and would crowd out the type in the mentions' narrow column."""
    return capfirst(content_type.name)


class MentionFieldsMixin:
    """The record type offers only the public records' types."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "content_type":
            kwargs["queryset"] = record_types()
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "content_type":
            field.label_from_instance = record_type_label
        return field


class RecordTypeFilter(admin.RelatedFieldListFilter):
    """The record types a mention may point at, not every content type of the site."""

    def field_choices(self, field, request, model_admin):
        return [
            (content_type.pk, record_type_label(content_type)) for content_type in record_types()
        ]


class MentionInline(MentionFieldsMixin, ApprovedRowsInlineMixin, admin.TabularInline):
    model = Mention
    form = MentionForm
    extra = 0
    fields = ["content_type", "object_id", "start", "end", "quote"]
    row_gates = MENTION_GATES


class RecordMentionInline(GenericTabularInline):
    """Shown on public records: where each fact comes from."""

    model = Mention
    extra = 0
    fields = ["article", "start", "end", "quote"]
    autocomplete_fields = ["article"]


class ArticleForm(forms.ModelForm):
    """Pasted text or an uploaded .txt file; the title defaults to the first line."""

    url = forms.URLField(label=_("URL"), max_length=500, required=False, assume_scheme="https")
    upload = forms.FileField(
        label=_("or upload a text file"),
        required=False,
        validators=[validate_text_upload],
        help_text=_("A .txt file of at most 1 MB, UTF-8."),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,text/plain"}),
    )

    class Meta:
        model = Article
        fields = ["title", "outlet", "url", "published_on", "language", "text", "upload"]
        widgets = {"text": forms.Textarea(attrs={"dir": "auto", "rows": 16})}
        help_texts = {
            "title": _("Leave empty to use the first line of the text."),
            "published_on": _("Resolves relative dates such as “yesterday, Tuesday”."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" not in self.fields:  # read-only (the source of an approved record)
            return
        self.fields["title"].required = False
        self.fields["text"].required = False
        self.fields["title"].widget.attrs["dir"] = "auto"
        if self.instance.pk is None and "language" in self.fields:
            # A new article's language is read from its text unless the editor picks one.
            language = self.fields["language"]
            language.required = False
            language.choices = [("", _("Detect from the text")), *Language.choices]
            language.initial = ""

    def clean(self):
        cleaned_data = super().clean()
        text = cleaned_data.get("text") or ""
        upload = cleaned_data.get("upload")
        if "upload" in self.errors:
            return cleaned_data
        if upload and text.strip():
            raise forms.ValidationError(
                _("Paste the text or upload a file, not both."), code="both"
            )
        if upload:
            text = upload.read().decode("utf-8-sig")
        # Browsers send CRLF; evidence spans are offsets, so one newline convention.
        text = text.replace("\r\n", "\n")
        cleaned_data["text"] = text
        if not text.strip():
            self.add_error("text", _("Paste the article's text or upload a .txt file."))
            return cleaned_data
        if not (cleaned_data.get("title") or "").strip():
            first = next(line for line in text.splitlines() if line.strip())
            cleaned_data["title"] = " ".join(first.split())[:500]
        if "language" in self.fields and not cleaned_data.get("language"):
            cleaned_data["language"] = services.article_language(text)
        return cleaned_data


def evidence(text: str, span: tuple[int, int] | None) -> str:
    """The supporting sentence in <mark>, with some context; every piece escaped."""
    if span is None:
        return ""
    start, end = span
    before_start = max(0, start - EXCERPT_CONTEXT)
    after_end = min(len(text), end + EXCERPT_CONTEXT)
    if before_start > 0:  # start on a word
        before_start = text.find(" ", before_start, start) + 1 or before_start
    if after_end < len(text):
        after_end = text.rfind(" ", end, after_end) if text.rfind(" ", end, after_end) > 0 \
            else after_end  # fmt: skip
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "… " if before_start > 0 else "",
        text[before_start:start],
        text[start:end],
        text[end:after_end],
        " …" if after_end < len(text) else "",
    )


def text_marked(text: str, spans: list[tuple[int, int]]) -> str:
    """The whole article, escaped, with the union of every evidence span in <mark>."""
    covered = sorted(spans)
    merged: list[list[int]] = []
    for start, end in covered:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts, at = [], 0
    for start, end in merged:
        parts.append(format_html("{}<mark>{}</mark>", text[at:start], text[start:end]))
        at = end
    parts.append(format_html("{}", text[at:]))
    return format_html("{}" * len(parts), *parts)


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


def _date(value: str | None):
    try:
        return parse_date(value or "")
    except ValueError:
        return None


class ReviewDetails:
    """The facts of each proposal as (label, value) rows, for the review screen."""

    def __init__(self) -> None:
        self.regions = {r.slug: str(r) for r in Region.objects.all()}
        self.sectors = {s.slug: str(s) for s in Sector.objects.all()}

    def place(self, item: dict) -> str:
        """The city and region in the admin's language, as the records will show them."""
        commune = services.commune_resolve(item.get("city"), item.get("region"))
        region = self.regions.get(item.get("region"), "")
        return joined(filter(None, [str(commune) if commune else item.get("city"), region]))

    LABELS = {
        "start_date": _("start date"),
        "end_date": _("end date"),
        "edition": _("edition"),
        "commune": _("city"),
    }

    def label(self, field: str) -> str:
        return str(self.LABELS[field])

    @staticmethod
    def fact(value) -> str:
        if value is None or value == "":
            return "—"
        return day(value) if hasattr(value, "isoformat") else str(value)

    def rows(self, proposal: services.Proposal) -> list[tuple[str, str]]:
        data = proposal.data
        rows: list[tuple[str, object]] = []
        if proposal.kind == "event":
            dates = date_range(_date(data["start_date"]), _date(data["end_date"]))
            roles = [f"{o['name']} ({_label(EventRole, o['role'])})" for o in data["organizations"]]
            rows = [
                (_("kind"), _label(EventKind, data["kind"])),
                (_("edition"), data["edition"]),
                (_("dates"), dates),
                (_("place"), self.place(data)),
                (_("sectors"), joined(self.sectors.get(s, s) for s in data["sectors"])),
                (_("organisations"), semicolons(roles)),
                (_("people"), semicolons(p["name"] for p in data["people"])),
            ]
        elif proposal.kind == "organization":
            rows = [
                (_("kind"), _label(OrganizationKind, data["kind"])),
                (_("acronym"), data.get("acronym")),
                (_("aliases"), semicolons(data.get("aliases") or ())),
                (_("place"), self.place(data)),
            ]
        elif proposal.kind == "person":
            rows = [(_("aliases"), semicolons(data.get("aliases") or ()))]
        elif proposal.kind == "position":
            rows = [(_("title"), data["title"]), (_("organisation"), data.get("organization"))]
        elif proposal.kind == "agreement":
            period = "–".join(str(y) for y in (data["period_start"], data["period_end"]) if y)
            rows = [
                (_("kind"), _label(AgreementKind, data["kind"])),
                (_("signed on"), day(_date(data["signed_on"]))),
                (_("city"), data.get("city")),
                (_("parties"), semicolons(data["parties"])),
                (_("amount"), mad(data["amount_mad"]) if data["amount_mad"] else ""),
                (_("period"), period),
            ]
        return [(label, value) for label, value in rows if value not in (None, "")]


class ReviewStateFilter(admin.SimpleListFilter):
    """Articles whose proposals nobody has accepted yet: those a batch ingestion left for an
    editor (their event may be one the portal has) and those added by hand."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("to-review", _("To review")), ("ingested", _("Ingested"))]

    def queryset(self, request, queryset):
        if self.value() == "to-review":
            return queryset.filter(ingested_at__isnull=True)
        if self.value() == "ingested":
            return queryset.filter(ingested_at__isnull=False)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = ["title", "outlet", "published_on", "language", "created_at", "ingested_at"]
    list_filter = [ReviewStateFilter, "language", "outlet"]
    search_fields = ["title", "outlet", "text"]
    inlines = [MentionInline]
    actions = ["extract_selected"]
    change_form_template = "admin/articles/article/change_form.html"

    def approved_records_quoting(self, article) -> list:
        """The approved records whose "Sources" show this article (its title, outlet, link
        and the quoted text)."""
        by_type: dict[int, list[int]] = {}
        for content_type_id, object_id in article.mentions.values_list(
            "content_type_id", "object_id"
        ):
            by_type.setdefault(content_type_id, []).append(object_id)
        records = []
        for content_type_id, ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            records += [
                r for r in model._default_manager.filter(pk__in=ids) if transitions.is_approved(r)
            ]
        return records

    def has_change_permission(self, request, obj=None):
        """The source of an approved record is part of its public page: only a publisher
        changes it (editors still read it and review its extraction)."""
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or obj.pk is None:
            return True
        return transitions.may_change_approved(request.user, self.approved_records_quoting(obj))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if (
            request.method == "GET"
            and article is not None
            and self.has_view_permission(request, article)
            and not self.has_change_permission(request, article)
        ):
            self.message_user(
                request,
                _("This article is a source of approved records: only a publisher can change it."),
                messages.INFO,
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        # The upload is how an article arrives; afterwards its text is edited in place.
        return fields if obj is None else [f for f in fields if f != "upload"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/extract/",
                self.admin_site.admin_view(self.extract_view),
                name="{}_{}_extract".format(*info),
            ),
            *super().get_urls(),
        ]

    def has_extract_permission(self, request) -> bool:
        return request.user.has_perms(INGEST_PERMISSIONS)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and self.has_extract_permission(request):
            context["extract_url"] = reverse("admin:articles_article_extract", args=[quote(obj.pk)])
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.action(permissions=["extract"], description=_("Extract records from the article"))
    def extract_selected(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, _("Select one article to review its extraction."), messages.WARNING
            )
            return None
        return redirect("admin:articles_article_extract", quote(queryset.get().pk))

    def extract_view(self, request, object_id):
        """The review screen: every proposal with its evidence and existing match; the
        kept ones become drafts on accept."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404(_("This article does not exist."))
        if not (
            self.has_view_or_change_permission(request, article)
            and self.has_extract_permission(request)
        ):
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[quote(article.pk)])
        extraction = services.article_extract(article)
        language = extraction.record["source"]["language"] or article.language
        posted = request.POST if request.method == "POST" else None
        forms_by_key = {p.key: proposal_form(p, language, posted) for p in extraction.proposals}
        if posted is not None:
            keep = set(posted.getlist("keep"))
            kept_forms = [f for key, f in forms_by_key.items() if key in keep]
            if all(form.is_valid() for form in kept_forms):
                for form in kept_forms:
                    form.proposal.data = form.corrected()
                result = services.proposals_ingest(
                    article=article,
                    extraction=extraction,
                    selection=keep,
                    unlink=posted.getlist("unlink"),
                    suggestions=posted.getlist("suggest"),
                    user=request.user,
                )
                self.message_user(request, self.created_links(result), messages.SUCCESS)
                for skipped in result.skipped:
                    self.message_user(request, skipped, messages.INFO)
                return redirect(change_url)
            self.message_user(
                request, _("Please correct the errors below: nothing was created."), messages.ERROR
            )
        details = ReviewDetails()
        sections = []
        titles = {
            "event": _("Events"),
            "organization": _("Organisations"),
            "person": _("People"),
            "position": _("Positions"),
            "agreement": _("Agreements"),
        }
        for kind in ("event", "organization", "person", "position", "agreement"):
            items = [
                {
                    "proposal": proposal,
                    "rows": details.rows(proposal),
                    "evidence": evidence(article.text, proposal.span),
                    "match_url": self.match_url(proposal),
                    "form": forms_by_key[proposal.key],
                    "suggestions": [
                        (
                            s.key,
                            details.label(s.field),
                            details.fact(s.current),
                            details.fact(s.proposed),
                        )
                        for s in proposal.suggestions
                    ],  # fmt: skip
                }
                for proposal in extraction.of_kind(kind)
            ]
            sections.append({"kind": kind, "title": titles[kind], "items": items})
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review the extraction"),
            "subtitle": str(article),
            "opts": self.opts,
            "original": article,
            "article": article,
            "change_url": change_url,
            "sections": sections,
            "empty": not extraction.proposals,
            "language": extraction.record["source"]["language"],
            "article_marked": text_marked(
                article.text, [p.span for p in extraction.proposals if p.span]
            ),
            "draft_label": Status.DRAFT.label,
        }
        return TemplateResponse(request, "admin/articles/article/review.html", context)

    @staticmethod
    def created_links(result: services.IngestResult) -> str:
        """The summary, then a link to each draft created, to open them at once."""
        links = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (
                    reverse(f"admin:{r._meta.app_label}_{r._meta.model_name}_change", args=[r.pk]),
                    str(r),
                )
                for r in result.created
                if isinstance(r, Publishable)
            ),
        )
        return format_html("{} {}", result.summary(), links)

    @staticmethod
    def match_url(proposal: services.Proposal) -> str:
        if proposal.match is None:
            return ""
        app = "organizations"
        model = "organization" if proposal.kind == "organization" else "person"
        try:
            return reverse(f"admin:{app}_{model}_change", args=[proposal.match.pk])
        except NoReverseMatch:
            return ""


@admin.register(Mention)
class MentionAdmin(MentionFieldsMixin, ApprovedRowsAdminMixin, admin.ModelAdmin):
    """Mentions of approved records are read-only for editors; none may be added to one."""

    form = MentionForm
    row_gates = MENTION_GATES
    list_display = ["article", "content_type", "object_id", "quote"]
    list_filter = [("content_type", RecordTypeFilter)]
    list_select_related = ["article", "content_type"]
    search_fields = ["quote", "article__title"]
    autocomplete_fields = ["article"]
