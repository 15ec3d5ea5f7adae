"""Every tuned value of retrieval, in one validated, frozen config.

    config = RetrievalConfig()                      # the shipped values
    RetrievalConfig(rrf_k=0)                        # ConfigError: rrf_k=0 must be positive

Each field says how it was chosen. Which paragraphs a list keeps is not a retrieval threshold: the
answer layer's judge decides (answer/judge.py, docs/answer.md).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from resqa.errors import ConfigError


@dataclass(frozen=True)
class RetrievalConfig:
    # -- fusion (chosen on eval/gold/dev.jsonl, docs/quality.md) ---------------------------------
    # RRF constant of every fusion (one value: the 60 of the RRF paper lost on dev to 20, which lets
    # the first ranks of each channel count more).
    rrf_k: float = 20.0
    # Weight of the BM25 ranking (each language's dense ranking weighs 1): at 1.0 and above,
    # keyword-heavy boilerplate outranked the paragraph the dense channel found; at 0.5 lookups lost.
    lexical_weight: float = 0.7
    # Weight of the cross-language BM25 ranking over bilingual pivot keys (language/bilingual.py);
    # 0 turns the channel off.
    pivot_weight: float = 0.4
    # Weight of the ranking of the paragraphs inside a resolution the question names by number
    # (same as one language's dense ranking; not tuned further).
    named_weight: float = 1.0
    # Fused score multiplier of title paragraphs: a title names the topic and answers nothing
    # (dev: titles took top slots of lookups at 1.0).
    title_factor: float = 0.5
    # A language's dense ranking counts fully when its best cosine stands language_margin_scale over
    # its own margin_rank-th cosine, down to language_weight_floor for a flat ranking (dev grid,
    # docs/quality.md: a French UDHR article no longer tops an English question on mine clearance).
    language_margin_scale: float = 0.05
    language_weight_floor: float = 0.6
    # The dense margin of a hit is its cosine minus the margin_rank-th cosine of its language
    # (the top 10 is what a lookup shows; the answerer's evidence rule reads the margin).
    margin_rank: int = 10

    # -- candidates -----------------------------------------------------------------------------------
    # Candidates per channel and language for a top-k search: max(candidates_per_k * k,
    # min_candidates). 3x / 30 keeps recall@10 on dev equal to 200 candidates at a fraction of the cost.
    candidates_per_k: int = 3
    min_candidates: int = 30

    # -- caching ------------------------------------------------------------------------------------------
    # Query embeddings kept in memory: a list question searches the same query twice, and the UI
    # re-asks follow-ups; 64 is far above one conversation and costs ~100 KB.
    query_memo: int = 64

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"RetrievalConfig.{f.name}={value!r} must be a number")
        positive = ("rrf_k", "margin_rank", "candidates_per_k", "min_candidates", "query_memo")
        for name in positive:
            if getattr(self, name) <= 0:
                raise ConfigError(f"RetrievalConfig.{name}={getattr(self, name)!r} must be positive")
        for name in ("lexical_weight", "pivot_weight", "named_weight", "language_margin_scale"):
            if getattr(self, name) < 0:
                raise ConfigError(f"RetrievalConfig.{name}={getattr(self, name)!r} must not be negative")
        for name in ("title_factor", "language_weight_floor"):
            if not 0 <= getattr(self, name) <= 1:
                raise ConfigError(f"RetrievalConfig.{name}={getattr(self, name)!r} must be between 0 and 1")

    def candidates(self, k: int) -> int:
        """Candidates per channel and language for a search of `k` hits."""
        return max(self.candidates_per_k * k, self.min_candidates)
