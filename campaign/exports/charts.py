"""Server-rendered SVG charts for the organisers' dashboard.

No JavaScript and nothing fetched from elsewhere: each chart is an <svg> element
written into the page, styled with SVG presentation attributes only (the site's
Content Security Policy allows no inline style). Each has a <title> and a <desc>
named by aria-labelledby, so a screen reader announces what it shows; the page
puts the same figures in a table beside it for anyone who needs the numbers.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from markupsafe import Markup, escape

from letters.dates import long_date, short_date

INK = "#1b1b1b"
MUTED = "#505a5f"
BAR = "#1d4f91"  # the site's accent: 8.6:1 against white
GRID = "#b1b4b6"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

WIDTH = 720
MAX_BAR_WIDTH = 40


def nice_ceiling(value: int) -> int:
    """The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten)
    at or above `value`, so the axis reads 0 / 1,500 / 3,000 rather than 0 / 1,370 /
    2,740, without leaving most of the chart empty."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= value and (step * power) == int(step * power):
            return int(step * power)
    return 10 * power  # pragma: no cover - the loop always returns


def _plural(n: int) -> str:
    return f"{n:,} {'letter' if n == 1 else 'letters'}"


def _open_svg(chart_id: str, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" focusable="false" class="chart" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="{FONT}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def fill_days(rows: Sequence[dict]) -> list[tuple[date, int]]:
    """Every day from the first to the last in `rows` ({"day", "letters"}), with 0 for
    days without letters, so the chart's gaps show as gaps."""
    if not rows:
        return []
    known = {date.fromisoformat(row["day"]): row["letters"] for row in rows}
    first, last = min(known), max(known)
    return [(first + timedelta(days=n), known.get(first + timedelta(days=n), 0))
            for n in range((last - first).days + 1)]


def letters_per_day(days: Sequence[tuple[date, int]], chart_id: str = "chart-days") -> Markup:
    """A bar chart of letters per day, oldest on the left."""
    height, left, right, top, bottom = 260, 56, 12, 16, 40
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    total = sum(n for _, n in days)
    if days:
        busiest_day, busiest = max(days, key=lambda item: (item[1], -item[0].toordinal()))
        desc = (f"{_plural(total)} from {long_date(days[0][0])} to {long_date(days[-1][0])}; "
                f"the most on {long_date(busiest_day)}, with {_plural(busiest)}.")
    else:
        busiest = 0
        desc = "No letters yet."
    scale = nice_ceiling(busiest)
    parts = _open_svg(chart_id, height, "Letters per day", desc)
    # Gridlines and labels at 0, half and the top of the scale.
    for value in sorted({0, scale // 2, scale} if scale > 1 else {0, scale}):
        y = top + plot_h - plot_h * value / scale
        parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="{GRID if value else MUTED}" stroke-width="1"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="{INK}">{value:,}</text>')
    if days:
        slot = plot_w / len(days)
        gap = slot * 0.15 if slot >= 4 else 0
        # A week's chart would otherwise draw a few slabs; bars stay bar-shaped.
        bar_w = min(max(slot - gap, 0.5), MAX_BAR_WIDTH)
        for index, (day, letters) in enumerate(days):
            if not letters:
                continue
            bar_h = plot_h * letters / scale
            x = left + index * slot + (slot - bar_w) / 2
            parts.append(
                f'<rect x="{x:.2f}" y="{top + plot_h - bar_h:.2f}" width="{bar_w:.2f}" '
                f'height="{bar_h:.2f}" fill="{BAR}"><title>{day:%a} {short_date(day)}: '
                f'{_plural(letters)}</title></rect>')
        baseline = top + plot_h + 18
        if len(days) == 1:  # one bar, mid-chart: its date goes under it
            parts.append(f'<text x="{left + slot / 2:.2f}" y="{baseline}" text-anchor="middle" '
                         f'font-size="12" fill="{INK}">{short_date(days[0][0])}</text>')
        else:
            parts.append(f'<text x="{left}" y="{baseline}" font-size="12" fill="{INK}">'
                         f'{short_date(days[0][0])}</text>')
        if len(days) > 1:
            parts.append(f'<text x="{WIDTH - right}" y="{baseline}" text-anchor="end" '
                         f'font-size="12" fill="{INK}">{short_date(days[-1][0])}</text>')
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _shorten(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def top_constituencies(rows: Sequence[dict], limit: int = 10,
                       chart_id: str = "chart-seats") -> Markup:
    """Horizontal bars for the `limit` constituencies with most letters (rows as from
    counts.by_constituency, already most first)."""
    shown = list(rows[:limit])
    row_h, top, label_w, right = 30, 8, 290, 70
    height = top * 2 + row_h * max(len(shown), 1)
    if shown:
        desc = "; ".join(f"{row['constituency_name']}: {_plural(row['letters'])}" for row in shown)
        title = f"The {len(shown)} constituencies with most letters" if len(shown) > 1 else \
            "The constituency with most letters"
    else:
        title, desc = "Constituencies with most letters", "No letters yet."
    parts = _open_svg(chart_id, height, title, desc)
    scale = max((row["letters"] for row in shown), default=1)
    bar_space = WIDTH - label_w - right
    for index, row in enumerate(shown):
        y = top + index * row_h
        width = max(bar_space * row["letters"] / scale, 1)
        name = row["constituency_name"]
        parts.append(f'<text x="0" y="{y + 19}" font-size="14" fill="{INK}">'
                     f'{escape(_shorten(name))}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 5}" width="{width:.2f}" height="{row_h - 10}" '
                     f'fill="{BAR}"><title>{escape(name)}: {_plural(row["letters"])}</title></rect>')
        parts.append(f'<text x="{label_w + width + 6:.2f}" y="{y + 19}" font-size="14" '
                     f'fill="{INK}">{row["letters"]:,}</text>')
    parts.append("</svg>")
    return Markup("\n".join(parts))
