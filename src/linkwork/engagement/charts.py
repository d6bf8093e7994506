"""Static SVG bar charts of closed-question results (no JavaScript, fine in the PDF)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from linkwork.engagement.selectors import CrossTable


def bar_chart_svg(table: CrossTable, width: int = 560) -> SafeString:
    """Horizontal bars of the overall percentages; suppressed values are drawn as none."""
    rows = [(o, table.cells[("All", o)]) for o in table.options]
    bar_h, gap, label_w = 22, 8, 200
    height = len(rows) * (bar_h + gap) + gap
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="app-chart" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-label="bar chart">'
    ]
    for i, (option, cell) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        pct = cell.percent or 0.0
        w = (width - label_w - 60) * pct / 100
        shown = f"{pct:.0f}%" if cell.percent is not None else "*"
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{escape(option[:30])}</text>')
        parts.append(
            f'<rect class="app-bar" fill="#0065bd" x="{label_w}" y="{y}" '
            f'width="{w:.1f}" height="{bar_h}"/>'
        )
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" font-size="13">{shown}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text is escaped above
