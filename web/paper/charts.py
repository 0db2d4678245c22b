"""Charts drawn on the server as inline SVG: no JavaScript, no external requests."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

BAR = 22
GAP = 6
LABEL_WIDTH = 170
BAR_WIDTH = 300
COLOUR = "#b71c1c"


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _label_width(items: Sequence[tuple[str, float]]) -> int:
    """Room for the longest label at 13px (CJK characters about 13px wide, others about 8)."""
    longest = max((sum(13 if ord(c) > 0x2E80 else 8 for c in name) for name, _ in items),
                  default=0)
    return max(LABEL_WIDTH, longest + 12)


def bar_chart(items: Sequence[tuple[str, float]], title: str) -> Markup:
    """Horizontal bars, one per ``(label, value)``, scaled to the largest value.

    The SVG scales to its container (``viewBox``) so it reads on a phone, and carries
    ``title`` for screen readers.
    """
    top = max((value for _, value in items), default=0) or 1
    height = max(len(items), 1) * (BAR + GAP) + GAP
    label_width = _label_width(items)
    width = label_width + BAR_WIDTH + 60
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
             f'viewBox="0 0 {width} {height}" width="100%" '
             f'style="max-width:{width}px" aria-label="{escape(title)}">'
             f"<title>{escape(title)}</title>"]
    for row, (name, value) in enumerate(items):
        y = GAP + row * (BAR + GAP)
        length = max(round(BAR_WIDTH * value / top), 1 if value else 0)
        middle = y + BAR / 2 + 5
        parts.append(
            f'<text x="{label_width - 6}" y="{middle}" text-anchor="end" font-size="13">'
            f"{escape(name)}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{BAR}" '
            f'fill="{COLOUR}"><title>{escape(name)}: {_number(value)}</title></rect>'
            f'<text x="{label_width + length + 6}" y="{middle}" font-size="13">'
            f"{_number(value)}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def column_chart(items: Sequence[tuple[str, float]], title: str) -> Markup:
    """Vertical columns in order (e.g. cases opened per month), labels below each."""
    count = max(len(items), 1)
    step = max(min(40, 640 // count), 8)
    height, base = 200, 170
    width = count * step + 20
    top = max((value for _, value in items), default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
             f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" '
             f'aria-label="{escape(title)}">'
             f"<title>{escape(title)}</title>"
             f'<line x1="10" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#999"/>']
    label_every = max(1, count // 12)
    for index, (name, value) in enumerate(items):
        x = 10 + index * step
        tall = round((base - 20) * value / top)
        parts.append(f'<rect x="{x + 1}" y="{base - tall}" width="{step - 2}" height="{tall}" '
                     f'fill="{COLOUR}"><title>{escape(name)}: {_number(value)}</title></rect>')
        if index % label_every == 0:
            parts.append(f'<text x="{x}" y="{base + 16}" font-size="10">{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
