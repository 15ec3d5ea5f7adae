"""`resqa mcp` as a desktop assistant meets it: the official SDK's client starts the
server as a subprocess over stdio against a real store (fake embedder, real Chroma,
real parser) and calls every tool."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from resqa.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
pytestmark = [pytest.mark.integration]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("mcp-store")
    common = ["--store", str(store), "--embed-model", "fake"]
    assert main(["ingest", str(SAMPLES / "zh" / "A_67_L_francophonie_draft.txt"), "--symbol", "A/67/L.X",
                 *common]) == 0
    for lang in ("en", "zh", "fr"):
        assert main(["ingest", str(SAMPLES / lang / "A_RES_55_100.partial.txt"), "--symbol", "A/RES/55/100",
                     "--lang", lang, *common]) == 0
    return store


def call_tools(store: Path, calls: list[tuple[str, dict]]):
    """Start `resqa mcp` with the SDK's stdio client; return the tool list and each call's result."""
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=sys.executable, args=["-m", "resqa.cli", "mcp", "--store", str(store), "--embed-model", "fake"],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=str(ROOT),
    )

    async def session():
        async with Client(params, read_timeout_seconds=120) as client:
            tools = await client.list_tools()
            results = [await client.call_tool(name, args) for name, args in calls]
            return tools, results

    return asyncio.run(asyncio.wait_for(session(), timeout=300))


def test_mcp_tools_over_stdio_carry_citations_versions_and_footnotes(store):
    tools, (docs, found, asked, paragraph, missing, bad_args) = call_tools(store, [
        ("list_documents", {}),
        ("search", {"query": "维持和平行动", "k": 3, "mode": "lexical"}),
        ("ask", {"question": "哪些段落涉及维持和平行动？", "mode": "lexical"}),
        ("get_paragraph", {"citation": "A/RES/55/100#op1", "lang": "en"}),
        ("get_paragraph", {"citation": "A/RES/55/100#op99"}),
        ("search", {"query": "x", "k": 0}),
    ])
    by_name = {t.name: t for t in tools.tools}
    assert sorted(by_name) == ["ask", "get_paragraph", "list_documents", "search"]
    assert by_name["search"].input_schema["properties"]["k"]["maximum"] == 100
    assert by_name["search"].input_schema["required"] == ["query"]

    listed = docs.structured_content["documents"]
    assert [(d["symbol"], d["lang"]) for d in listed] == [
        ("A/67/L.X", "zh"), ("A/RES/55/100", "en"), ("A/RES/55/100", "fr"), ("A/RES/55/100", "zh")]

    hits = found.structured_content["hits"]
    assert hits[0]["citation"] == "A/67/L.X#op7" and hits[0]["lang"] == "zh"

    answer = asked.structured_content
    assert answer["citations"][:2] == ["A/67/L.X#op7", "A/67/L.X#op8"]
    assert answer["sources"][0]["where"] == "执行部分第7段"
    assert "1. `A/67/L.X#op7` — 执行部分第7段, 中文" in answer["markdown"]

    para = paragraph.structured_content
    assert (para["citation"], para["lang"], para["where"]) == ("A/RES/55/100#op1", "en", "operative paragraph 1")
    assert sorted(v["lang"] for v in para["versions"]) == ["fr", "zh"]

    assert missing.is_error is True
    assert missing.content[0].text == "Error executing tool get_paragraph: A/RES/55/100#op99 is not in the index"
    assert bad_args.is_error is True
    assert "greater than or equal to 1" in bad_args.content[0].text


def test_get_paragraph_returns_the_footnotes_it_cites(store):
    _, (paragraph, no_version) = call_tools(store, [
        ("get_paragraph", {"citation": "A/67/L.X#pp9"}),
        ("get_paragraph", {"citation": "A/67/L.X#pp9", "lang": "fr"}),
    ])
    para = paragraph.structured_content
    assert para["footnotes"] == [{"ref": "fn1", "text": "第 66/288 号决议，附件。"}]
    assert para["versions"] == []
    assert no_version.is_error is True
    assert no_version.content[0].text == (
        "Error executing tool get_paragraph: A/67/L.X#pp9 has no fr version in the index (indexed: zh)")
