"""Timelines: the events of one or more analyses in date order, as rows with names resolved, and their text
rendering (``counterclaim timeline``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence


@dataclass(frozen=True)
class TimelineRow:
    date: Optional[str]
    type: str
    summary: str
    agents: tuple[str, ...]
    targets: tuple[str, ...]
    place: Optional[str]
    mode: str
    claimed_by: tuple[str, ...]  # speaker names, else source texts, else "unattributed (<statement id>)"
    document: str
    event: str
    trigger: str

    def to_dict(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


def timeline(analyses) -> list[TimelineRow]:
    """Events of one or more analyses in date order (undated last, in text order), with names resolved."""
    rows: list[tuple[tuple, TimelineRow]] = []
    for n, an in enumerate(analyses):
        by_id = {a.id: a for a in an.actors}
        sts = {s.id: s for s in an.statements}
        for ev in an.events:
            who = []
            for sid in ev.claimed_by:
                s = sts.get(sid)
                if s is not None and s.speaker is not None:
                    name = s.speaker.name
                elif s is not None and s.source:
                    name = s.source.text
                else:
                    name = f"unattributed ({sid})"  # a statement without a source ("individuals accused of ...")
                if name not in who:
                    who.append(name)
            place = None
            if ev.location is not None:
                place = ev.location.name + (f" ({ev.location.country})" if ev.location.country else "")
            row = TimelineRow(
                date=ev.time.value if ev.time else None, type=ev.type, summary=ev.summary,
                agents=tuple(by_id[a].name for a in ev.agents if a in by_id),
                targets=tuple(by_id[a].name for a in ev.targets if a in by_id),
                place=place, mode=ev.mode, claimed_by=tuple(who), document=an.document.id, event=ev.id,
                trigger=ev.trigger.text,
            )
            key = (ev.time is None, ev.time.value if ev.time else "", n, ev.trigger.start)
            rows.append((key, row))
    rows.sort(key=lambda r: r[0])
    return [r for _k, r in rows]


def timeline_paths(paths, published: Optional[str] = None):
    """Analyse article files (any format ``counterclaim.ingest.load`` reads) and return (timeline rows, errors)."""
    from counterclaim import ingest
    from counterclaim.pipeline import analyze_many

    analyses, errors = [], []
    for item in analyze_many(ingest.load(list(paths), published=published)):
        if item.ok:
            analyses.append(item.analysis)
        else:
            errors.append(f"{item.id}: {item.error}")
    return timeline(analyses), errors


def format_timeline(rows: Sequence[TimelineRow]) -> str:
    """One block per event: date, type, who -> whom, place, mode, who claims it."""
    out = []
    for r in rows:
        head = f"{r.date or 'undated':<10}  {r.type:<9} {', '.join(r.agents) or '?'} -> {', '.join(r.targets) or '?'}"
        bits = [f"mode: {r.mode}"]
        if r.place:
            bits.append(f"place: {r.place}")
        if r.claimed_by:
            bits.append("claimed by: " + "; ".join(r.claimed_by))
        bits.append(f"trigger: “{r.trigger}”  [{r.document} {r.event}]")
        out.append(head + "\n" + "\n".join("            " + b for b in bits))
    return "\n".join(out)
