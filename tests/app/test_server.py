"""The launched app through gradio_client: named endpoints, uploads, login."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from gradio_client import Client, handle_file

import app
from conftest import launched
from fakes import fake_parse
from resqa.settings import Settings

pytestmark = pytest.mark.integration
PEACEKEEPING_ZH = "哪些段落涉及维持和平行动？"


@pytest.fixture
def fake_parser(monkeypatch):
    from ui import handlers

    monkeypatch.setattr(handlers, "_default_parse", fake_parse)


def test_client_round_trip_ask_search_docs(fake_assistant, settings):
    demo = app.build_app(fake_assistant, settings)
    with launched(demo) as url:
        client = Client(url, verbose=False)
        api = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
        assert {"/ask", "/search", "/docs", "/ingest"} <= set(api)
        answer = client.predict(PEACEKEEPING_ZH, api_name="/ask")
        assert answer["citations"][:2] == ["A/67/L.X#op7", "A/67/L.X#op8"]
        assert {h["id"] for h in answer["hits"]} >= set(answer["citations"])
        follow = client.predict("那第8段呢？", json.dumps([{"role": "user", "content": PEACEKEEPING_ZH},
                                                       {"role": "assistant", "content": answer["answer"]}]),
                                api_name="/ask")
        assert fake_assistant.histories[-1][0]["content"] == PEACEKEEPING_ZH
        assert isinstance(follow["citations"], list)
        hits = client.predict("regroupement familial", 3, "hybrid", "", "fr", api_name="/search")["hits"]
        assert hits and {h["lang"] for h in hits} == {"fr"}
        docs = client.predict(api_name="/docs")["documents"]
        assert len(docs) == 4


def test_client_errors_are_messages(fake_assistant, settings):
    demo = app.build_app(fake_assistant, settings)
    with launched(demo) as url:
        client = Client(url, verbose=False)
        with pytest.raises(Exception, match="Year must be a number"):
            client.predict(PEACEKEEPING_ZH, "[]", "", "", "", "", "", "soon", api_name="/ask")


def test_client_ingest_upload_and_bad_upload(fake_assistant, settings, tmp_path, samples_dir, fake_parser):
    good = tmp_path / "my resolution.txt"
    good.write_text("SYMBOL: A/67/L.Z zh\n" + (samples_dir / "zh" / "A_67_L_francophonie_draft.txt").read_text(
        encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "tool.exe"
    bad.write_bytes(b"MZ\x90\x00")
    demo = app.build_app(fake_assistant, settings)
    with launched(demo) as url:
        client = Client(url, verbose=False)
        result = client.predict([handle_file(str(good))], api_name="/ingest")
        assert result[0]["added"] == ["A/67/L.Z (zh) ← my resolution.txt"]
        before = client.predict(api_name="/docs")
        # Gradio's File component refuses it first; our own check (tested in test_uploads) is the backstop.
        with pytest.raises(Exception, match=r"Invalid file type|unsupported file type"):
            client.predict([handle_file(str(bad))], api_name="/ingest")
        assert client.predict(api_name="/docs") == before


def test_login_required_when_auth_is_set(fake_assistant, tmp_path):
    settings = Settings(store_dir=tmp_path / "store", embed_model="fake", auth="staff:correct horse")
    demo = app.build_app(fake_assistant, settings)
    from ui.auth import load_users

    with launched(demo, auth=load_users(settings)) as url:
        for path in ("config", "gradio_api/info"):
            with pytest.raises(urllib.error.HTTPError, match="401"):
                urllib.request.urlopen(url + path)
        request = urllib.request.Request(url + "gradio_api/call/ask", data=b'{"data": ["x"]}', method="POST",
                                         headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError, match="401"):
            urllib.request.urlopen(request)
        with pytest.raises(Exception):
            Client(url, verbose=False)
        client = Client(url, auth=("staff", "correct horse"), verbose=False)
        assert client.predict(PEACEKEEPING_ZH, api_name="/ask")["citations"][0] == "A/67/L.X#op7"
