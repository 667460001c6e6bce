"""Plain-text views of stored records for the terminal (``counterclaim statements`` / ``show``)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from counterclaim.model import Analysis, Statement
from counterclaim.store import StatementHit
from counterclaim.store.rows import CONTENT_JOINER

__all__ = ["format_hits", "format_analysis", "statement_line"]

WIDTH = 100


def _content(s: Statement) -> str:
    return CONTENT_JOINER.join(c.text for c in s.content)


def statement_line(s: Statement) -> str:
    """``Speaker [act, kind]: “content”`` on one logical line."""
    who = s.speaker.name if s.speaker else (s.source.text if s.source else "(unattributed)")
    neg = ", negated" if s.negated else ""
    return f"{who} [{s.act}, {s.kind}{neg}]: “{_content(s)}”"


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def format_hits(hits: Iterable[StatementHit]) -> str:
    """Statements found in the store, one block each, with their document and offsets."""
    blocks = []
    for h in hits:
        s = h.statement
        head = f"{h.document_id}" + (f" ({h.published})" if h.published else "") + (f" {h.document_title}" if h.document_title else "")
        where = f"cue “{s.cue.text}” {s.cue.start}-{s.cue.end}"
        if s.source:
            where = f"source “{s.source.text}” {s.source.start}-{s.source.end}; " + where
        blocks.append("\n".join([_wrap(statement_line(s), ""), _wrap(f"{head} | {where} | {s.id}", "    ")]))
    return "\n".join(blocks) if blocks else "(no statements)"


def format_analysis(a: Analysis) -> str:
    """A readable summary of one stored analysis: document, statements by speaker, actors, events, disputes."""
    d = a.document
    out = [d.title or "(untitled)", f"id {d.id}" + (f" | published {d.published}" if d.published else "")
           + (f" | {d.url}" if d.url else "") + f" | {len(d.text.split())} words", ""]
    by_speaker: dict[str, list[Statement]] = {}
    for s in a.statements:
        who = s.speaker.name if s.speaker else (s.source.text if s.source else "(unattributed)")
        by_speaker.setdefault(who, []).append(s)
    out.append(f"Statements ({len(a.statements)})")
    for who, items in by_speaker.items():
        out.append(f"  {who}")
        for s in items:
            out.append(_wrap(f"[{s.act}, {s.kind}] “{_content(s)}” ({s.cue.text} @{s.cue.start})", "    "))
    names = {x.id: x.name for x in a.actors}
    if a.actors:
        out += ["", f"Actors ({len(a.actors)})"]
        for x in a.actors:
            extra = ", ".join(v for v in (x.type, x.country, x.role, f"of {names.get(x.affiliation, x.affiliation)}" if x.affiliation else None) if v)
            out.append(f"  {x.name} ({extra}) ×{len(x.mentions)}")
    if a.timexes:
        out += ["", f"Dates and times ({len(a.timexes)})"]
        out += [f"  {t.text} → {t.value} ({t.type})" for t in a.timexes]
    if a.events:
        out += ["", f"Events ({len(a.events)})"]
        for e in a.events:
            bits = [e.type, e.mode, f"“{e.trigger.text}”"]
            if e.time:
                bits.append(f"time {e.time.value}")
            if e.location:
                bits.append(f"at {e.location.name}")
            if e.agents:
                bits.append("by " + ", ".join(names.get(x, x) for x in e.agents))
            out.append("  " + " | ".join(bits))
    if a.disputes:
        statements = {s.id: s for s in a.statements}
        out += ["", f"Disputes ({len(a.disputes)})"]
        for dsp in a.disputes:
            out.append(f"  {dsp.topic}")
            for p in dsp.positions:
                who = ", ".join(names.get(x, x) for x in p.actors) or "?"
                out.append(f"    {p.stance}: {who}")
                for sid in p.statements:
                    if sid in statements:
                        out.append(_wrap(f"“{_content(statements[sid])}”", "      "))
    return "\n".join(out)
