"""Charts drawn on the server as inline SVG: no JavaScript, no external requests."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

FONT = 16
"""Label size in the chart's own units: a chart is drawn at most this size (``max-width``)."""
PHONE = 358
"""The narrowest width a chart is shown at: a 390px phone less the page's margins."""
SMALLEST = 12
"""The size (px) no label may shrink below on that phone (WCAG 1.4.4, Lighthouse)."""
WIDEST = PHONE * FONT // SMALLEST
"""The widest chart (in its units) whose labels stay at ``SMALLEST`` px on a phone: 477."""
BAR = 26
GAP = 6
LABEL_WIDTH = 120
VALUE_WIDTH = 50
COLOUR = "#b71c1c"


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _text_width(name: str) -> int:
    """About how wide ``name`` is at ``FONT``: CJK characters a full em, others 0.6 em."""
    return round(sum(FONT if ord(c) > 0x2E80 else FONT * 0.6 for c in name))


def _label_width(items: Sequence[tuple[str, float]]) -> int:
    """Room for the longest label."""
    longest = max((_text_width(name) for name, _ in items), default=0)
    return max(LABEL_WIDTH, longest + 12)


def bar_chart(items: Sequence[tuple[str, float]], title: str) -> Markup:
    """Horizontal bars, one per ``(label, value)``, scaled to the largest value.

    The SVG scales to its container (``viewBox``) so it reads on a phone, and carries
    ``title`` for screen readers. It is at most ``WIDEST`` wide (the bars give way to the
    labels), so that on a phone its labels stay at least ``SMALLEST`` px high.
    """
    top = max((value for _, value in items), default=0) or 1
    height = max(len(items), 1) * (BAR + GAP) + GAP
    label_width = _label_width(items)
    bar_width = max(WIDEST - label_width - VALUE_WIDTH, 100)
    width = label_width + bar_width + VALUE_WIDTH
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
             f'viewBox="0 0 {width} {height}" width="100%" '
             f'style="max-width:{width}px" aria-label="{escape(title)}">'
             f"<title>{escape(title)}</title>"]
    for row, (name, value) in enumerate(items):
        y = GAP + row * (BAR + GAP)
        length = max(round(bar_width * value / top), 1 if value else 0)
        middle = y + BAR / 2 + FONT * 0.35
        parts.append(
            f'<text x="{label_width - 6}" y="{middle}" text-anchor="end" font-size="{FONT}">'
            f"{escape(name)}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{BAR}" '
            f'fill="{COLOUR}"><title>{escape(name)}: {_number(value)}</title></rect>'
            f'<text x="{label_width + length + 6}" y="{middle}" font-size="{FONT}">'
            f"{_number(value)}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def column_chart(items: Sequence[tuple[str, float]], title: str) -> Markup:
    """Vertical columns in order (e.g. cases opened per month), labels below every few.

    At most ``WIDEST`` wide, like :func:`bar_chart`; a label is drawn under every column
    that leaves room for it, so labels never overlap.
    """
    count = max(len(items), 1)
    room = max((_text_width(name) for name, _ in items), default=0) + 8
    step = max(min(40, (WIDEST - 20 - room) // count), 4)
    height, base = 200, 170
    width = count * step + 20 + room
    top = max((value for _, value in items), default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
             f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" '
             f'aria-label="{escape(title)}">'
             f"<title>{escape(title)}</title>"
             f'<line x1="10" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#999"/>']
    label_every = max(1, -(-room // step))
    for index, (name, value) in enumerate(items):
        x = 10 + index * step
        tall = round((base - 20) * value / top)
        parts.append(f'<rect x="{x + 1}" y="{base - tall}" width="{step - 2}" height="{tall}" '
                     f'fill="{COLOUR}"><title>{escape(name)}: {_number(value)}</title></rect>')
        if index % label_every == 0:
            parts.append(f'<text x="{x}" y="{base + 6 + FONT}" font-size="{FONT}">'
                         f'{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
