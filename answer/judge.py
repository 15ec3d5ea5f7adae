"""The judge: how likely a paragraph (or a clause of it) answers a question, or concerns its topic,
as a calibrated probability from a small logistic model fitted on the dev gold set
(`python -m eval.fit_judge`, weights in answer/data/judge.json, docs/answer.md).

One judge, three uses: a lookup quotes the best-supported clause of the paragraph the judge ranks
first; a list keeps every candidate whose probability clears the bar; and no candidate clearing it
is the no-answer. A lookup's candidates are ordered by a second set of weights over the same
features, fitted to rank (which of them answers?) rather than to classify (does this one answer?).

    judge = Judge.load(vectors=LibraryVectors.of(library))
    judged = judge.judge(question, hits)  # [Judgement(hit, p, ...)], most probable first
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from answer.question import Question
from index.hits import Hit
from language.acts import lead_acts
from language.facts import Wanted, has_fact, has_full_date
from language.terms import bilingual_coverage, coverage, matched, partial_coverage

log = logging.getLogger(__name__)

JUDGE_PATH = Path(__file__).parent / "data" / "judge.json"

FEATURES = (
    "bias", "cos", "cos_gap", "cos_gap_lang", "bm25", "pivot", "rank", "coverage", "coverage_parts",
    "coverage_title", "coverage_bilingual", "specific", "q_absent", "entity_match", "entity_missing", "entity_conflict", "type_match",
    "fact", "fact_missing", "full_date", "act_match", "act_other", "operative",
    "preamble", "title", "footnote", "same_lang", "named_doc", "named_other", "named_unregistered", "list", "list_cos_gap", "list_coverage",
)
DENSE_FEATURES = ("cos", "cos_gap", "cos_gap_lang")
# The lookup decision (is there an answer at all?) is a question-level model over the judged
# candidates: the top paragraph's probability (as a logit), its lead over the next paragraph, and a few
# of the top paragraph's own features that tell a near miss ("the document exists, the fact doesn't").
ANSWER_FEATURES = ("bias", "top_logit", "top_lead", "cos", "coverage_parts", "coverage_bilingual", "q_absent", "entity_missing",
                   "entity_conflict",
                   "fact_missing", "act_match", "act_other", "same_lang", "named_doc", "named_unregistered")
_OPERATIVE_KINDS = {"operative", "subparagraph"}
_PREAMBLE_KINDS = {"preamble"}


@dataclass(frozen=True)
class Judgement:
    hit: Hit
    p: float  # probability that the paragraph answers the question / concerns the topic
    rank: int = 0  # position in the retrieval order
    dense: tuple[float, float, float] | None = None  # (cos, best cos, best cos in its language)
    lexical_ratio: float = 0.0
    pivot_ratio: float = 0.0


@dataclass(frozen=True)
class JudgeModel:
    """Weights over standardized features; `threshold` is the probability a paragraph must reach."""

    features: tuple[str, ...]
    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    threshold: float = 0.5
    list_threshold: float = 0.5
    meta: dict | None = None
    answer: AnswerModel | None = None  # the lookup decision; None: the top paragraph's p >= threshold
    ranking: np.ndarray | None = None  # weights ordering a lookup's candidates; None: by probability

    def rank_scores(self, x: np.ndarray) -> np.ndarray:
        """The order of a lookup's candidates (higher first): the ranking weights' score, or the
        probability when there are none. Only the order among one question's candidates means anything."""
        if self.ranking is None:
            return self.probability(x)
        return ((x - self.mean) / self.scale) @ self.ranking

    def probability(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.weights
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_json(self) -> dict:
        return {
            "features": list(self.features), "weights": [round(float(w), 6) for w in self.weights],
            "mean": [round(float(v), 6) for v in self.mean], "scale": [round(float(v), 6) for v in self.scale],
            "threshold": self.threshold, "list_threshold": self.list_threshold, "fit": self.meta or {},
            **({"answer": self.answer.to_json()} if self.answer is not None else {}),
            **({"ranking": [round(float(w), 6) for w in self.ranking]} if self.ranking is not None else {}),
        }

    @classmethod
    def from_json(cls, data: dict) -> "JudgeModel":
        names = tuple(data["features"])
        if names != FEATURES:
            raise ValueError(f"judge weights are for features {names}, the code computes {FEATURES}: refit")
        answer = AnswerModel.from_json(data["answer"]) if "answer" in data else None
        ranking = np.array(data["ranking"]) if "ranking" in data else None
        return cls(names, np.array(data["weights"]), np.array(data["mean"]), np.array(data["scale"]),
                   float(data["threshold"]), float(data["list_threshold"]), data.get("fit"), answer, ranking)

    @classmethod
    def prior(cls) -> "JudgeModel":
        """An unfitted model (before `eval.fit_judge` has run): term coverage and cosine gap only."""
        w = np.zeros(len(FEATURES))
        w[FEATURES.index("coverage")] = 4.0
        w[FEATURES.index("cos_gap")] = 30.0
        w[FEATURES.index("bias")] = -2.5
        return cls(FEATURES, w, np.zeros(len(FEATURES)), np.ones(len(FEATURES)), 0.5, 0.5, {"fitted": False})


def _logit(p: float) -> float:
    p = min(max(float(p), 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))


def answer_order(order_by: np.ndarray, kinds) -> list[int]:
    """A lookup's candidates that may answer it (titles never do), best first by `order_by`
    (ties: retrieval order)."""
    return [i for i in np.argsort(-order_by, kind="stable") if kinds[i] != "title"]


def answer_row(x: np.ndarray, p: np.ndarray, ids, kinds, order_by: np.ndarray | None = None) -> np.ndarray | None:
    """ANSWER_FEATURES of one question from its candidates' FEATURES rows `x`, probabilities `p`,
    citation ids and kinds (titles never answer), the top being the first by `order_by` (the ranking
    scores; default `p`); None when there is no candidate to answer from."""
    order_by = p if order_by is None else order_by
    order = answer_order(order_by, kinds)
    if not order:
        return None
    top = order[0]
    second = next((i for i in order[1:] if ids[i] != ids[top]), None)
    row = dict.fromkeys(ANSWER_FEATURES, 0.0)
    row["bias"] = 1.0
    row["top_logit"] = _logit(p[top])
    # With no other citation there is no lead to measure: unknown (NaN), which the answer model reads as
    # its fitted mean, as the judge reads a missing dense feature (a lone candidate is not a clear winner).
    row["top_lead"] = row["top_logit"] - _logit(p[second]) if second is not None else float("nan")
    for name in ANSWER_FEATURES[3:]:
        row[name] = float(x[top, FEATURES.index(name)])
    return np.array([row[f] for f in ANSWER_FEATURES])


@dataclass(frozen=True)
class AnswerModel:
    """Logistic weights over standardized ANSWER_FEATURES; a lookup is answered when the probability
    that its top paragraph answers it reaches `threshold`."""

    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    threshold: float = 0.5

    def probability(self, row: np.ndarray) -> float:
        standardized = (row - self.mean) / self.scale
        z = float(np.where(np.isnan(standardized), 0.0, standardized) @ self.weights)  # unknown: the mean
        return float(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))

    def to_json(self) -> dict:
        return {"features": list(ANSWER_FEATURES), "weights": [round(float(w), 6) for w in self.weights],
                "mean": [round(float(v), 6) for v in self.mean], "scale": [round(float(v), 6) for v in self.scale],
                "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict) -> "AnswerModel":
        if tuple(data["features"]) != ANSWER_FEATURES:
            raise ValueError(f"answer weights are for features {data['features']}, the code computes "
                             f"{ANSWER_FEATURES}: refit")
        return cls(np.array(data["weights"]), np.array(data["mean"]), np.array(data["scale"]),
                   float(data["threshold"]))


def _share(coverage_of, terms, given: frozenset[str]) -> float:
    """A weighted coverage (`coverage_of(terms)`) with the terms labelled in `given` counted as present."""
    if not given:
        return coverage_of(terms)
    total = sum(t.weight for t in terms)
    rest = tuple(t for t in terms if t.label not in given)
    rest_weight = sum(t.weight for t in rest)
    return (coverage_of(rest) * rest_weight + (total - rest_weight)) / total if total else 0.0


def _kind_flags(kind: str) -> tuple[float, float, float, float]:
    """operative, preamble, title, footnote (an annex paragraph is none of them)."""
    return (float(kind in _OPERATIVE_KINDS), float(kind in _PREAMBLE_KINDS), float(kind == "title"),
            float(kind == "footnote"))


class Judge:
    def __init__(self, model: JudgeModel, vectors=None, entities=None, lexicon=None):
        self.model = model
        self.vectors = vectors  # answer.vectors.LibraryVectors, or None: no dense evidence
        self.entities = entities  # language.entities.EntityTable, or None
        self.lexicon = lexicon  # language.bilingual.BilingualLexicon, or None: terms are matched literally only

    @classmethod
    def load(cls, path: Path = JUDGE_PATH, vectors=None, entities=None, lexicon=None) -> "Judge":
        if Path(path).exists():
            try:
                model = JudgeModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
            except ValueError as exc:  # stale weights must not stop `eval.fit_judge` from refitting
                log.warning("%s: %s; using the prior", path, exc)
                model = JudgeModel.prior()
        else:
            log.warning("no judge weights at %s (run python -m eval.fit_judge); using the prior", path)
            model = JudgeModel.prior()
        return cls(model, vectors, entities, lexicon)

    # -- features ---------------------------------------------------------------------------
    def _cosines(self, question: Question, hits: list[Hit]):
        if self.vectors is None or not hits:
            return None, None
        query = self.vectors.query(question.query)
        return query, self.vectors.paragraph_cosines(query, hits)

    def _row(self, question: Question, h: Hit, text: str, dense: tuple[float, float, float, float] | None,
             lexical_ratio: float, rank: int, pivot_ratio: float = 0.0) -> list[float]:
        """FEATURES of `text` (the paragraph's, or a clause window's) of hit `h`.
        `dense` = (cosine, best cosine of all candidates, best cosine of the same language)."""
        row = dict.fromkeys(FEATURES, 0.0)
        row["bias"] = 1.0
        if dense is not None:
            c, best, best_lang = dense
            row["cos"], row["cos_gap"], row["cos_gap_lang"] = c, c - best, c - best_lang
        row["bm25"] = lexical_ratio
        row["pivot"] = pivot_ratio
        row["rank"] = 1.0 / (1 + rank)
        q_entities = question.entities
        typed = False  # the paragraph names an entity of a type the question names by class
        if self.entities is not None and (q_entities or question.concepts):
            found = self.entities.ids(text + "\n" + h.title)
            if q_entities:
                row["entity_match"] = len(q_entities & found) / len(q_entities)
                row["entity_missing"] = float(not (q_entities & found))
                types = {self.entities.by_id[e].type for e in q_entities if e in self.entities.by_id}
                row["entity_conflict"] = float(bool(self.entities.of_type(found, *types)) and not (q_entities & found))
            if question.concepts:
                typed = bool(self.entities.of_type(found, *question.concepts))
                row["type_match"] = float(typed)
        # A term that names a class ("维持和平行动", "peacekeeping operations") is covered by a paragraph
        # naming one of its members (UNEF, 联塞部队), in any language, as a word of it would be.
        given = question.class_terms if typed else frozenset()
        terms = question.terms
        row["coverage"] = _share(lambda ts: coverage(ts, text), terms, given)
        row["coverage_parts"] = _share(lambda ts: partial_coverage(ts, text), terms, given)
        row["coverage_title"] = coverage(terms, h.title) if h.title else 0.0
        # Through the bilingual lexicon only across languages: inside one language, matching a compound
        # word by word ("维持和平行动" in "维持国际和平 ... 行动") is looser than the literal match.
        row["coverage_bilingual"] = (_share(lambda ts: bilingual_coverage(ts, text, self.lexicon), terms, given)
                                     if self.lexicon is not None and h.lang != question.lang
                                     else row["coverage_parts"])
        row["specific"] = float(any(not t.generic for t in matched(terms, text)) or bool(given))
        specific = [t for t in terms if not t.generic]
        row["q_absent"] = sum(t.weight for t in specific if t.absent) / (sum(t.weight for t in specific) or 1.0)
        wanted = question.wanted
        if wanted != Wanted.ANY:
            present = has_fact(text, wanted)
            row["fact"], row["fact_missing"] = float(present), float(not present)
            row["full_date"] = float(wanted == Wanted.DATE and has_full_date(text))
        if question.acts:
            # The act the question asks about ("What did 598 demand?") against the verb the paragraph
            # opens with, in its own language ("Demands that", "Exige", "要求"); of the whole paragraph.
            opens = lead_acts(h.text, h.lang)
            row["act_match"] = float(bool(opens & question.acts))
            row["act_other"] = float(bool(opens) and not opens & question.acts)
        row["operative"], row["preamble"], row["title"], row["footnote"] = _kind_flags(h.kind)
        row["same_lang"] = float(h.lang == question.lang)
        if question.named_symbols:
            named = h.symbol in question.named_symbols
            row["named_doc"], row["named_other"] = float(named), float(not named)
        # A resolution named by a number no document carries ("resolution 1325" in a library without it).
        row["named_unregistered"] = float(bool(question.unregistered) and not question.named_symbols)
        if question.is_list:
            row["list"] = 1.0
            row["list_cos_gap"] = row["cos_gap"]
            row["list_coverage"] = row["coverage"]
        return [row[f] for f in FEATURES]

    def features(self, question: Question, hits: list[Hit]) -> np.ndarray:
        """One row of FEATURES per hit (hits in retrieval order)."""
        _q, cos = self._cosines(question, hits)
        x = np.zeros((len(hits), len(FEATURES)))
        if not hits:
            return x
        best_lexical = max(h.lexical_score or 0.0 for h in hits) or 1.0
        best_pivot = max(h.pivot_score or 0.0 for h in hits) or 1.0
        best_lang: dict[str, float] = {}
        if cos is not None:
            for h, c in zip(hits, cos):
                best_lang[h.lang] = max(best_lang.get(h.lang, -1.0), float(c))
        for i, h in enumerate(hits):
            dense = None if cos is None else (float(cos[i]), float(cos.max()), best_lang[h.lang])
            x[i] = self._row(question, h, h.text, dense, (h.lexical_score or 0.0) / best_lexical, i,
                             (h.pivot_score or 0.0) / best_pivot)
        if cos is None:
            # No dense evidence (a library without an embedder): the dense features take their
            # fitted means, so they push neither way and the lexical evidence decides.
            for name in DENSE_FEATURES:
                j = FEATURES.index(name)
                x[:, j] = self.model.mean[j]
            if question.is_list:
                x[:, FEATURES.index("list_cos_gap")] = self.model.mean[FEATURES.index("list_cos_gap")]
        return x

    def best_window(self, question: Question, judged: "Judgement") -> tuple[int, int]:
        """The clause window of the paragraph the model finds most probable to hold the answer: the
        same weights, with the window's terms, entities and facts in place of the paragraph's (its
        dense features stay the paragraph's: embedding every window would cost more than it tells)."""
        from answer.clauses import windows

        h = judged.hit
        spans = windows(h.text, h.lang) or [(0, len(h.text))]
        texts = [h.text[a:b] for a, b in spans]
        rows = np.array([self._row(question, h, t, judged.dense, judged.lexical_ratio, judged.rank, judged.pivot_ratio)
                         for t in texts])
        p = self.model.probability(rows)
        widths = [b - a for a, b in spans]
        best = max(range(len(spans)), key=lambda i: (round(float(p[i]), 3), -widths[i], -i))
        return spans[best]

    # -- decisions ---------------------------------------------------------------------------
    def judge(self, question: Question, hits: list[Hit]) -> list[Judgement]:
        """Every hit with its probability, best first (see `_judged`)."""
        return self._judged(question, list(hits))[2]

    def _judged(self, question: Question, hits: list[Hit]):
        """Features, probabilities and judgements: a list's most probable first, a lookup's in the
        ranking weights' order (ties: retrieval order)."""
        if not hits:
            return np.zeros((0, len(FEATURES))), np.zeros(0), []
        x = self.features(question, hits)
        p = self.model.probability(x)
        order_by = p if question.is_list else self.model.rank_scores(x)
        col = {f: FEATURES.index(f) for f in ("cos", "cos_gap", "cos_gap_lang", "bm25", "pivot")}
        out = []
        for i, h in enumerate(hits):
            dense = None
            if self.vectors is not None:
                c = float(x[i, col["cos"]])
                dense = (c, c - float(x[i, col["cos_gap"]]), c - float(x[i, col["cos_gap_lang"]]))
            out.append(Judgement(h, float(p[i]), i, dense, float(x[i, col["bm25"]]), float(x[i, col["pivot"]])))
        return x, p, sorted(out, key=lambda j: (-float(order_by[j.rank]), j.rank))

    def bar(self, question: Question) -> float:
        return self.model.list_threshold if question.is_list else self.model.threshold

    def answerable(self, question: Question, hits: list[Hit]) -> float:
        """The probability that the most probable paragraph answers the lookup `question` (the
        answer model's; without one, that paragraph's own probability)."""
        x, p, judged = self._judged(question, list(hits))
        return self._answerable(x, p, judged)

    def _answerable(self, x, p, judged) -> float:
        if self.model.answer is None:
            return next((j.p for j in judged if j.hit.kind != "title"), 0.0)
        hits = [None] * len(judged)
        for j in judged:
            hits[j.rank] = j.hit
        row = answer_row(x, p, [h.id for h in hits], [h.kind for h in hits], self.model.rank_scores(x))
        return 0.0 if row is None else self.model.answer.probability(row)

    def accepted(self, question: Question, hits: list[Hit]) -> list[Judgement]:
        """The judged hits that clear the bar (titles never do: a title names a topic). A lookup is
        answered (its most probable paragraph first) when the answer model says so; then the other
        paragraphs that clear the paragraph bar follow it."""
        x, p, everything = self._judged(question, list(hits))
        judged = [j for j in everything if j.hit.kind != "title"]
        bar = self.bar(question)
        if question.is_list or self.model.answer is None:
            return [j for j in judged if j.p >= bar]
        if not judged or self._answerable(x, p, everything) < self.model.answer.threshold:
            return []
        return [judged[0], *(j for j in judged[1:] if j.p >= bar)]
