"""Attribution evaluation on PolNeAR-style gold: exact and overlap P/R/F1 per span type.

Gold format (one article per JSON line), as in PolNeAR (Newell, Margolin & Ruths 2018,
"An Attribution Relations Corpus for Political News", LREC)::

    {"id", "title", "text", "publication_date"?,
     "attributions": [{"source": [s, e] | [[s, e], ...] | null, "cue": ..., "content": ...}]}

Scoring follows the CofeNet protocol (Wang et al. 2022, "CofeNet: Context and Former-Label
Enhanced Net for Complicated Quotation Extraction", COLING): every contiguous piece of a
source, cue or content span is one unit, whitespace trimmed; a predicted piece is correct when
a gold piece of the same type has exactly the same offsets. We also report overlap F1 (a piece
counts when it overlaps a gold piece of its type) and whole-attribution F1 (source, cue and
content pieces all exact).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from counterclaim.model import Document, Paragraph, Statement

__all__ = [
    "SPAN_TYPES",
    "Attribution",
    "load_gold",
    "gold_document",
    "statement_to_attribution",
    "spans_to_attribution",
    "score",
    "format_scores",
    "parse_documents",
    "evaluate_file",
]

SPAN_TYPES = ("source", "cue", "content")

Piece = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One attribution as trimmed character pieces per span type."""

    source: tuple[Piece, ...] = ()
    cue: tuple[Piece, ...] = ()
    content: tuple[Piece, ...] = ()

    def pieces(self, kind: str) -> tuple[Piece, ...]:
        return getattr(self, kind)


@dataclass
class GoldArticle:
    id: str
    text: str
    title: Optional[str]
    published: Optional[str]
    attributions: list[Attribution] = field(default_factory=list)


def _trim(text: str, s: int, e: int) -> Optional[Piece]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def _pieces(text: str, value: Any) -> tuple[Piece, ...]:
    if not value:
        return ()
    raw = value if isinstance(value[0], (list, tuple)) else [value]
    out = []
    for s, e in raw:
        p = _trim(text, int(s), int(e))
        if p:
            out.append(p)
    return tuple(sorted(set(out)))


def load_gold(path: str | Path, limit: Optional[int] = None) -> list[GoldArticle]:
    """Read a PolNeAR-format JSONL file; raises ``ValueError`` naming the line when a record is malformed."""
    out: list[GoldArticle] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                attrs = [
                    Attribution(
                        source=_pieces(text, a.get("source")),
                        cue=_pieces(text, a.get("cue")),
                        content=_pieces(text, a.get("content")),
                    )
                    for a in rec.get("attributions", [])
                ]
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(
                    f"{path}:{n}: not a PolNeAR-style record ({exc}); each line needs 'text' and "
                    "'attributions' with [start, end] offsets"
                ) from exc
            out.append(GoldArticle(str(rec.get("id", n)), text, rec.get("title"), rec.get("publication_date"), attrs))
            if limit and len(out) >= limit:
                break
    return out


def gold_document(article: GoldArticle) -> Document:
    """A :class:`Document` for a gold article, its text unchanged: paragraphs as counterclaim's text
    ingest finds them (blank lines, and single line breaks between unwrapped lines, as some PolNeAR
    articles have), all body text except a first paragraph that repeats the title (the headline)."""
    from counterclaim.ingest.text import split_paragraphs

    text = article.text
    paragraphs: list[Paragraph] = []
    title = " ".join((article.title or "").split())
    shown: Optional[str] = ""  # the opening paragraphs so far while all of them are the headline
    for start, end in split_paragraphs(text):
        role = "body"
        if title and shown is not None:
            para = " ".join(text[start:end].split())
            shown = (shown + " " + para).strip()
            if para.rstrip(".").startswith(title.rstrip(".")[:40]) or (len(shown) >= 10 and title.startswith(shown)):
                role = "headline"  # the title, on one line or over several ("X;\nY", as some PolNeAR titles)
            else:
                shown = None
        paragraphs.append(Paragraph(start, end, role))
    published = (article.published or "")[:10] or None
    return Document(id=article.id, text=text, title=article.title, published=published, paragraphs=tuple(paragraphs))


def spans_to_attribution(text: str, source: Optional[Piece], cue: Piece, content: Sequence[Piece]) -> Attribution:
    """An attribution from character spans ``(start, end)``, each trimmed of whitespace."""
    def trim_all(spans):
        return tuple(sorted({p for p in (_trim(text, s, e) for s, e in spans) if p}))

    return Attribution(source=trim_all([source] if source else []), cue=trim_all([cue]), content=trim_all(content))


def statement_to_attribution(st: Statement, text: str) -> Attribution:
    return spans_to_attribution(text, (st.source.start, st.source.end) if st.source else None,
                                (st.cue.start, st.cue.end), [(c.start, c.end) for c in st.content])


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "pred": n_p, "gold": n_g}


def score(pairs: Iterable[tuple[Sequence[Attribution], Sequence[Attribution]]]) -> dict[str, Any]:
    """Score (gold, predicted) attribution lists, one pair per article.

    Returns ``{"exact": {type: prf}, "overlap": {type: prf}, "attribution": prf}``.
    """
    counts = {k: [0, 0, 0, 0, 0, 0] for k in SPAN_TYPES}  # exact tp, pred, gold, overlap tp_p, tp_r
    whole = [0, 0, 0]
    for gold, pred in pairs:
        for kind in SPAN_TYPES:
            g = {p for a in gold for p in a.pieces(kind)}
            pr = {p for a in pred for p in a.pieces(kind)}
            c = counts[kind]
            c[0] += len(g & pr)
            c[1] += len(pr)
            c[2] += len(g)
            c[3] += sum(1 for p in pr if any(p[0] < q[1] and q[0] < p[1] for q in g))
            c[4] += sum(1 for q in g if any(p[0] < q[1] and q[0] < p[1] for p in pr))
        gk = {(a.source, a.cue, a.content) for a in gold}
        pk = {(a.source, a.cue, a.content) for a in pred}
        whole[0] += len(gk & pk)
        whole[1] += len(pk)
        whole[2] += len(gk)
    return {
        "exact": {k: _prf(c[0], c[1], c[0], c[2]) for k, c in counts.items()},
        "overlap": {k: _prf(c[3], c[1], c[4], c[2]) for k, c in counts.items()},
        "attribution": _prf(whole[0], whole[1], whole[0], whole[2]),
    }


def format_scores(result: dict[str, Any]) -> str:
    lines = [f"{'span':<10}{'exact P':>9}{'exact R':>9}{'exact F1':>10}{'overlap F1':>12}{'pred':>7}{'gold':>7}"]
    for k in SPAN_TYPES:
        e, o = result["exact"][k], result["overlap"][k]
        lines.append(f"{k:<10}{e['p']:>9.3f}{e['r']:>9.3f}{e['f1']:>10.3f}{o['f1']:>12.3f}{e['pred']:>7}{e['gold']:>7}")
    a = result["attribution"]
    lines.append(f"{'whole':<10}{a['p']:>9.3f}{a['r']:>9.3f}{a['f1']:>10.3f}{'':>12}{a['pred']:>7}{a['gold']:>7}")
    for k in ("articles", "parse_seconds", "extract_seconds"):
        if k in result:
            lines.append(f"{k}: {result[k]}")
    return "\n".join(lines)


def _load_nlp():
    try:
        from counterclaim.nlp import load_pipeline
    except ImportError as exc:  # pragma: no cover - depends on the nlp stage being installed
        raise RuntimeError(
            "counterclaim.nlp.load_pipeline is not available: the evaluation needs the shipped spaCy "
            "pipeline (src/counterclaim/nlp/models/)"
        ) from exc
    return load_pipeline()


def parse_documents(texts: Sequence[str], nlp: Any = None, cache_dir: Optional[str | Path] = None) -> tuple[list[Any], float]:
    """Parse texts with the shipped pipeline; with ``cache_dir``, reuse a DocBin keyed by texts and model.

    Returns the Docs and the parse time in seconds (0 when read from the cache).
    """
    from spacy.tokens import DocBin

    nlp = nlp if nlp is not None else _load_nlp()
    key = None
    if cache_dir:
        h = hashlib.sha1()
        h.update(json.dumps([nlp.meta.get("name"), nlp.meta.get("version"), nlp.pipe_names,
                             getattr(nlp.tokenizer, "normalisation", None)]).encode())
        try:  # the shipped model's weights change when it is retrained: key the cache on them
            from counterclaim.nlp import pipeline_path

            for model_file in sorted(Path(pipeline_path()).glob("*/model")):
                h.update(f"{model_file}:{model_file.stat().st_mtime}".encode())
            # and on the code of the pipeline's own components (parse repairs, tokenizer rules, and the
            # ingest patterns the components use: datelines)
            from counterclaim.ingest import text as ingest_text
            from counterclaim.nlp import components, spaces, tokenizer

            for module in (components, tokenizer, spaces, ingest_text):
                h.update(Path(module.__file__).read_bytes())
        except ImportError:  # pragma: no cover
            pass
        for t in texts:
            h.update(t.encode("utf-8"))
        key = Path(cache_dir) / f"parsed_{h.hexdigest()[:16]}.spacy"
        if key.exists():
            docs = list(DocBin().from_disk(key).get_docs(nlp.vocab))
            if len(docs) == len(texts):
                return docs, 0.0
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    dt = time.perf_counter() - t0
    if key is not None:
        key.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(key)
    return docs, dt


def evaluate_file(
    path: str | Path,
    *,
    limit: Optional[int] = None,
    nlp: Any = None,
    cache_dir: Optional[str | Path] = None,
    errors_out: Optional[str | Path] = None,
) -> dict[str, Any]:
    """Run :func:`counterclaim.extract.statements.extract_statements` on a gold file and score it."""
    from counterclaim.extract.statements import extract_statements

    articles = load_gold(path, limit)
    documents = [gold_document(a) for a in articles]
    docs, parse_s = parse_documents([d.text for d in documents], nlp=nlp, cache_dir=cache_dir)
    t0 = time.perf_counter()
    preds = [extract_statements(doc, d, ()) for doc, d in zip(docs, documents)]
    extract_s = time.perf_counter() - t0
    pairs = [
        (a.attributions, [statement_to_attribution(s, a.text) for s in ps]) for a, ps in zip(articles, preds)
    ]
    result = score(pairs)
    result["articles"] = len(articles)
    result["parse_seconds"] = round(parse_s, 2)
    result["extract_seconds"] = round(extract_s, 2)
    if errors_out:
        with open(errors_out, "w", encoding="utf-8") as fh:
            for a, (gold, pred), sts in zip(articles, pairs, preds):
                fh.write(json.dumps({
                    "id": a.id,
                    "gold": [x.__dict__ for x in gold],
                    "pred": [dict(x.__dict__, rule=st.rule, kind=st.kind, act=st.act) for x, st in zip(pred, sts)],
                }) + "\n")
    return result
