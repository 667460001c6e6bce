"""A readable text report of an :class:`~counterclaim.model.Analysis` (``counterclaim analyze --format text``).

Sections, each omitted when empty:

- **Statements by speaker** — who said what: speech act, kind, the quoted or reported content
  and the cue, grouped by resolved speaker (else by the source as written), in text order;
- **Disputes** — the positions of a dispute side by side, one column per position;
- **Timeline** — events by date (undated ones last), with agents, targets, place and mode;
- **Actors** — name, type, country, affiliation and number of mentions.

The report is built with ``click.style``; ``click.echo`` removes the colours when the output is
not a terminal (or when the ``color`` setting is ``never``), so piped output is plain text.
"""

from __future__ import annotations

import shutil
import textwrap
from itertools import zip_longest
from typing import Optional

import click

from counterclaim.model import Analysis, Statement

__all__ = ["render_text", "render_error", "ACT_COLORS", "MAX_WIDTH"]

#: Widest report line, even on a wide terminal.
MAX_WIDTH = 100
#: Colour of each speech act in the report.
ACT_COLORS = {
    "denial": "red", "accusation": "red", "condemnation": "red", "threat": "magenta", "vow": "magenta",
    "demand": "yellow", "admission": "cyan", "confirmation": "cyan", "no_comment": "bright_black",
}
#: Positions shown side by side at most; more are stacked.
MAX_COLUMNS = 3


def _width(width: Optional[int]) -> int:
    return width or min(MAX_WIDTH, shutil.get_terminal_size((MAX_WIDTH, 24)).columns)


def _heading(title: str) -> str:
    return click.style(title, bold=True, underline=True)


def _content(s: Statement) -> str:
    return " … ".join(span.text for span in s.content)


def _quoted(text: str) -> str:
    """``text`` in quotation marks, unless it is a direct quote that already has its own."""
    if text[:1] in "“\"" and text.rstrip(" ,.")[-1:] in "”\"":
        return text
    return f"“{text}”"


def _speaker_name(analysis: Analysis, s: Statement) -> str:
    if s.speaker is not None:
        return s.speaker.name
    if s.source is not None:
        return s.source.text
    return "(no source)"


def _statements(analysis: Analysis, width: int) -> list[str]:
    groups: dict[str, list[Statement]] = {}
    for s in sorted(analysis.statements, key=lambda s: s.cue.start):
        groups.setdefault(_speaker_name(analysis, s), []).append(s)
    lines = [_heading(f"Statements ({len(analysis.statements)})")]
    for name, statements in groups.items():
        first = statements[0]
        header = click.style(name, bold=True)
        if first.speaker is not None and first.speaker.chain[1:]:
            header += click.style("  (" + " › ".join(first.speaker.chain[1:]) + ")", dim=True)
        elif first.source is not None and first.source.text != name:
            header += click.style(f"  (as “{first.source.text}”)", dim=True)
        lines.append(header)
        for s in statements:
            act = click.style(f"{s.act:<12}", fg=ACT_COLORS.get(s.act), bold=s.act in ACT_COLORS)
            role = analysis.document.role_at(s.cue.start)
            tag = f"{s.kind}" + (f", in {role}" if role not in ("body",) else "")
            reporter = analysis.statement(s.nested_in) if s.nested_in else None
            if reporter is not None:
                tag += f"; as reported by {_speaker_name(analysis, reporter)}"
            quote = (_quoted(_content(s)) if s.content else "(no content)") + f" — {s.cue.text}" + (" (negated)" if s.negated else "")
            body = textwrap.wrap(quote, max(30, width - 18)) or [""]
            lines.append(f"  {act} {body[0]}")
            lines.extend(f"  {'':12} {more}" for more in body[1:])
            lines.append(click.style(f"  {'':12} [{tag}; conf {s.confidence:.2f}]", dim=True))
    return lines


def _disputes(analysis: Analysis, width: int) -> list[str]:
    actor_name = {a.id: a.name for a in analysis.actors}
    lines = [_heading(f"Disputes ({len(analysis.disputes)})")]
    for d in analysis.disputes:
        lines.append(click.style(d.topic, bold=True))
        positions = list(d.positions)
        for start in range(0, len(positions), MAX_COLUMNS):
            chunk = positions[start:start + MAX_COLUMNS]
            col = max(20, (width - 2 - 3 * (len(chunk) - 1)) // len(chunk))
            columns = []
            for p in chunk:
                who = ", ".join(actor_name.get(a, a) for a in p.actors) or "(unknown)"
                cells = textwrap.wrap(f"{who}: {p.stance}", col)
                for sid in p.statements:
                    st = analysis.statement(sid)
                    if st is not None:
                        marker = "!" if sid in d.explicit else "-"
                        cells += textwrap.wrap(f"{marker} {_quoted(_content(st))}", col, subsequent_indent="  ")
                columns.append(cells)
            for row in zip_longest(*columns, fillvalue=""):
                lines.append("  " + " | ".join(cell.ljust(col) for cell in row).rstrip())
            lines.append("")
        if d.explicit:
            lines.append(click.style("  ! = rebuts another position outright", dim=True))
    return lines


def _timeline(analysis: Analysis, width: int) -> list[str]:
    actor_name = {a.id: a.name for a in analysis.actors}
    speakers = {s.id: _speaker_name(analysis, s) for s in analysis.statements}
    events = sorted(analysis.events, key=lambda e: (e.time is None, e.time.value if e.time else "", e.trigger.start))
    lines = [_heading(f"Timeline ({len(events)} events)")]
    for e in events:
        when = e.time.value if e.time else "(undated)"
        who = ", ".join(actor_name.get(a, a) for a in e.agents) or "?"
        whom = ", ".join(actor_name.get(a, a) for a in e.targets)
        text = f"{e.type}: “{e.trigger.text}” {who}" + (f" → {whom}" if whom else "")
        if e.location is not None:
            text += f" in {e.location.name}"
        if e.mode != "asserted":
            text += f" [{e.mode}]"
        if e.claimed_by:
            text += " — per " + ", ".join(dict.fromkeys(speakers.get(s, s) for s in e.claimed_by))
        wrapped = textwrap.wrap(text, max(30, width - 14)) or [""]
        lines.append(f"  {click.style(f'{when:<11}', fg='cyan')} {wrapped[0]}")
        lines.extend(f"  {'':11} {w}" for w in wrapped[1:])
    if analysis.timexes:
        dates = "; ".join(f"{t.text} = {t.value}" for t in analysis.timexes)
        lines.extend(click.style(x, dim=True) for x in textwrap.wrap("Dates mentioned: " + dates, width - 2, initial_indent="  ", subsequent_indent="    "))
    return lines


def _actors(analysis: Analysis, width: int) -> list[str]:
    names = {a.id: a.name for a in analysis.actors}
    lines = [_heading(f"Actors ({len(analysis.actors)})")]
    for a in sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name)):
        info = ", ".join(x for x in (a.type, a.country or "", a.role or "") if x)
        text = f"{click.style(a.name, bold=True)} ({info})"
        if a.affiliation:
            text += f" ← {names.get(a.affiliation, a.affiliation)}"
        text += click.style(f"  {len(a.mentions)} mention{'s' if len(a.mentions) != 1 else ''}", dim=True)
        lines.append("  " + text)
    return lines


def render_text(analysis: Analysis, *, width: Optional[int] = None) -> str:
    """The report as a string with click styles (``click.echo`` strips them when not on a terminal)."""
    width = _width(width)
    doc = analysis.document
    title = doc.title or "(untitled)"
    lines = [click.style(title, bold=True)]
    meta = [f"id {doc.id}"] + ([f"published {doc.published}"] if doc.published else []) + [f"{len(doc.text.split())} words"]
    lines.append(click.style(" · ".join(meta), dim=True))
    sections = []
    if analysis.statements:
        sections.append(_statements(analysis, width))
    if analysis.disputes:
        sections.append(_disputes(analysis, width))
    if analysis.events or analysis.timexes:
        sections.append(_timeline(analysis, width))
    if analysis.actors:
        sections.append(_actors(analysis, width))
    if not sections:
        sections.append(["No statements, events or actors found."])
    for section in sections:
        lines.append("")
        lines.extend(section)
    return "\n".join(lines).rstrip() + "\n"


def render_error(doc_id: str, error: str) -> str:
    """One line for a document that could not be analysed."""
    return click.style("✗ ", fg="red", bold=True) + click.style(doc_id or "(no id)", bold=True) + f": {error}\n"
