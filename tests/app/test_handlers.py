"""Handler functions, without a server, on fakes built from real sample paragraphs."""

from __future__ import annotations

import json

import pytest

from fakes import fake_parse
from index.hits import SearchFilters
from resqa.errors import ParseError, ResqaError
from ui import handlers

pytestmark = pytest.mark.unit
PEACEKEEPING_ZH = "哪些段落涉及维持和平行动？"


def test_ask_turns_streams_then_finishes_with_citations_and_languages(fake_assistant):
    states = list(handlers.ask_turns(fake_assistant, PEACEKEEPING_ZH, []))
    assert len(states) > 3  # the empty pending turn, several chunks, the final turn
    assert states[0][-1]["pending"] is True and states[0][-1]["answer"] == ""
    assert all(s[-1]["pending"] for s in states[:-1])
    final = states[-1][-1]
    assert final["pending"] is False
    assert final["citations"][:2] == ["A/67/L.X#op7", "A/67/L.X#op8"]
    assert final["langs"]["A/67/L.X#op7"] == "zh"
    assert [s["cite"] for s in final["sources"]] == final["citations"]


def test_follow_up_passes_the_history_to_the_assistant(fake_assistant):
    first = list(handlers.ask_turns(fake_assistant, PEACEKEEPING_ZH, []))[-1]
    list(handlers.ask_turns(fake_assistant, "那第8段呢？", first))
    history = fake_assistant.histories[-1]
    assert [m["role"] for m in history] == ["user", "assistant"]
    assert history[0]["content"] == PEACEKEEPING_ZH
    assert "A/67/L.X#op7" in history[1]["content"]


def test_empty_question_is_a_message(fake_assistant):
    with pytest.raises(ResqaError, match="Type a question first"):
        list(handlers.ask_turns(fake_assistant, "   ", []))


def test_filters_are_applied_by_the_chat(fake_assistant):
    filters = handlers.parse_filters(symbols=["A/RES/55/100"], lang="fr")
    final = list(handlers.ask_turns(fake_assistant, "regroupement familial importance", [], filters))[-1][-1]
    assert final["citations"] and all(c.startswith("A/RES/55/100#") for c in final["citations"])
    assert set(final["langs"].values()) == {"fr"}


def test_parse_filters_maps_widgets_to_search_filters():
    f = handlers.parse_filters(["A/67/L.X", " "], organ="SC", session=" 67 ", year="2012", lang="Any", kind="operative")
    assert f == SearchFilters(symbols=("A/67/L.X",), organ="Security Council", session="67", year=2012, kind="operative")
    assert handlers.parse_filters().is_empty()
    with pytest.raises(ResqaError, match="Year must be a number"):
        handlers.parse_filters(year="twenty")
    with pytest.raises(ResqaError, match="outside 1945"):
        handlers.parse_filters(year="1800")


def test_open_nav_renders_cited_paragraph_with_versions(fake_library):
    html = handlers.open_nav(fake_library, json.dumps({"cite": "A/RES/55/100#op2", "lang": "en"}))
    assert 'data-ref="op2" aria-current="true"' in html
    assert "2. Reaffirms that all Governments" in html
    assert "重申各国政府" in html and "2. Réaffirme que tous les gouvernements" in html


def test_open_nav_whole_document_and_bad_requests(fake_library):
    html = handlers.open_nav(fake_library, json.dumps({"doc": "A/67/L.X", "lang": "zh"}))
    assert html.count('class="para-text"') == 46
    with pytest.raises(ResqaError, match="not a citation"):
        handlers.open_nav(fake_library, json.dumps({"cite": "op7"}))
    assert "not in the index" in handlers.open_nav(fake_library, json.dumps({"cite": "A/1/L.1#op1"}))


def test_search_and_docs_json(fake_library):
    hits = handlers.search_json(fake_library, PEACEKEEPING_ZH, k=2)["hits"]
    assert [h["id"] for h in hits] == ["A/67/L.X#op7", "A/67/L.X#op8"]
    docs = handlers.documents_json(fake_library)["documents"]
    assert {(d["symbol"], d["lang"]) for d in docs} == {
        ("A/67/L.X", "zh"), ("A/RES/55/100", "en"), ("A/RES/55/100", "zh"), ("A/RES/55/100", "fr")}
    with pytest.raises(ResqaError, match="mode must be one of"):
        handlers.search_json(fake_library, "x", mode="magic")


def test_documents_rows_have_symbol_lang_title_paragraphs_time(fake_library):
    rows = handlers.documents_rows(fake_library)
    assert rows[0] == ["A/67/L.X", "zh", "联合国同法语国家国际组织的合作", 46, "2026-01-01 00:00:00"]


def test_delete_needs_confirmation_then_removes_one_language(fake_library):
    with pytest.raises(ResqaError, match="Tick"):
        handlers.delete_document(fake_library, "A/RES/55/100|fr", confirmed=False)
    assert len(fake_library.documents()) == 4
    message = handlers.delete_document(fake_library, "A/RES/55/100|fr", confirmed=True)
    assert message == "Deleted A/RES/55/100 (fr): 9 paragraphs removed."
    assert ("A/RES/55/100", "fr") not in {(d.symbol, d.lang) for d in fake_library.documents()}
    with pytest.raises(ResqaError, match="is not in the index"):
        handlers.delete_document(fake_library, "A/RES/55/100|fr", confirmed=True)


def _upload(tmp_path, name, body):
    path = tmp_path / "gradio" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def _sample_upload(tmp_path, samples_dir, name="francophonie.txt", symbol="A/67/L.Y"):
    body = f"SYMBOL: {symbol} zh\n" + (samples_dir / "zh" / "A_67_L_francophonie_draft.txt").read_text(encoding="utf-8")
    return _upload(tmp_path, name, body)


def test_ingest_uploads_reports_added_then_unchanged_with_progress(fake_library, settings, tmp_path, samples_dir):
    path = _sample_upload(tmp_path, samples_dir)
    seen = []
    report = handlers.ingest_uploads(fake_library, [path], settings, upload_root=tmp_path / "gradio",
                                     progress=lambda d, t, label: seen.append((d, t)), parse=fake_parse,
                                     work_dir=tmp_path / "work")
    assert report["added"] == ["A/67/L.Y (zh) ← francophonie.txt"]
    assert seen[-1] == (2, 2)
    info = next(d for d in fake_library.documents() if d.symbol == "A/67/L.Y")
    assert info.source == "francophonie.txt"  # the user's name is kept as the source, not as a path
    again = handlers.ingest_uploads(fake_library, [path], settings, upload_root=tmp_path / "gradio",
                                    parse=fake_parse, work_dir=tmp_path / "work")
    assert again["unchanged"] == ["A/67/L.Y (zh) ← francophonie.txt"]
    assert list((tmp_path / "work").iterdir()) == []  # the private copies are gone


def test_bad_upload_type_leaves_store_unchanged(fake_library, settings, tmp_path, samples_dir):
    good = _sample_upload(tmp_path, samples_dir)
    bad = _upload(tmp_path, "payload.exe", "MZ")
    before = handlers.documents_rows(fake_library)
    with pytest.raises(ParseError, match=r"payload.exe: unsupported file type \.exe"):
        handlers.ingest_uploads(fake_library, [good, bad], settings, upload_root=tmp_path / "gradio", parse=fake_parse)
    assert handlers.documents_rows(fake_library) == before


def test_unparseable_upload_is_a_message_and_store_unchanged(fake_library, settings, tmp_path):
    bad = _upload(tmp_path, "notes.txt", "just some notes, not a resolution")
    before = handlers.documents_rows(fake_library)
    with pytest.raises(ParseError, match="notes.txt: nothing was indexed .*no UN document structure"):
        handlers.ingest_uploads(fake_library, [bad], settings, upload_root=tmp_path / "gradio", parse=fake_parse)
    assert handlers.documents_rows(fake_library) == before


def test_mixed_batch_indexes_good_files_and_reports_failures(fake_library, settings, tmp_path, samples_dir):
    good = _sample_upload(tmp_path, samples_dir)
    bad = _upload(tmp_path, "notes.txt", "just some notes")
    report = handlers.ingest_uploads(fake_library, [good, bad], settings, upload_root=tmp_path / "gradio",
                                     parse=fake_parse)
    assert report["added"] == ["A/67/L.Y (zh) ← francophonie.txt"]
    assert report["failed"] == [{"path": "notes.txt", "error": "no UN document structure found"}]
    assert "**failed**: notes.txt — no UN document structure found" in handlers.report_markdown(report)


def test_citation_opens_in_the_question_language_when_retrieved(fake_library):
    from fakes import FakeAnswer

    versions = fake_library.versions("A/RES/55/100", "op2")
    answer = FakeAnswer("x [A/RES/55/100#op2]", ("A/RES/55/100#op2",), tuple(versions), lang="fr")
    turn = handlers._finished_turn("q", answer)
    assert [h.lang for h in versions][0] != "fr"
    assert turn["langs"]["A/RES/55/100#op2"] == "fr"

