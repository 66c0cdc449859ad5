"""Admin pages for the reference data of reporting (forms, versions, schedules). New form versions are made
with services.form_new_version so earlier submissions stay valid; the admin is for inspection and fixes."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lantoa.reports.models import FormVersion, Indicator, ReportForm, ReportRequest, ReportSchedule


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ("order", "code", "name", "value_type", "aggregation", "numerator", "denominator", "unit_of_measure",
              "evidence_key", "target_id")


@admin.register(ReportForm)
class ReportFormAdmin(SimpleHistoryAdmin):
    list_display = ("title", "code", "issuer")
    search_fields = ("title", "code")


@admin.register(FormVersion)
class FormVersionAdmin(SimpleHistoryAdmin):
    list_display = ("form", "number", "created_at", "note")
    inlines = [IndicatorInline]


@admin.register(ReportSchedule)
class ReportScheduleAdmin(SimpleHistoryAdmin):
    list_display = ("title", "form", "issuer", "frequency", "target_level", "is_active")
    list_filter = ("frequency", "is_active")


@admin.register(ReportRequest)
class ReportRequestAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "frequency", "period_start", "deadline", "is_open", "issuer")
    list_filter = ("kind", "frequency", "is_open")
    search_fields = ("title",)
    readonly_fields = ("form_version", "target_area", "schedule")
