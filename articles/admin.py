from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from .models import Article, Mention


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["content_type", "object_id", "start", "end", "quote"]


class RecordMentionInline(GenericTabularInline):
    """Shown on public records: where each fact comes from."""

    model = Mention
    extra = 0
    fields = ["article", "start", "end", "quote"]
    autocomplete_fields = ["article"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_on", "language", "created_at"]
    list_filter = ["language", "outlet"]
    search_fields = ["title", "outlet", "text"]
    inlines = [MentionInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["article", "content_type", "object_id", "quote"]
    list_filter = ["content_type"]
    list_select_related = ["article", "content_type"]
    search_fields = ["quote", "article__title"]
    autocomplete_fields = ["article"]
