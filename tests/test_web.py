"""The web UI, called as a WSGI app directly (no network, no model)."""

from __future__ import annotations

import html
import json
import re

import pytest

from _store_sample import relayed_analysis, sample_analysis, second_analysis
from counterclaim.model import Analysis, Document, Span, Speaker, Statement
from counterclaim.store import open_store
from counterclaim.web import highlight_segments, make_app


@pytest.fixture()
def app(tmp_path):
    path = tmp_path / "cc.db"
    with open_store(path) as store:
        store.add_many([sample_analysis(), second_analysis()])
    return make_app(str(path))  # opened read-only on first request


def call(app, path, query="", method="GET"):
    seen = {}

    def start_response(status, headers):
        seen["status"] = status
        seen["headers"] = dict(headers)

    # WSGI passes PATH_INFO as the URL-decoded bytes read as latin-1
    environ = {"PATH_INFO": path.encode("utf-8").decode("latin-1"), "QUERY_STRING": query, "REQUEST_METHOD": method}
    body = b"".join(app(environ, start_response))
    assert int(seen["headers"]["Content-Length"]) == len(body) or method == "HEAD"
    return int(seen["status"].split()[0]), seen["headers"], body.decode("utf-8")


def test_document_list_and_search(app):
    status, headers, body = call(app, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "Harbour fire" in body and "Bridge" in body
    assert body.index("Harbour fire") < body.index("Bridge")  # newest first
    assert 'href="/documents/ruritania-1"' in body
    assert 'href="/statements?speaker=Rufus%20Firefly"' in body  # most quoted speakers
    status, _, body = call(app, "/", "q=bridge")
    assert status == 200 and "Bridge" in body and "Harbour fire" not in body
    status, _, body = call(app, "/", "q=zzznothing")
    assert "Nothing matches" in body


def test_document_page_highlights_spans_and_escapes(app):
    status, _, body = call(app, "/documents/ruritania-1")
    assert status == 200
    # the article text is escaped, never injected
    assert "<script>alert(1)</script>" not in body
    assert "We have proof &lt;script&gt;alert(1)&lt;/script&gt; &amp; more," in body
    # source, cue and content of the denial carry distinct classes and a hover title with speaker and act
    assert re.search(r'<span class="m m-cue" data-s="3" title="Rufus Firefly — denial \(mixed\); cue">denied</span>', body)
    assert re.search(r'<span class="m m-source" data-s="3"[^>]*>Freedonia’s foreign minister, Rufus Firefly</span>', body)
    assert re.search(r'<span class="m m-content" data-s="3"[^>]*>absurd</span>', body)
    assert re.search(r'<span class="m m-timex"[^>]*title="date: Tuesday = 2024-03-05 \(DATE\)">Tuesday</span>', body)
    # the visible text, tags stripped, is the article (paragraph by paragraph)
    text_section = body[body.index('aria-label="Article text"'):body.index("</section>", body.index('aria-label="Article text"'))]
    visible = html.unescape(re.sub(r"<[^>]+>", "", text_section))
    for para in sample_analysis().document.text.split("\n\n"):
        assert para.strip() in visible
    # statements grouped by speaker, disputes side by side, timeline, actors
    speakers = body[body.index("Statements by speaker"):]
    assert "<h3>Rufus Firefly" in speakers and "<h3>Interior Ministry" in speakers
    assert 'id="' + sample_analysis().statements[3].id + '"' in body
    assert "who set the Zenda harbour fire" in body
    assert body.count('class="position pos-') == 2
    assert "accuses" in body and "denies" in body
    assert '<span class="tv">2024-03-05</span>' in body and "ASSAULT" in body
    assert "Ruritania" in body and "spokeswoman" in body and "of Interior Ministry" in body
    assert "Ana Petrova → Interior Ministry → Ruritania" in body  # speaker chain


def test_statements_page_filters(app):
    status, _, body = call(app, "/statements", "speaker=firefly")
    assert status == 200
    assert "1 statement." in body and "any involvement … absurd" in body
    assert 'href="/documents/ruritania-1#' in body
    status, _, body = call(app, "/statements", "act=denial")
    assert "2 statements." in body
    status, _, body = call(app, "/statements", "q=reopen")
    assert "1 statement." in body and "Osterlich officials" in body
    status, _, body = call(app, "/statements", "act=shouting")
    assert status == 400 and "unknown act" in body


def test_json_api_returns_contract_objects(app):
    status, headers, body = call(app, "/api/documents")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    data = json.loads(body)
    assert data["total"] == 2 and [d["id"] for d in data["documents"]] == ["ruritania-1", "osterlich-2"]
    assert data["documents"][0]["n_statements"] == 4

    status, _, body = call(app, "/api/documents/ruritania-1")
    doc = json.loads(body)
    assert Analysis.from_dict(doc) == sample_analysis()
    for key in ("document", "statements", "actors", "timexes", "events", "disputes"):
        assert key in doc
    s = doc["statements"][3]
    assert doc["document"]["text"][s["cue"]["start"]:s["cue"]["end"]] == s["cue"]["text"] == "denied"

    status, _, body = call(app, "/api/statements", "speaker=Freedonia&act=denial")
    data = json.loads(body)
    assert data["total"] == 2
    assert {x["speaker"]["name"] for x in data["statements"]} == {"Freedonia", "Rufus Firefly"}
    assert all(x["document"]["id"] == "ruritania-1" for x in data["statements"])
    data = json.loads(call(app, "/api/statements", "limit=1&offset=1")[2])
    assert data["limit"] == 1 and len(data["statements"]) == 1 and data["total"] == 5


def test_errors_have_one_shape(app):
    status, _, body = call(app, "/api/documents/missing")
    assert status == 404 and json.loads(body)["error"]["status"] == 404
    assert "missing" in json.loads(body)["error"]["message"]
    status, _, body = call(app, "/api/statements", "limit=abc")
    assert status == 400 and "limit" in json.loads(body)["error"]["message"]
    status, _, body = call(app, "/documents/missing")
    assert status == 404 and "no document" in body and "<html" in body
    status, headers, _ = call(app, "/api/documents", method="POST")
    assert status == 405 and headers["Allow"] == "GET, HEAD"
    assert call(app, "/static/../app.py")[0] == 404
    status, headers, body = call(app, "/static/style.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css") and ".m-cue" in body
    assert call(app, "/static/app.js")[0] == 200


def test_ids_with_slashes_and_unicode(tmp_path):
    text = "Le ministre a déclaré que tout allait bien.\n"
    doc = Document(id="fr/2024/é-1", text=text, title="Déclaration")
    st = Statement(id="s_1", cue=Span(14, 21, text[14:21]), content=(Span(26, 42, text[26:42]),), kind="indirect",
                   act="claim", source=Span(3, 11, text[3:11]), speaker=Speaker("le ministre"))
    a = Analysis(document=doc, statements=(st,))
    assert all(sp.check(text) for sp in a.spans())
    with open_store(tmp_path / "u.db") as store:
        store.add(a)
        app = make_app(store)
        status, _, body = call(app, "/documents/fr/2024/é-1")
        assert status == 200 and "Déclaration" in body and ">déclaré</span>" in body
        _, _, body = call(app, "/")
        assert 'href="/documents/fr%2F2024%2F%C3%A9-1"' in body


def test_missing_database_is_a_clear_error(tmp_path):
    app = make_app(str(tmp_path / "nothing.db"))
    status, _, body = call(app, "/api/documents")
    assert status == 503 and "counterclaim ingest" in json.loads(body)["error"]["message"]
    assert not (tmp_path / "nothing.db").exists()


def test_highlight_segments_cover_text_and_handle_overlaps():
    a = sample_analysis()
    segs = highlight_segments(a)
    assert "".join(s.text for s in segs) == a.document.text
    # a quote nested in another statement's content: both statements listed, cue drawn on top
    outer = Statement(id="s_outer", cue=a.statements[2].cue, content=(Span(a.statements[2].content[0].start,
                      a.statements[2].cue.end, a.document.text[a.statements[2].content[0].start:a.statements[2].cue.end]),),
                      kind="other", act="report")
    b = Analysis(document=a.document, statements=a.statements + (outer,))
    segs = highlight_segments(b)
    assert "".join(s.text for s in segs) == a.document.text
    told = next(s for s in segs if s.text == "told")
    assert told.role == "cue" and told.statements == (2, 4) and "report" in told.title and "claim" in told.title


def test_disputes_page_and_api(app):
    status, _, body = call(app, "/disputes")
    assert status == 200
    assert "1 document with disputes" in body
    assert "who set the Zenda harbour fire" in body and body.count('class="position pos-') == 2
    sid = sample_analysis().statements[3].id
    assert f'href="/documents/ruritania-1#{sid}"' in body  # explicit rebuttal links to the statement in its document
    assert "Bridge" not in body  # documents without disputes are not listed
    data = json.loads(call(app, "/api/disputes")[2])
    assert data["total_documents"] == 1
    (d,) = data["disputes"]
    assert d["document"]["id"] == "ruritania-1" and d["topic"] == "who set the Zenda harbour fire"
    assert [p["stance"] for p in d["positions"]] == ["accuses", "denies"] and d["explicit"] == [sid]
    assert "No disputes found" in call(app, "/disputes", "q=bridge")[2]


def test_disputes_across_articles(app, monkeypatch):
    import counterclaim.reconcile.cross as cross
    from counterclaim.model import Dispute, Position

    a, b = sample_analysis(), second_analysis()
    fake = Dispute(id="d_cross", topic="will the bridge reopen", documents=("ruritania-1", "osterlich-2"), positions=(
        Position((a.actors[2].id,), (a.statements[3].id,), "no", "Freedonia [ruritania-1]: no"),
        Position((), (b.statements[0].id,), "yes", "officials [osterlich-2]: yes"),
    ))
    seen = []
    monkeypatch.setattr(cross, "cross_article_disputes", lambda analyses: seen.append(len(list(analyses))) or (fake,))
    status, _, body = call(app, "/disputes", "across=1")
    assert status == 200 and seen == [2]
    assert "will the bridge reopen" in body and body.count('class="position pos-') == 2
    assert "Rufus Firefly" in body and "any involvement … absurd" in body
    assert "the bridge would reopen next week" in body
    assert f'href="/documents/osterlich-2#{b.statements[0].id}"' in body
    assert f'href="/documents/ruritania-1#{a.statements[3].id}"' in body
    data = json.loads(call(app, "/api/disputes", "across=1")[2])
    assert data["documents"] == 2 and data["disputes"][0]["documents"] == ["ruritania-1", "osterlich-2"]

    def broken(analyses):
        raise RuntimeError("stance model missing")

    monkeypatch.setattr(cross, "cross_article_disputes", broken)
    status, _, body = call(app, "/disputes", "across=1")
    assert status == 200 and "stance model missing" in body
    status, _, body = call(app, "/api/disputes", "across=1")
    assert status == 503 and "stance model missing" in json.loads(body)["error"]["message"]


def test_direct_quotes_keep_their_own_marks_and_indirect_content_gets_them(app):
    from counterclaim.report import _quoted

    assert _quoted("“We will respond,”") == "“We will respond,”"
    assert _quoted("that talks failed") == "“that talks failed”"
    assert _quoted("that “all actions” are a response") == "“that “all actions” are a response”"
    _, _, body = call(app, "/documents/ruritania-1")
    assert "<blockquote" in body
    for m in re.finditer(r'<blockquote( class="quoted")?>([^<]*)</blockquote>', body):
        text = html.unescape(m.group(2))
        own = text[:1] in "“\"" and text.rstrip(" ,.")[-1:] in "”\""
        assert bool(m.group(1)) == own, text


def test_a_nested_statement_links_to_the_statement_that_reports_it(tmp_path):
    a = relayed_analysis()
    outer = a.statements[1]  # the ministry's statement
    path = tmp_path / "cc.db"
    with open_store(path) as store:
        store.add(a)
    status, _, body = call(make_app(str(path)), "/documents/ruritania-1")
    assert status == 200
    told = body[body.index('id="' + next(s.id for s in a.statements if s.cue.text == "told") + '"'):]
    told = told[:told.index("</li>")]
    assert f'as reported by <a href="#{outer.id}" data-s="1">Interior Ministry</a>' in told


def test_api_statements_top_level(tmp_path):
    path = tmp_path / "cc.db"
    with open_store(path) as store:
        store.add(relayed_analysis())
    app = make_app(str(path))
    status, _, body = call(app, "/api/statements", "top_level=1")
    top = json.loads(body)
    status_all, _, body_all = call(app, "/api/statements")
    assert status == 200 and status_all == 200
    assert top["total"] == json.loads(body_all)["total"] - 1
    status, _, body = call(app, "/api/statements", "top_level=maybe")
    assert status == 400 and "top_level" in body
