"""The evaluation report people read: `report.md`, `report.json` and `report.png`."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from eval import metrics

logger = logging.getLogger(__name__)

# (key, column header) of the modes x metrics table
COLUMNS = (
    ("n", "n"),
    ("recall@5", "recall@5"),
    ("recall@10", "recall@10"),
    ("mrr", "MRR"),
    ("ndcg@10", "nDCG@10"),
    ("citation_precision", "cit. P"),
    ("citation_recall", "cit. R"),
    ("answer_contains_rate", "contains"),
    ("noanswer_accuracy", "no-answer acc."),
    ("false_noanswer_rate", "false no-answer"),
    ("latency_ms_p50", "p50 ms"),
    ("latency_ms_p95", "p95 ms"),
)
CHART_METRICS = ("recall@5", "recall@10", "mrr", "ndcg@10", "citation_precision", "citation_recall",
                 "noanswer_accuracy")
WORST = 10


def mode_results(results: dict) -> dict[str, dict]:
    """{mode: metrics} for a one-mode or several-mode result."""
    if "modes" in results:
        return dict(results["modes"])
    return {results.get("mode", "hybrid"): results}


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}" if abs(value) >= 10 else f"{value:.3f}"
    return str(value)


def _table(header: str, rows: dict[str, dict]) -> list[str]:
    lines = [
        "| " + " | ".join([header, *(title for _, title in COLUMNS)]) + " |",
        "|" + "---|" * (len(COLUMNS) + 1),
    ]
    for name, values in rows.items():
        lines.append("| " + " | ".join([f"`{name}`", *(_cell(values.get(key)) for key, _ in COLUMNS)]) + " |")
    return lines


def format_table(results: dict) -> str:
    """The modes x metrics table as aligned plain text, for the terminal."""
    modes = mode_results(results)
    header = ["mode", *(title for _, title in COLUMNS)]
    rows = [[name, *(_cell(values.get(key)) for key, _ in COLUMNS)] for name, values in modes.items()]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join("  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in
                                enumerate(zip(row, widths))) for row in [header, *rows])


def question_score(row: dict) -> float:
    """How well one question went, 0..1, to rank the worst ones.

    Noanswer questions: 1 when correctly declined. Others: the mean of recall@5,
    reciprocal rank and citation recall (what the mode measured).
    """
    scores = row["scores"]
    if row["type"] == "noanswer":
        if "noanswer_correct" in scores:
            return 1.0 if scores["noanswer_correct"] else 0.0
        return 1.0  # retrieval-only modes have nothing to get wrong here
    parts = [scores.get("recall@5"), scores.get("rr"), scores.get("citation_recall")]
    return metrics.mean(parts) or 0.0


def _position(item, relevant: set[str]) -> str:
    refs = [item] if isinstance(item, str) else list(item)
    if not refs:
        return "(chunk with no paragraph)"
    mark = " ✓" if any(metrics.ref_key(r) in relevant for r in refs) else ""
    if len(refs) == 1:
        return f"`{refs[0]}`{mark}"
    return f"`{refs[0]}` … `{refs[-1].rpartition('#')[2]}` ({len(refs)} refs){mark}"


def _worst(rows: list[dict], count: int) -> list[str]:
    ranked = sorted(rows, key=lambda r: (question_score(r), r["id"]))[:count]
    lines = []
    for row in ranked:
        relevant = {metrics.ref_key(r) for r in row["relevant"]}
        lines.append(f"### {row['id']} ({row['type']}, {row['lang']}): score {question_score(row):.2f}")
        lines.append("")
        lines.append(f"- question: {row['question']}")
        lines.append("- gold: " + (", ".join(f"`{r}`" for r in row["relevant"]) or "(none: noanswer)"))
        retrieved = [_position(item, relevant) for item in row["retrieved"][:5]]
        lines.append("- retrieved instead (top 5): " + (", ".join(retrieved) or "(nothing)"))
        if row.get("answer") is not None:
            lines.append("- cited: " + (", ".join(f"`{c}`" for c in row["cited"]) or "(nothing)"))
            answer = " ".join(str(row["answer"]).split())
            lines.append(f"- answer: {answer[:300]}{'…' if len(answer) > 300 else ''}")
        lines.append("")
    return lines


def render_markdown(results: dict, chart: str | None = "report.png") -> str:
    modes = mode_results(results)
    primary_name = results.get("mode") or next(iter(modes))
    primary = modes[primary_name]
    lines = ["# resqa evaluation report", ""]
    if results.get("gold"):
        lines.append(f"Gold set: `{results['gold']}`, {primary['n']} questions.")
    lines.append(
        "Refs are matched as `SYMBOL#REF` ignoring the language; definitions and edge cases in docs/eval.md. "
        "`—` means the metric does not apply (the naive baseline does not answer)."
    )
    lines += ["", "## Modes", "", *_table("mode", modes), ""]
    if chart:
        lines += [f"![main metrics by mode]({chart})", ""]
    if "naive" in modes and modes["naive"].get("refs_per_hit"):
        lines += [
            f"A naive chunk covers {modes['naive']['refs_per_hit']} paragraphs on average "
            f"({modes['naive'].get('chunks', '?')} chunks), so its recall@k reads k chunks, "
            "not k paragraphs.",
            "",
        ]
    lines += [f"## By question type (`{primary_name}`)", "", *_table("type", primary.get("by_type", {})), ""]
    lines += [f"## By language (`{primary_name}`)", "", *_table("lang", primary.get("by_lang", {})), ""]
    if len(modes) > 1:
        types = sorted({t for m in modes.values() for t in m.get("by_type", {})})
        lines += ["## recall@5 by type and mode", "", "| mode | " + " | ".join(types) + " |",
                  "|" + "---|" * (len(types) + 1)]
        for name, values in modes.items():
            cells = [_cell(values.get("by_type", {}).get(t, {}).get("recall@5")) for t in types]
            lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
        lines.append("")
    lines += [f"## The {WORST} worst questions (`{primary_name}`)", ""]
    lines += _worst(list(primary.get("questions", [])), WORST)
    return "\n".join(lines).rstrip() + "\n"


def render_chart(results: dict, path: Path) -> None:
    """A grouped bar chart of the main metrics by mode (matplotlib, Agg)."""
    import matplotlib

    matplotlib.use("Agg")  # no display, no GUI toolkit
    import matplotlib.pyplot as plt

    modes = mode_results(results)
    width = 0.8 / max(len(modes), 1)
    fig, ax = plt.subplots(figsize=(11, 4.5), dpi=110)
    try:
        for i, (name, values) in enumerate(modes.items()):
            xs = [j + i * width for j in range(len(CHART_METRICS))]
            ys = [values.get(m) or 0.0 for m in CHART_METRICS]
            bars = ax.bar(xs, ys, width, label=name)
            for bar, metric in zip(bars, CHART_METRICS):
                value = values.get(metric)
                ax.annotate("n/a" if value is None else f"{value:.2f}",
                            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                            ha="center", va="bottom", fontsize=7)
        ax.set_xticks([j + width * (len(modes) - 1) / 2 for j in range(len(CHART_METRICS))])
        ax.set_xticklabels(CHART_METRICS)
        ax.set_ylim(0, 1.1)
        ax.set_ylabel("score")
        n = next(iter(modes.values())).get("n", "?")
        ax.set_title(f"resqa retrieval and answer quality by mode ({n} questions)")
        ax.legend(loc="upper right", fontsize=8)
        fig.tight_layout()
        fig.savefig(path)
    finally:
        plt.close(fig)


def write_report(results: dict, out_dir: str | Path) -> dict[str, Path]:
    """Write report.md, report.json and report.png into `out_dir`; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"md": out / "report.md", "json": out / "report.json", "png": out / "report.png"}
    paths["json"].write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    render_chart(results, paths["png"])
    paths["md"].write_text(render_markdown(results, chart=paths["png"].name), encoding="utf-8")
    logger.info("eval report written to %s", out)
    return paths
