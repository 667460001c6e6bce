"""A small read-only web UI and JSON API over a store, as a plain WSGI application.

No framework: the standard library's WSGI interface, Jinja2 templates with
autoescaping (Jinja2 already comes with spaCy), one stylesheet and one small
script. Pages:

* ``/`` — documents, newest first, with full-text search (``?q=``);
* ``/documents/<id>`` — the article with statement spans highlighted (source, cue,
  content in distinct colours; hover shows speaker and act), statements grouped by
  speaker, disputes side by side, a timeline, actors;
* ``/statements`` — statements by speaker, act, kind and words in the content;
* ``/disputes`` — every document's disputes, positions side by side; ``/disputes?across=1``:
  disputes across articles (:func:`counterclaim.reconcile.cross.cross_article_disputes` over the
  newest :data:`CROSS_MAX_DOCUMENTS` documents).

JSON (the contract objects): ``/api/documents``, ``/api/documents/<id>``,
``/api/statements?speaker=&act=&kind=&q=&document=``, ``/api/disputes[?across=1]``; errors have one shape,
``{"error": {"status": 404, "message": "..."}}``.
"""

from __future__ import annotations

import json
import mimetypes
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union
from urllib.parse import parse_qs, quote

from counterclaim import __version__
from counterclaim.model import SPEECH_ACTS, STATEMENT_KINDS, Analysis, Statement, to_dict
from counterclaim.store import DocumentNotFound, Store, StoreError, open_store
from counterclaim.store.rows import CONTENT_JOINER

__all__ = ["make_app", "WebApp", "highlight_segments", "PAGE_SIZE"]

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

#: Rows per page in the document and statement lists (``?limit=`` up to :data:`MAX_LIMIT` in the API).
PAGE_SIZE = 50
#: Documents per page of the disputes list (each with all its disputes).
DISPUTE_PAGE_SIZE = 20
#: Disputes across articles (``/disputes?across=1``) are looked for among this many newest documents.
CROSS_MAX_DOCUMENTS = 200
MAX_LIMIT = 500
#: Which mark wins when spans overlap (drawn on top): cue, then source, then content, then dates.
MARK_PRIORITY = ("cue", "source", "content", "timex")

SECURITY_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"),
]


class HTTPError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


_REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error",
            503: "Service Unavailable"}


# --------------------------------------------------------------------------- highlighting


@dataclass(frozen=True)
class Segment:
    """A run of article text under the same set of marks."""

    text: str
    role: str = ""  # the top mark: cue | source | content | timex | ""
    roles: tuple[str, ...] = ()
    statements: tuple[int, ...] = ()  # indexes into analysis.statements
    title: str = ""


def _who(s: Statement) -> str:
    if s.speaker:
        return s.speaker.name
    return s.source.text if s.source else "unattributed"


def highlight_segments(analysis: Analysis, start: int = 0, end: Optional[int] = None) -> list[Segment]:
    """Cut ``document.text[start:end]`` into segments, each with the statement marks covering it.

    Overlapping statements (a quote inside a report) are all listed in ``statements``
    and in the hover ``title``; the drawn colour is the highest of :data:`MARK_PRIORITY`.
    """
    text = analysis.document.text
    end = len(text) if end is None else end
    marks: list[tuple[int, int, str, int]] = []
    for i, s in enumerate(analysis.statements):
        if s.source is not None:
            marks.append((s.source.start, s.source.end, "source", i))
        if s.cue is not None:
            marks.append((s.cue.start, s.cue.end, "cue", i))
        marks.extend((c.start, c.end, "content", i) for c in s.content)
    marks.extend((t.start, t.end, "timex", -1) for t in analysis.timexes)
    marks = [(max(a, start), min(b, end), r, i) for a, b, r, i in marks if a < end and b > start and a < b]
    cuts = sorted({start, end, *(m[0] for m in marks), *(m[1] for m in marks)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m[0] <= a and b <= m[1]]
        if not covering:
            out.append(Segment(text[a:b]))
            continue
        roles = tuple(sorted({m[2] for m in covering}, key=MARK_PRIORITY.index))
        idx = tuple(sorted({m[3] for m in covering if m[3] >= 0}))
        lines = []
        for i in idx:
            s = analysis.statements[i]
            mine = sorted({m[2] for m in covering if m[3] == i}, key=MARK_PRIORITY.index)
            lines.append(f"{_who(s)} — {s.act} ({s.kind}); {'/'.join(mine)}")
        if "timex" in roles:
            for t in analysis.timexes:
                if t.start <= a and b <= t.end:
                    lines.append(f"date: {t.text} = {t.value} ({t.type})")
        out.append(Segment(text[a:b], roles[0], roles, idx, "\n".join(lines)))
    return out


def _paragraph_blocks(analysis: Analysis) -> list[dict[str, Any]]:
    d = analysis.document
    paragraphs = sorted(d.paragraphs, key=lambda p: p.start) or []
    if not paragraphs:
        return [{"role": "body", "segments": highlight_segments(analysis)}]
    blocks = []
    for p in paragraphs:
        blocks.append({"role": p.role, "segments": highlight_segments(analysis, p.start, p.end)})
    return blocks


# --------------------------------------------------------------------------- views of an analysis


def _content(s: Statement) -> str:
    return CONTENT_JOINER.join(c.text for c in s.content)


def _document_context(a: Analysis) -> dict[str, Any]:
    names = {x.id: x.name for x in a.actors}
    statements = []
    index = {s.id: i for i, s in enumerate(a.statements)}
    for i, s in enumerate(a.statements):
        statements.append({
            "i": i, "s": s, "who": _who(s), "content": _content(s),
            "chain": " → ".join(s.speaker.chain) if s.speaker and s.speaker.chain else "",
            "replies_to": [(index[r], r, _who(a.statements[index[r]])) for r in s.replies_to if r in index],
            "nested_in": (index[s.nested_in], s.nested_in, _who(a.statements[index[s.nested_in]]))
            if s.nested_in in index else None,
            "role": a.document.role_at(s.cue.start) if s.cue else "body",
        })
    groups: dict[str, list[dict[str, Any]]] = {}
    for st in statements:
        groups.setdefault(st["who"], []).append(st)
    speakers = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))
    disputes = []
    for dsp in a.disputes:
        positions = []
        for p in dsp.positions:
            positions.append({
                "stance": p.stance, "summary": p.summary,
                "actors": [names.get(x, x) for x in p.actors],
                "statements": [statements[index[sid]] for sid in p.statements if sid in index],
            })
        subject = next((e for e in a.events if e.id == dsp.subject_event), None)
        disputes.append({"d": dsp, "positions": positions, "subject": subject,
                         "explicit": [statements[index[sid]] for sid in dsp.explicit if sid in index]})
    # The timeline: one entry per TIMEX3 value, with the events at that time and how the text says it.
    by_value: dict[str, dict[str, Any]] = {}
    for e in a.events:
        if e.time is not None and e.time.value:
            entry = by_value.setdefault(e.time.value, {"value": e.time.value, "events": [], "mentions": []})
            entry["events"].append({"e": e, "agents": [names.get(x, x) for x in e.agents],
                                    "targets": [names.get(x, x) for x in e.targets]})
            if e.time.text and e.time.text not in entry["mentions"]:
                entry["mentions"].append(e.time.text)
    for t in a.timexes:
        entry = by_value.setdefault(t.value, {"value": t.value, "events": [], "mentions": []})
        if t.text not in entry["mentions"]:
            entry["mentions"].append(t.text)
    # ISO-like values sort as strings; PRESENT_REF, durations and the like go last.
    timeline = sorted(by_value.values(), key=lambda x: (not x["value"][:1].isdigit(), x["value"]))
    events = [{"e": e, "agents": [names.get(x, x) for x in e.agents], "targets": [names.get(x, x) for x in e.targets],
               "claimed_by": [(index[c], c, _who(a.statements[index[c]])) for c in e.claimed_by if c in index]}
              for e in a.events]
    return {
        "a": a, "doc": a.document, "blocks": _paragraph_blocks(a), "statements": statements,
        "speakers": speakers, "disputes": disputes, "timeline": timeline, "events": events,
        "actors": [{"x": x, "affiliation": names.get(x.affiliation, x.affiliation) if x.affiliation else None}
                   for x in a.actors],
        "n_words": len(a.document.text.split()),
    }


def _cross_context(d: Any, analyses: dict[str, Analysis]) -> dict[str, Any]:
    """A dispute across articles, with each position's statements and the documents they come from."""
    statements: dict[str, tuple[Analysis, int, Statement]] = {}
    actors: dict[str, str] = {}
    for doc_id in d.documents:
        a = analyses.get(doc_id)
        if a is None:
            continue
        for i, s in enumerate(a.statements):
            statements.setdefault(s.id, (a, i, s))
        for x in a.actors:
            actors.setdefault(x.id, x.name)
    positions = []
    for p in d.positions:
        items = []
        for sid in p.statements:
            if sid in statements:
                a, i, s = statements[sid]
                items.append({"i": i, "s": s, "who": _who(s), "content": _content(s), "chain": "", "replies_to": [], "nested_in": None,
                              "role": a.document.role_at(s.cue.start) if s.cue else "body",
                              "doc": a.document, "base": "/documents/" + quote(a.document.id, safe="")})
        positions.append({"stance": p.stance, "summary": p.summary, "actors": [actors.get(x, x) for x in p.actors],
                          "statements": items})
    docs = [analyses[x].document for x in d.documents if x in analyses]
    return {"d": d, "positions": positions, "documents": docs}


# --------------------------------------------------------------------------- the application


def _int(params: dict[str, str], name: str, default: int, lo: int = 0, hi: int = 10**9) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise HTTPError(400, f"parameter {name!r} must be an integer, not {raw!r}") from None
    return max(lo, min(hi, value))


class WebApp:
    """The WSGI application; build it with :func:`make_app`."""

    def __init__(self, store: Union[Store, str, None], *, title: str = "counterclaim") -> None:
        import jinja2

        self._store_arg = store
        self._store: Optional[Store] = store if isinstance(store, Store) else None
        self._lock = threading.Lock()
        self.title = title
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES)),
            autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
        )
        self.env.filters["q"] = lambda v: quote(str(v), safe="")
        self.env.globals.update(version=__version__, site_title=title, acts=SPEECH_ACTS, kinds=STATEMENT_KINDS)
        self.routes: list[tuple[str, Callable[..., tuple[int, str, bytes]]]] = [
            ("/api/documents/", self.api_document),
            ("/api/documents", self.api_documents),
            ("/api/statements", self.api_statements),
            ("/api", self.api_index),
            ("/documents/", self.page_document),
            ("/statements", self.page_statements),
            ("/disputes", self.page_disputes),
            ("/api/disputes", self.api_disputes),
            ("/static/", self.static),
            ("/", self.page_index),
        ]

    @property
    def store(self) -> Store:
        if self._store is None:
            try:
                self._store = open_store(self._store_arg, readonly=True)
            except StoreError as exc:
                raise HTTPError(503, str(exc)) from exc
        return self._store

    # ----------------------------------------------------------------- WSGI

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        raw_path = environ.get("PATH_INFO") or "/"
        try:  # WSGI hands PATH_INFO over as latin-1 decoded bytes
            path = raw_path.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            path = raw_path
        query = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True).items()}
        method = environ.get("REQUEST_METHOD", "GET").upper()
        is_api = path == "/api" or path.startswith("/api/")
        try:
            if method not in ("GET", "HEAD"):
                raise HTTPError(405, f"{method} is not allowed: this UI is read-only (use GET)")
            status, ctype, body = self.dispatch(path, query)
        except HTTPError as exc:
            status, ctype, body = self.error(exc.status, exc.message, is_api)
        except Exception as exc:  # pragma: no cover - a bug; say so instead of a blank page
            status, ctype, body = self.error(500, f"internal error: {type(exc).__name__}: {exc}", is_api)
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body))), *SECURITY_HEADERS]
        if status == 405:
            headers.append(("Allow", "GET, HEAD"))
        start_response(f"{status} {_REASONS.get(status, '')}".strip(), headers)
        return [b"" if method == "HEAD" else body]

    def dispatch(self, path: str, query: dict[str, str]) -> tuple[int, str, bytes]:
        for prefix, handler in self.routes:
            if prefix.endswith("/") and prefix != "/":
                if path.startswith(prefix) and len(path) > len(prefix):
                    with self._lock:
                        return handler(path[len(prefix):], query)
            elif path == prefix or path == prefix + "/":
                with self._lock:
                    return handler(query)
        raise HTTPError(404, f"no page at {path}")

    def error(self, status: int, message: str, is_api: bool) -> tuple[int, str, bytes]:
        if is_api:
            return self.json({"error": {"status": status, "message": message}}, status)
        return self.html("error.html", http_status=status, status=status, message=message, reason=_REASONS.get(status, "Error"))

    def html(self, template: str, http_status: int = 200, **context: Any) -> tuple[int, str, bytes]:
        body = self.env.get_template(template).render(**context).encode("utf-8")
        return http_status, "text/html; charset=utf-8", body

    @staticmethod
    def json(data: Any, status: int = 200) -> tuple[int, str, bytes]:
        return status, "application/json; charset=utf-8", json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    # ----------------------------------------------------------------- pages

    def page_index(self, query: dict[str, str]) -> tuple[int, str, bytes]:
        q = query.get("q", "").strip()
        page = _int(query, "page", 1, 1)
        total = self.store.count_documents(q or None)
        docs = self.store.documents(q or None, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        return self.html("index.html", q=q, docs=docs, total=total, page=page, pages=max(1, -(-total // PAGE_SIZE)),
                         n_documents=len(self.store), n_statements=self.store.count_statements(),
                         top_speakers=self.store.speakers(limit=12), acts_count=self.store.acts())

    def page_document(self, doc_id: str, query: dict[str, str]) -> tuple[int, str, bytes]:
        try:
            a = self.store.document(doc_id)
        except DocumentNotFound as exc:
            raise HTTPError(404, str(exc)) from exc
        return self.html("document.html", **_document_context(a))

    def page_statements(self, query: dict[str, str]) -> tuple[int, str, bytes]:
        f = self._statement_filters(query)
        page = _int(query, "page", 1, 1)
        total = self.store.count_statements(**f)
        hits = self.store.statements(**f, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        rows = [{"h": h, "who": _who(h.statement), "content": _content(h.statement)} for h in hits]
        keep = {k: v for k, v in query.items() if k != "page" and v}
        return self.html("statements.html", f={k: v or "" for k, v in f.items()}, rows=rows, total=total, page=page,
                         pages=max(1, -(-total // PAGE_SIZE)), keep=keep,
                         speakers=self.store.speakers(limit=200))

    def _cross_disputes(self) -> tuple[list[Any], dict[str, Analysis], Optional[str]]:
        """Disputes across the newest :data:`CROSS_MAX_DOCUMENTS` documents (reconcile.cross), or why not."""
        from counterclaim.reconcile.cross import cross_article_disputes

        analyses = {a.document.id: a for a in self.store.iter_analyses(self.store.document_ids()[:CROSS_MAX_DOCUMENTS])}
        try:
            return list(cross_article_disputes(analyses.values())), analyses, None
        except Exception as exc:  # e.g. the stance model cannot load: say so on the page
            return [], analyses, f"{type(exc).__name__}: {exc}"

    def page_disputes(self, query: dict[str, str]) -> tuple[int, str, bytes]:
        if query.get("across"):
            found, analyses, error = self._cross_disputes()
            return self.html("disputes_across.html", disputes=[_cross_context(d, analyses) for d in found],
                             error=error, n_documents=len(analyses), max_documents=CROSS_MAX_DOCUMENTS)
        q = query.get("q", "").strip() or None
        page = _int(query, "page", 1, 1)
        total = self.store.count_documents(q, with_disputes=True)
        docs = self.store.documents(q, limit=DISPUTE_PAGE_SIZE, offset=(page - 1) * DISPUTE_PAGE_SIZE, with_disputes=True)
        items = []
        for d in docs:
            ctx = _document_context(self.store.document(d.id))
            items.append({"doc": d, "disputes": ctx["disputes"], "base": "/documents/" + quote(d.id, safe="")})
        return self.html("disputes.html", items=items, total=total, page=page, q=q or "",
                         pages=max(1, -(-total // DISPUTE_PAGE_SIZE)))

    def static(self, name: str, query: dict[str, str]) -> tuple[int, str, bytes]:
        path = (STATIC / name).resolve()
        if STATIC not in path.parents or not path.is_file():
            raise HTTPError(404, f"no static file {name}")
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript",):
            ctype += "; charset=utf-8"
        return 200, ctype, path.read_bytes()

    # ----------------------------------------------------------------- JSON

    @staticmethod
    def _statement_filters(query: dict[str, str]) -> dict[str, Any]:
        act = query.get("act") or None
        kind = query.get("kind") or None
        if act and act not in SPEECH_ACTS:
            raise HTTPError(400, f"unknown act {act!r}; one of: {', '.join(SPEECH_ACTS)}")
        if kind and kind not in STATEMENT_KINDS:
            raise HTTPError(400, f"unknown kind {kind!r}; one of: {', '.join(STATEMENT_KINDS)}")
        top_level = (query.get("top_level") or "").lower()
        if top_level not in ("", "0", "1", "true", "false"):
            raise HTTPError(400, f"top_level must be 1 or 0, not {top_level!r}")
        return {"speaker": query.get("speaker") or None, "act": act, "kind": kind,
                "document": query.get("document") or None, "q": query.get("q") or None,
                "top_level": top_level in ("1", "true")}

    def api_index(self, query: dict[str, str]) -> tuple[int, str, bytes]:
        return self.json({
            "version": __version__,
            "documents": len(self.store),
            "endpoints": {
                "/api/documents": "document summaries, newest first (?q=words&limit=&offset=)",
                "/api/documents/<id>": "the full analysis of one document (the contract JSON)",
                "/api/statements": "statements (?speaker=&act=&kind=&document=&q=&top_level=1&limit=&offset=)",
                "/api/disputes": "disputes with their document, newest documents first (?q=&limit=&offset= over documents); "
                                 "?across=1: disputes across articles",
            },
        })

    def api_documents(self, query: dict[str, str]) -> tuple[int, str, bytes]:
        q = query.get("q") or None
        limit = _int(query, "limit", PAGE_SIZE, 1, MAX_LIMIT)
        offset = _int(query, "offset", 0)
        docs = self.store.documents(q, limit=limit, offset=offset)
        return self.json({"total": self.store.count_documents(q), "limit": limit, "offset": offset,
                          "documents": [d.to_dict() for d in docs]})

    def api_disputes(self, query: dict[str, str]) -> tuple[int, str, bytes]:
        if query.get("across"):
            found, analyses, error = self._cross_disputes()
            if error:
                raise HTTPError(503, f"cannot look for disputes across articles: {error}")
            return self.json({"documents": len(analyses), "disputes": [to_dict(d) for d in found]})
        q = query.get("q") or None
        limit = _int(query, "limit", DISPUTE_PAGE_SIZE, 1, MAX_LIMIT)
        offset = _int(query, "offset", 0)
        out = []
        for d in self.store.documents(q, limit=limit, offset=offset, with_disputes=True):
            for dsp in self.store.document(d.id).disputes:
                out.append({**to_dict(dsp), "document": {"id": d.id, "title": d.title, "published": d.published}})
        return self.json({"total_documents": self.store.count_documents(q, with_disputes=True), "limit": limit,
                          "offset": offset, "disputes": out})

    def api_document(self, doc_id: str, query: dict[str, str]) -> tuple[int, str, bytes]:
        try:
            return self.json(self.store.document(doc_id).to_dict())
        except DocumentNotFound as exc:
            raise HTTPError(404, str(exc)) from exc

    def api_statements(self, query: dict[str, str]) -> tuple[int, str, bytes]:
        f = self._statement_filters(query)
        limit = _int(query, "limit", PAGE_SIZE, 1, MAX_LIMIT)
        offset = _int(query, "offset", 0)
        hits = self.store.statements(**f, limit=limit, offset=offset)
        return self.json({"total": self.store.count_statements(**f), "limit": limit, "offset": offset,
                          "statements": [h.to_dict() for h in hits]})


def make_app(store: Union[Store, str, None] = None, **kwargs: Any) -> WebApp:
    """The WSGI application over ``store`` (a :class:`Store`, or a path/URL opened read-only on first use)."""
    return WebApp(store, **kwargs)
