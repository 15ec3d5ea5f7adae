"""The optional generated answer: an OpenAI-compatible endpoint (Ollama, vLLM, a
llama.cpp server) through llama-index's `OpenAILike`, built only when
`RESQA_LLM_URL` is set, or a local GGUF model run in-process (`RESQA_LLM_GGUF`,
answer/local_llm.py). With neither configured nothing here runs or connects.

Retrieved paragraphs go into the prompt as delimited data, within a tiktoken budget.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator, Sequence

import prompts
from answer.phrasing import ui_lang
from index.hits import Hit
from resqa.errors import AnswerError, ConfigError
from resqa.settings import Settings

log = logging.getLogger(__name__)

CONTEXT_TOKENS = 3000  # retrieved paragraphs
# A CPU model reads a 3,000-token prompt for minutes before its first token on a busy machine;
# the timeout is per read, so a streaming answer is not cut while tokens arrive.
TIMEOUT_SECONDS = 600.0
MAX_TOKENS = 512
HISTORY_TOKENS = 600  # previous turns
_DELIMITER = re.compile(r"<(/?)(documents|paragraph|conversation)", re.IGNORECASE)


def build_llm(settings: Settings):
    """The configured LLM, or None when neither `RESQA_LLM_URL` nor `RESQA_LLM_GGUF` is set."""
    if settings.llm_gguf is not None:
        from answer.local_llm import InProcessLLM

        return InProcessLLM(settings.llm_gguf)
    if not settings.llm_url:
        return None
    try:
        from llama_index.llms.openai_like import OpenAILike
    except ImportError as exc:  # pragma: no cover - it is a pinned dependency
        raise ConfigError("the LLM backend needs llama-index-llms-openai-like: pip install -e .") from exc
    return OpenAILike(
        model=settings.llm_model,
        api_base=settings.llm_url,
        api_key=settings.llm_api_key or "none",
        is_chat_model=True,
        timeout=TIMEOUT_SECONDS,
        max_retries=0,
        max_tokens=MAX_TOKENS,
        temperature=0.0,
    )


@functools.lru_cache(maxsize=1)
def _encoding():
    import tiktoken  # needs TIKTOKEN_CACHE_DIR (configure_offline_environment) to stay offline

    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text))


def _as_data(text: str) -> str:
    """Neutralise our delimiters inside document text so a document can't close its own quote."""
    return _DELIMITER.sub(lambda m: "‹" + m.group(1) + m.group(2), text)


def paragraphs_block(hits: Sequence[Hit], budget: int = CONTEXT_TOKENS) -> tuple[str, tuple[str, ...]]:
    """The delimited paragraphs that fit the token budget, and the ids included."""
    template = prompts.load("paragraph", "en")
    parts, ids, used = [], [], 0
    seen = set()
    for hit in hits:
        key = (hit.id, hit.lang)
        if key in seen:
            continue
        seen.add(key)
        part = template.format(cite=hit.id, lang=hit.lang, kind=hit.kind, text=_as_data(hit.text.strip()))
        cost = count_tokens(part)
        if used + cost > budget:
            if not parts:  # always give the model the best paragraph, cut to the budget
                part = _encoding().decode(_encoding().encode(part)[:budget])
                parts.append(part)
                ids.append(hit.id)
            break
        parts.append(part)
        ids.append(hit.id)
        used += cost
    return "\n".join(parts), tuple(dict.fromkeys(ids))


def history_block(turns: Sequence[tuple[str, str]], budget: int = HISTORY_TOKENS) -> str:
    """The most recent turns that fit the budget, oldest first."""
    kept, used = [], 0
    for role, content in reversed(turns):
        line = f"{role}: {_as_data(content.strip())}"
        cost = count_tokens(line)
        if used + cost > budget:
            break
        kept.append(line)
        used += cost
    if not kept:
        return ""
    return prompts.load("history", "en").format(turns="\n".join(reversed(kept)))


def build_messages(question: str, hits: Sequence[Hit], lang: str, turns=()) -> tuple[list, tuple[str, ...]]:
    """The chat messages for a question, and the ids of the paragraphs the model sees."""
    from llama_index.core.llms import ChatMessage, MessageRole

    block, ids = paragraphs_block(hits)
    lang = ui_lang(lang)
    user = prompts.load("question", lang).format(
        history=history_block(turns), paragraphs=block, question=_as_data(question)
    )
    system = prompts.load("system", lang)
    return [ChatMessage(role=MessageRole.SYSTEM, content=system), ChatMessage(role=MessageRole.USER, content=user)], ids


def stream_answer(llm, messages) -> Iterator[str]:
    """Text deltas from the model; any transport failure becomes an AnswerError."""
    try:
        for response in llm.stream_chat(messages):
            delta = response.delta or ""
            if delta:
                yield delta
    except Exception as exc:  # the endpoint is outside our control: one clear error
        raise AnswerError(f"the LLM endpoint failed: {exc}") from exc
