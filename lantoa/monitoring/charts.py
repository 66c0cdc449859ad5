"""Server-side SVG charts: no JavaScript, no CDN, readable without colour (values are printed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe

COLOURS = {"pos": "#2e7d32", "neu": "#607d8b", "neg": "#c62828", "bar": "#1565c0"}


def bar_chart(rows: Sequence[tuple[str, float]], *, title: str, unit: str = "", width: int = 560,
              colours: Sequence[str] | None = None) -> SafeString:
    if not rows:
        return mark_safe("")
    bar_h, gap, label_w = 20, 6, 200
    height = len(rows) * (bar_h + gap) + 10
    top = max(v for _, v in rows) or 1
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, (label, value) in enumerate(rows):
        y = 5 + i * (bar_h + gap)
        w = max(1, int((width - label_w - 70) * value / top)) if value else 0
        colour = colours[i % len(colours)] if colours else COLOURS["bar"]
        text = f"{value:.1f}{unit}" if isinstance(value, float) and unit == "%" else f"{int(value)}{unit}"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12">{escape(str(label)[:32])}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{colour}"/>'
            f'<text x="{label_w + w + 4}" y="{y + 14}" font-size="12">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every interpolated label went through escape()


def line_chart(series: Sequence[tuple[str, str, Sequence[tuple[date, int]]]], *, title: str,
               width: int = 640, height: int = 200) -> SafeString:
    """series: (label, colour, [(day, count)]) sharing the same days."""
    if not series or not series[0][2]:
        return mark_safe("")
    days = [d for d, _ in series[0][2]]
    top = max((v for _, _, points in series for _, v in points), default=0) or 1
    left, bottom, right = 36, 24, 10
    plot_w, plot_h = width - left - right, height - bottom - 10
    step = plot_w / max(1, len(days) - 1)
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<line x1="{left}" y1="{10 + plot_h}" x2="{left + plot_w}" y2="{10 + plot_h}" stroke="#999"/>',
             f'<text x="{left - 4}" y="16" text-anchor="end" font-size="11">{top}</text>',
             f'<text x="{left - 4}" y="{10 + plot_h}" text-anchor="end" font-size="11">0</text>']
    for index in sorted({0, len(days) // 2, len(days) - 1}):
        parts.append(f'<text x="{left + index * step:.0f}" y="{height - 6}" text-anchor="middle" font-size="11">'
                     f'{days[index].strftime("%d/%m")}</text>')
    for label, colour, points in series:
        coords = " ".join(f"{left + i * step:.1f},{10 + plot_h - plot_h * v / top:.1f}" for i, (_, v) in
                          enumerate(points))
        parts.append(f'<polyline fill="none" stroke="{escape(colour)}" stroke-width="2" points="{coords}">'
                     f'<title>{escape(label)}</title></polyline>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
