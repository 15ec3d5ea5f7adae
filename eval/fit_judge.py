"""Fit the judge (answer/judge.py) on the dev gold set and write its weights.

    python -m eval.fit_judge eval/gold/dev.jsonl            # store from RESQA_STORE
    python -m eval.fit_judge eval/gold/dev.jsonl --report docs/judge_fit.md

Labelled pairs: for every dev question, the candidates the assistant gives the judge (its search,
and for lists every paragraph of a named document); a candidate is positive when its `SYMBOL#REF`
is among the question's relevant refs, negative otherwise; every candidate of a noanswer question
is negative. A logistic regression (L2, Newton's method, numpy) is fitted on standardized
features. The two decision bars are then chosen on the fitted probabilities: the lookup bar
maximizes the mean of no-answer accuracy and answered-share (balanced question-level accuracy),
the list bar maximizes the mean F1 of list questions. Out-of-fold (5-fold by question) log-loss
and AUC are reported next to the in-sample ones.

The ranking weights, which order a lookup's candidates, are a conditional logit over the same
standardized features: for each answerable lookup, a softmax over its candidates, fitted (L2,
Newton) to put the probability on its relevant paragraphs. Classifying each pair on its own
puts a relevant paragraph first for fewer questions (out-of-fold top-1, in the report). The lookup
decision is then fitted on the out-of-fold ranking's top paragraph.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from answer.judge import ANSWER_FEATURES, FEATURES, JUDGE_PATH, AnswerModel, JudgeModel, answer_order, answer_row
from eval.metrics import ref_key

log = logging.getLogger(__name__)

L2 = 1.0  # ridge penalty on standardized weights (not on the bias)
FOLDS = 5
GRID = np.round(np.arange(0.05, 0.96, 0.01), 2)  # the bars tried
# A bar is chosen on its criterion averaged over the bars within SMOOTHING of it: with ~65 noanswer
# questions the raw criterion is flat and jagged, and its arg-max jumped between fits (0.58, 0.49, 0.76).
SMOOTHING = 0.05


def best_bar(score) -> tuple[float, float]:
    """The bar of GRID with the best smoothed `score(bar)` (ties: nearest 0.5), and its raw score."""
    raw = {float(t): float(score(t)) for t in GRID}
    smooth = {t: np.mean([v for u, v in raw.items() if abs(u - t) <= SMOOTHING + 1e-9]) for t in raw}
    bar = max(raw, key=lambda t: (round(smooth[t], 4), -abs(t - 0.5)))
    return bar, raw[bar]


def read_gold(path: Path) -> list[dict]:
    """Gold questions as dicts (lenient: question types added later are kept)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def labelled_pairs(assistant, gold: list[dict], progress=None):
    """Features, labels and the question index of every (question, candidate) pair."""
    from index.hits import SearchFilters, SearchMode

    xs, ys, groups, info = [], [], [], []
    for n, g in enumerate(gold):
        q = assistant.understand(g["question"])
        if q.action != "search":
            continue
        hits = assistant.candidates(q, SearchFilters(), SearchMode.HYBRID)
        if not hits:
            continue
        relevant = {ref_key(r) for r in g.get("relevant", ())}
        x = assistant.judge.features(q, hits)
        y = np.array([ref_key(h.id) in relevant for h in hits], dtype=float)
        xs.append(x)
        ys.append(y)
        groups.append(np.full(len(hits), n))
        info.append({"id": g["id"], "type": g["type"], "is_list": q.is_list, "n_relevant": len(relevant),
                     "kinds": [h.kind for h in hits], "ids": [h.id for h in hits]})
        if progress:
            progress(n + 1, len(gold), g["id"])
    return np.vstack(xs), np.concatenate(ys), np.concatenate(groups), info


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, iterations: int = 50,
                 bias: int = FEATURES.index("bias")):
    """Standardize, then Newton's method on the L2-penalized log-likelihood (column `bias` is the intercept)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    mean[bias], scale[bias] = 0.0, 1.0
    scale = np.where(scale < 1e-9, 1.0, scale)
    z = (x - mean) / scale
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[bias] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w, mean, scale


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve (rank statistic, ties averaged)."""
    order = np.argsort(p, kind="mergesort")
    ranks = np.empty(len(p))
    ranks[order] = np.arange(1, len(p) + 1)
    for value in np.unique(p):  # average tied ranks
        tied = p == value
        ranks[tied] = ranks[tied].mean()
    pos, neg = y.sum(), len(y) - y.sum()
    if not pos or not neg:
        return float("nan")
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def out_of_fold(x, y, groups, l2=L2, bias: int = FEATURES.index("bias")) -> np.ndarray:
    p = np.zeros(len(y))
    folds = groups % FOLDS
    for f in range(FOLDS):
        train, test = folds != f, folds == f
        w, mean, scale = fit_logistic(x[train], y[train], l2, bias=bias)
        p[test] = 1 / (1 + np.exp(-np.clip(((x[test] - mean) / scale) @ w, -30, 30)))
    return p


def fit_ranking(x: np.ndarray, y: np.ndarray, groups: np.ndarray, info, mean: np.ndarray, scale: np.ndarray,
                questions=None, l2: float = L2, iterations: int = 50) -> np.ndarray:
    """Conditional-logit weights over the standardized features `(x - mean) / scale`: for each
    answerable lookup (of `questions`, default all) with a relevant candidate, the softmax of its
    candidates' scores is fitted to the relevant ones (their share split evenly). Titles never answer
    and are left out. The bias is constant within a question, so its weight stays 0."""
    z = (x - mean) / scale
    bias = FEATURES.index("bias")
    titles = np.array([k == "title" for meta in info for k in meta["kinds"]])
    data = []
    for n, item in zip(sorted(set(groups.tolist())), info):
        if item["is_list"] or item["type"] == "noanswer" or (questions is not None and n not in questions):
            continue
        mask = (groups == n) & ~titles
        if y[mask].sum() == 0:
            continue
        data.append((z[mask], y[mask] / y[mask].sum()))
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[bias] = 0.0

    def loss(weights: np.ndarray) -> float:
        """The penalized negative log-likelihood that the Newton steps minimize."""
        total = 0.5 * float(penalty @ weights ** 2)
        for zq, target in data:
            s = zq @ weights
            total -= float(target @ (s - s.max() - np.log(np.exp(s - s.max()).sum())))
        return total

    current = loss(w)
    for _ in range(iterations):
        gradient = penalty * w
        hessian = np.diag(penalty + 1e-9)
        for zq, target in data:
            s = zq @ w
            e = np.exp(s - s.max())
            share = e / e.sum()
            gradient = gradient + zq.T @ (share - target)
            weighted = zq * share[:, None]
            hessian = hessian + zq.T @ weighted - np.outer(weighted.sum(0), weighted.sum(0))
        hessian[bias, :], hessian[:, bias], hessian[bias, bias] = 0.0, 0.0, 1.0
        gradient[bias] = 0.0
        step = np.linalg.solve(hessian, gradient)
        # A full Newton step can overshoot and diverge (it did with 20 candidates a lookup, and does
        # on heavy-tailed features): halve it until the loss goes down; stop when no step does.
        for _halving in range(40):
            trial = loss(w - step)
            if trial <= current:
                break
            step = step / 2
        else:
            break
        w, current = w - step, trial
        if np.abs(step).max() < 1e-7:
            break
    return w


def ranking_out_of_fold(x, y, groups, info, mean, scale, l2=L2) -> np.ndarray:
    scores = np.zeros(len(y))
    folds = groups % FOLDS
    for f in range(FOLDS):
        train = set(np.unique(groups[folds != f]).tolist())
        w = fit_ranking(x, y, groups, info, mean, scale, train, l2)
        scores[folds == f] = ((x[folds == f] - mean) / scale) @ w
    return scores


def lookup_top1(order_by: np.ndarray, y, groups, info) -> float:
    """The share of answerable lookups whose first candidate by `order_by` (titles skipped) is relevant."""
    hits = []
    for n, item in zip(sorted(set(groups.tolist())), info):
        if item["is_list"] or item["type"] == "noanswer":
            continue
        mask = groups == n
        order = answer_order(order_by[mask], item["kinds"])
        hits.append(bool(order) and y[mask][order[0]] == 1)
    return float(np.mean(hits)) if hits else float("nan")


def _choose_bars(p, y, groups, info, kinds_title):
    questions = sorted(set(groups.tolist()))
    index = {g: i for i, g in enumerate(questions)}
    lookups, lists = [], []
    for g in questions:
        mask = (groups == g) & ~kinds_title
        item = (p[mask], y[mask], info[index[g]])
        (lists if item[2]["is_list"] else lookups).append(item)

    def lookup_score(t):
        declined_ok, answered_ok = [], []
        for ps, ys, meta in lookups:
            answers = len(ps) and ps.max() >= t
            if meta["type"] == "noanswer":
                declined_ok.append(not answers)
            else:
                # answered, and with a relevant paragraph first
                answered_ok.append(bool(answers and ys[int(np.argmax(ps))] == 1))
        a = np.mean(declined_ok) if declined_ok else 1.0
        b = np.mean(answered_ok) if answered_ok else 1.0
        return (a + b) / 2

    def list_score(t):
        f1s = []
        for ps, ys, meta in lists:
            kept = ps >= t
            tp = float((kept & (ys == 1)).sum())
            if meta["type"] == "noanswer":
                f1s.append(float(not kept.any()))
                continue
            precision = tp / kept.sum() if kept.sum() else 0.0
            recall = tp / max(meta["n_relevant"], 1)
            f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
        return np.mean(f1s) if f1s else 0.0

    lookup_bar, lookup_best = best_bar(lookup_score)
    list_bar, list_best = best_bar(list_score)
    return lookup_bar, list_bar, lookup_best, list_best


def answer_rows(x, p, y, groups, info, order_by=None):
    """The lookup decision's training rows: one per answerable-or-not lookup question, from the
    out-of-fold pair probabilities `p` and ranking scores `order_by` (default `p`); labelled 1 when
    the question has an answer and its first paragraph is relevant (answering from a wrong paragraph
    is no better than declining)."""
    order_by = p if order_by is None else order_by
    rows, labels, qgroups, meta = [], [], [], []
    for n, item in zip(sorted(set(groups.tolist())), info):
        if item["is_list"]:
            continue
        mask = groups == n
        row = answer_row(x[mask], p[mask], item["ids"], item["kinds"], order_by[mask])
        if row is None:
            continue
        order = answer_order(order_by[mask], item["kinds"])
        top_relevant = bool(y[mask][order[0]] == 1)
        rows.append(row)
        labels.append(float(item["type"] != "noanswer" and top_relevant))
        qgroups.append(n)
        meta.append({"type": item["type"], "top_relevant": top_relevant})
    return np.array(rows), np.array(labels), np.array(qgroups), meta


# The two no-answer targets (test split): no-answer accuracy >= 0.90, false no-answers <= 0.10.
NOANSWER_TARGET, FALSE_NOANSWER_TARGET = 0.90, 0.10


def answer_score(q: np.ndarray, meta, t: float) -> float:
    """How close answering when `q >= t` comes to both no-answer targets at once: minus the larger
    shortfall, of no-answer accuracy below NOANSWER_TARGET or of the false no-answer rate (answerable
    lookups declined) above FALSE_NOANSWER_TARGET. Balanced accuracy, tried before, weighed each of the
    ~65 noanswer questions five times an answerable one and chose bars declining ~40% of them."""
    declined_ok = [q[i] < t for i, m in enumerate(meta) if m["type"] == "noanswer"]
    declined = [q[i] < t for i, m in enumerate(meta) if m["type"] != "noanswer"]
    accuracy = np.mean(declined_ok) if declined_ok else 1.0
    false_noanswer = np.mean(declined) if declined else 0.0
    return -max(NOANSWER_TARGET - accuracy, false_noanswer - FALSE_NOANSWER_TARGET)


def fit_answer(x, p_oof, y, groups, info, rank_oof=None) -> tuple[AnswerModel, dict]:
    rows, labels, qgroups, meta = answer_rows(x, p_oof, y, groups, info, rank_oof)
    # An unknown feature (no second citation to lead) takes its column's mean, as the model reads it.
    rows = np.where(np.isnan(rows), np.nanmean(rows, axis=0), rows)
    w, mean, scale = fit_logistic(rows, labels, bias=0)
    q_oof = out_of_fold(rows, labels, qgroups, bias=0)
    bar, _score = best_bar(lambda t: answer_score(q_oof, meta, t))
    declined = [q_oof[i] < bar for i, m in enumerate(meta) if m["type"] == "noanswer"]
    answered = [q_oof[i] >= bar for i, m in enumerate(meta) if m["type"] != "noanswer"]
    report = {"answer_questions": len(labels), "answer_bar": bar,
              "answer_worst_shortfall_oof": round(-float(answer_score(q_oof, meta, bar)), 4),
              "answer_noanswer_accuracy_oof": round(float(np.mean(declined)), 4) if declined else None,
              "answer_false_noanswer_oof": round(1 - float(np.mean(answered)), 4) if answered else None}
    return AnswerModel(w, mean, scale, bar), report


def fit(assistant, gold_path: Path, progress=None) -> tuple[JudgeModel, dict]:
    gold = read_gold(gold_path)
    x, y, groups, info = labelled_pairs(assistant, gold, progress)
    titles = np.array([k == "title" for meta in info for k in meta["kinds"]])
    w, mean, scale = fit_logistic(x, y)
    p = 1 / (1 + np.exp(-np.clip(((x - mean) / scale) @ w, -30, 30)))
    p_oof = out_of_fold(x, y, groups)
    lookup_bar, list_bar, lookup_score, list_score = _choose_bars(p_oof, y, groups, info, titles)
    meta = {
        "fitted": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "gold": str(gold_path), "questions": len(info), "pairs": int(len(y)), "positives": int(y.sum()),
        "l2": L2, "dev_log_loss": round(log_loss(p, y), 4), "dev_auc": round(auc(p, y), 4),
        "oof_log_loss": round(log_loss(p_oof, y), 4), "oof_auc": round(auc(p_oof, y), 4),
        "bars_chosen_on": "out-of-fold probabilities",
        "lookup_balanced_accuracy_oof": round(float(lookup_score), 4), "list_mean_f1_oof": round(float(list_score), 4),
    }
    ranking = fit_ranking(x, y, groups, info, mean, scale)
    rank_oof = ranking_out_of_fold(x, y, groups, info, mean, scale)
    meta["lookup_top1_oof_by_probability"] = round(lookup_top1(p_oof, y, groups, info), 4)
    meta["lookup_top1_oof_by_ranking"] = round(lookup_top1(rank_oof, y, groups, info), 4)
    answer, answer_report = fit_answer(x, p_oof, y, groups, info, rank_oof)
    meta.update(answer_report)
    model = JudgeModel(FEATURES, w, mean, scale, lookup_bar, list_bar, meta, answer, ranking)
    return model, meta


def report(model: JudgeModel) -> str:
    lines = ["# Judge fit (`python -m eval.fit_judge`)", ""]
    for key, value in (model.meta or {}).items():
        lines.append(f"- {key}: {value}")
    lines += ["", f"Bars: lookup {model.threshold}, list {model.list_threshold}.", "",
              "| feature | weight (standardized) | mean | sd |", "|---|---|---|---|"]
    for name, w, m, s in sorted(zip(model.features, model.weights, model.mean, model.scale), key=lambda r: -abs(r[1])):
        lines.append(f"| {name} | {w:+.3f} | {m:.3f} | {s:.3f} |")
    if model.answer is not None:
        a = model.answer
        lines += ["", f"Lookup decision (answered when its probability >= {a.threshold}):", "",
                  "| feature | weight (standardized) | mean | sd |", "|---|---|---|---|"]
        for name, w, m, s in sorted(zip(ANSWER_FEATURES, a.weights, a.mean, a.scale), key=lambda r: -abs(r[1])):
            lines.append(f"| {name} | {w:+.3f} | {m:.3f} | {s:.3f} |")
    if model.ranking is not None:
        lines += ["", "Lookup ranking (conditional logit, same standardized features; bias has no effect):", "",
                  "| feature | weight (standardized) |", "|---|---|"]
        for name, w in sorted(zip(model.features, model.ranking), key=lambda r: -abs(r[1])):
            if name != "bias":
                lines.append(f"| {name} | {w:+.3f} |")
    return "\n".join(lines) + "\n"


def _progress(done: int, total: int, label: str) -> None:
    if done % 25 == 0 or done == total:
        print(f"fit_judge: {done}/{total} questions ({label})", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.fit_judge")
    parser.add_argument("gold", type=Path, nargs="?", default=Path("eval/gold/dev.jsonl"))
    parser.add_argument("--out", type=Path, default=JUDGE_PATH)
    parser.add_argument("--report", type=Path, default=None)
    args = parser.parse_args(argv)
    if "test" in args.gold.name:
        print("fit_judge: fit on dev only; the test split stays untouched", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING)
    from answer.assistant import Assistant
    from eval.query_cache import cache_queries
    from index.library import Library
    from resqa.settings import Settings, configure_offline_environment

    configure_offline_environment()
    settings = Settings.from_env()
    library = Library.open(settings)
    cache_queries(library)
    try:
        assistant = Assistant(library, settings)
        model, meta = fit(assistant, args.gold, progress=_progress)
    finally:
        library.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    text = report(model)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
