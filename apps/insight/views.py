"""The staff dashboard and its exports (every table to CSV and Excel)."""

import hashlib
from datetime import datetime, timedelta
from typing import cast

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

from apps.contacts.models import Professional
from apps.core.access import staff_required
from apps.core.fields import DateInput
from apps.core.spreadsheets import csv_stream, xlsx_bytes

from . import charts, metrics

PRESETS = {"30": 30, "90": 90, "365": 365}
DEFAULT_PRESET = "90"
PERIOD_CHOICES = [
    ("30", "Last 30 days"),
    ("90", "Last 90 days (a term)"),
    ("365", "Last 12 months"),
    ("custom", "Dates below"),
]


class PeriodForm(forms.Form):
    days = forms.ChoiceField(
        label="Period",
        required=False,
        # The period shown when nothing is chosen; the select starts on it so its label is
        # the figures' real period (it used to read "Last 30 days" over 90 days of figures).
        initial=DEFAULT_PRESET,
        choices=PERIOD_CHOICES,
    )
    start = forms.DateField(label="From", required=False, widget=DateInput())
    end = forms.DateField(label="To", required=False, widget=DateInput())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("days") == "custom":
            start, end = cleaned.get("start"), cleaned.get("end")
            if not start or not end:
                raise forms.ValidationError("Give both dates for a custom period.")
            if end < start:
                raise forms.ValidationError("The end date is before the start date.")
            if end - start > timedelta(days=3 * 366):
                raise forms.ValidationError("Choose at most three years.")
        return cleaned

    def _choice(self) -> str:
        """The choice the figures really follow: the one asked for when the form is valid,
        otherwise the default (a refused custom period shows the default's figures)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return data.get("days") or DEFAULT_PRESET

    def period(self) -> metrics.Period:
        choice = self._choice()
        if choice == "custom":
            return metrics.Period(start=self.cleaned_data["start"], end=self.cleaned_data["end"])
        return metrics.Period.last_days(PRESETS[choice])

    def period_label(self) -> str:
        """What the figures cover, in words, from the same choice ``period`` follows."""
        choice = self._choice()
        if choice == "custom":
            period = self.period()
            return f"{date_format(period.start, 'j M Y')} to {date_format(period.end, 'j M Y')}"
        return dict(PERIOD_CHOICES)[choice]


def tables(period: metrics.Period, requests: metrics.Requests | None = None) -> dict:
    """Every table on the dashboard: name -> (title, header, rows). ``requests`` is the
    period's requests pass, when the caller has it already."""
    if requests is None:
        requests = metrics.requests_in(period)
    funnel = metrics.funnel(period)
    industry, occupation = metrics.demand_supply_both(period)
    never_count, never = metrics.never_asked()
    consent_count, consent = metrics.consent_due()
    stalled = metrics.stalled()
    return {
        "funnel": (
            "Funnel",
            ["Step", "Students", "Fewer than the step before"],
            [[s.label, s.students, s.drop] for s in funnel],
        ),
        "demand_industry": (
            "Demand and supply by industry",
            ["Industry", "Requests", "Professionals available"],
            [[r.name, r.requests, r.available] for r in industry],
        ),
        "demand_occupation": (
            "Demand and supply by occupation",
            ["Occupation", "Requests", "Professionals available"],
            [[r.name, r.requests, r.available] for r in occupation],
        ),
        "weekly": (
            "Requests per week",
            ["Week starting", "Requests"],
            [[week.isoformat(), n] for week, n in requests.weeks],
        ),
        "load": (
            "Most asked this month",
            ["Professional", "Requests this month", "Capacity"],
            [[r.name, r.requests, r.capacity] for r in metrics.load_this_month()],
        ),
        "never_asked": (
            f"Never asked ({never_count})",
            ["Professional", "Industry", "In the binder since"],
            [
                [
                    p.full_name,
                    p.industry.name if p.industry else "",
                    p.created_at.date().isoformat(),
                ]
                for p in never
            ],
        ),
        "consent_due": (
            f"Consent due for renewal ({consent_count})",
            ["Professional", "Consent given"],
            [
                [p.full_name, p.consent_at.date().isoformat() if p.consent_at else "never"]
                for p in consent
            ],
        ),
        "unanswered": (
            f"Requests unanswered past the follow-up window ({stalled.unanswered_count})",
            ["Student", "Professional", "Asked"],
            [
                # Each was asked before the window began, so each has its time.
                [
                    i.student.full_name,
                    i.counterpart.full_name,
                    cast(datetime, i.requested_at).date().isoformat(),
                ]
                for i in stalled.unanswered
            ],
        ),
        "no_thank_you": (
            f"Held with no thank-you yet ({stalled.no_thank_you_count})",
            ["Student", "Professional", "Recorded"],
            [
                [
                    i.student.full_name,
                    i.counterpart.full_name,
                    i.recorded_at.date().isoformat() if i.recorded_at else "",
                ]
                for i in stalled.no_thank_you
            ],
        ),
        "by_source": (
            "Conversations by source",
            ["Source", "Begun", "Booked", "Held"],
            [[r.label, r.begun, r.booked, r.held] for r in metrics.by_source(period)],
        ),
        "by_channel": (
            "Approaches by channel",
            ["Channel", "Approaches"],
            [list(row) for row in metrics.by_channel(period, requests.responses.asked)],
        ),
        "never_started": (
            f"Registered, never requested ({stalled.never_started_count})",
            ["Student", "E-mail", "Joined"],
            [
                [u.full_name, u.email, u.date_joined.date().isoformat()]
                for u in stalled.never_started
            ],
        ),
    }


def figures(period: metrics.Period, query: str) -> dict:
    """Everything the dashboard shows for a period: its figures, tables and charts."""
    requests = metrics.requests_in(period)
    data = tables(period, requests)
    funnel_rows = data["funnel"][2]
    industry_rows = data["demand_industry"][2][:12]
    weekly_rows = data["weekly"][2]
    return {
        "period": period,
        "tables": data,
        "responses": requests.responses,
        "at_capacity": metrics.at_capacity_count(),
        "referrals": metrics.referrals_in(period),
        "funnel_chart": (
            charts.bar_chart(
                chart_id="funnel",
                title="Funnel: students at each step",
                description="How many students reached each step, from research to keeping in touch.",
                labels=[r[0] for r in funnel_rows],
                series=[("Students", [r[1] for r in funnel_rows])],
            ).svg
        ),
        "weekly_chart": (
            charts.bar_chart(
                chart_id="weekly",
                title="Requests per week",
                description="Number of interview requests sent each week of the period.",
                labels=[r[0] for r in weekly_rows],
                series=[("Requests", [r[1] for r in weekly_rows])],
            ).svg
        )
        if weekly_rows
        else "",
        "demand_chart": (
            charts.bar_chart(
                chart_id="demand",
                title="Demand and supply by industry",
                description="Requests made in the period beside active professionals, for the busiest industries.",
                labels=[r[0] for r in industry_rows],
                series=[
                    ("Requests", [r[1] for r in industry_rows]),
                    ("Professionals available", [r[2] for r in industry_rows]),
                ],
            ).svg
        )
        if industry_rows
        else "",
        "query": query,
    }


def figures_html(period: metrics.Period, query: str, *, fresh: bool) -> tuple[str, datetime]:
    """The figures, rendered, and when they were worked out.

    They are aggregates over every interview in the period: hundreds of milliseconds on a large
    binder, and the same for every member of staff. So each server process keeps the rendered
    figures for ``INSIGHT_CACHE_SECONDS`` per period; "Work them out again" skips the copy.
    """
    key = "insight:" + hashlib.sha256(f"{period.start}|{period.end}|{query}".encode()).hexdigest()
    seconds = settings.INSIGHT_CACHE_SECONDS
    if seconds and not fresh:
        kept = cache.get(key)
        if kept is not None:
            return kept
    kept = (
        render_to_string("insight/_figures.html", figures(period, query)),
        timezone.now(),
    )
    if seconds:
        cache.set(key, kept, seconds)
    return kept


@staff_required
def dashboard(request):
    form = PeriodForm(request.GET or None)
    period = form.period()
    query = request.GET.copy()
    fresh = query.pop("fresh", None) is not None
    query = query.urlencode()
    html, worked_out_at = figures_html(period, query, fresh=fresh)
    context = {
        "form": form,
        "period": period,
        "period_label": form.period_label(),
        "figures": mark_safe(html),
        "worked_out_at": worked_out_at,
        "cache_minutes": settings.INSIGHT_CACHE_SECONDS // 60,
        "query": query,
    }
    return render(request, "insight/dashboard.html", context)


@staff_required
def export(request, table, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    form = PeriodForm(request.GET or None)
    data = tables(form.period())
    if table not in data:
        raise Http404
    title, header, rows = data[table]
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_stream(header, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(
            xlsx_bytes(header, rows, sheet_title=title[:31]),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{table}-{stamp}.{fmt}"'
    return response


@staff_required
def referral_tree(request, pk):
    professional = get_object_or_404(Professional, pk=pk)
    return render(
        request, "insight/referral_tree.html", {"tree": metrics.referral_tree(professional)}
    )
