"""Server-side SVG charts: no JavaScript and nothing from a CDN, so they pass the CSP and work offline."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def bar_chart(points: list[dict[str, Any]], title: str = "", width: int = 360, height: int = 170) -> SafeString:
    """A bar per point ({"label", "value", "link"}); each bar links to the reports behind it."""
    values = [float(p["value"]) for p in points if p.get("value") is not None]
    top = max(values, default=0) or 1.0
    left, bottom, inner_h = 8, 28, height - 48
    step = (width - left * 2) / max(len(points), 1)
    bars = []
    for n, point in enumerate(points):
        value = point.get("value")
        h = 0.0 if value is None else float(value) / top * inner_h
        x = left + n * step
        y = height - bottom - h
        shown = "—" if value is None else _short(value)
        bars.append(format_html(
            '<a href="{}"><title>{}: {}</title><rect class="bar" x="{}" y="{}" width="{}" height="{}"/>'
            '<text x="{}" y="{}" text-anchor="middle">{}</text></a>'
            '<text x="{}" y="{}" text-anchor="middle">{}</text>',
            point.get("link", "#"), point["label"], shown, _f(x + step * 0.15), _f(y), _f(step * 0.7), _f(h),
            _f(x + step / 2), _f(max(y - 3, 10)), shown if len(points) <= 12 else "",
            _f(x + step / 2), height - bottom + 14, point["label"][:2] if len(points) > 6 else point["label"],
        ))
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}"><line class="axis" x1="{}" y1="{}" '
        'x2="{}" y2="{}"/>{}</svg>',
        width, height, title, left, height - bottom, width - left, height - bottom,
        format_html_join("", "{}", ((b,) for b in bars)) if bars else mark_safe(""),
    )


def _f(value: float) -> str:
    # format_html escapes its arguments into strings, so numbers are formatted before they go in.
    return f"{value:.1f}"


def _short(value: Decimal | float) -> str:
    number = float(value)
    if number >= 1_000_000:
        return f"{number / 1_000_000:.1f}tr".replace(".", ",")
    if number >= 10_000:
        return f"{number / 1000:.0f}k"
    if number == int(number):
        return f"{int(number):,}".replace(",", ".")
    return f"{number:.1f}".replace(".", ",")


@register.filter
def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


@register.filter
def num(value: Decimal | float | None) -> str:
    """Vietnamese number display: 1.234,5."""
    if value is None:
        return "—"
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return f"{int(number):,}".replace(",", ".")
    whole, _, frac = f"{number.quantize(Decimal('0.01')):f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac.rstrip("0")


@register.filter
def get(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key) if mapping else None
