"""Standard IR evaluation: the gold set as TREC qrels, each mode's ranking as a TREC run,
and recall@k, MRR and nDCG@10 computed by ir-measures (pytrec_eval, i.e. trec_eval's code).

    write_qrels(questions, "out/qrels.txt"); write_run(rows, "hybrid", "out/hybrid.run")
    trec_eval -m recall.5 -m recip_rank -m ndcg_cut.10 out/qrels.txt out/hybrid.run
    ir_measures out/qrels.txt out/hybrid.run "R@5 RR nDCG@10"

Document ids. A TREC line is split on whitespace and a citation holds spaces
(`S/RES/2326 (2016)#op1`), so an id is the citation with its symbol normalized
(`ingest.symbols.normalize_symbol`) and then percent-encoded like a URL path: every
byte except ASCII letters, digits and `/#()._-,:;+=!*'~` becomes `%XX` (a space is
`%20`, `%` itself `%25`). `doc_id` and `citation_of` are exact inverses:
`S/RES/2326%20(2016)#op1` <-> `S/RES/2326 (2016)#op1`.

Ranks are kept as the system returned them. A paragraph retrieved twice (two language
versions of one citation) counts once, at its first rank, as in the hand-written
metrics this replaces; the later copy keeps its rank under the id `<id>@<rank>`,
which no qrel names, so the documents after it are not promoted. A naive chunk that
spans several paragraphs is written as those paragraphs, in order, at consecutive
ranks: every mode is scored at the same paragraph depth.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import quote, unquote

from eval.metrics import split_citation
from ingest.symbols import normalize_symbol

_SAFE = "/#()._-,:;+=!*'~"
NOTHING = "%00none"  # the one placeholder of a query that retrieved nothing (never relevant)


def doc_id(citation: str) -> str:
    """The whitespace-free TREC id of `SYMBOL#REF` (or a storage id `SYMBOL|LANG|REF`).

    >>> doc_id("s/res/2326(2016)#op1")
    'S/RES/2326%20(2016)#op1'
    >>> doc_id("A/67/L.X|zh|op7")
    'A/67/L.X#op7'
    """
    parts = split_citation(citation)
    if parts is None:
        raise ValueError(f"{citation!r} is not a citation SYMBOL#REF")
    return quote(f"{normalize_symbol(parts[0])}#{parts[1]}", safe=_SAFE)


def citation_of(trec_id: str) -> str:
    """The citation a TREC id stands for (a duplicate's `@rank` suffix is dropped).

    >>> citation_of("S/RES/2326%20(2016)#op1@3")
    'S/RES/2326 (2016)#op1'
    """
    return unquote(trec_id.split("@", 1)[0])


def qrels_lines(questions: Iterable) -> list[str]:
    """`QID 0 DOCID 1` for every gold ref; a noanswer question has none (nothing to find)."""
    lines = []
    for q in questions:
        for ref in dict.fromkeys(doc_id(r) for r in q.relevant):
            lines.append(f"{q.id} 0 {ref} 1")
    return lines


def ranking(retrieved: Sequence[str | Sequence[str]]) -> list[str]:
    """A row's retrieved positions as unique TREC ids, in rank order (see the module doc)."""
    ids: list[str] = []
    seen: set[str] = set()
    for position in retrieved:
        refs = (position,) if isinstance(position, str) else tuple(position)
        for ref in refs:
            key = doc_id(ref)
            if key not in seen:
                seen.add(key)
                ids.append(key)
            elif isinstance(position, str):  # a second language of a paragraph keeps its rank
                copy = f"{key}@{len(ids)}"
                seen.add(copy)
                ids.append(copy)
    return ids or [NOTHING]


def run_lines(rows: Sequence[dict], tag: str) -> list[str]:
    """`QID Q0 DOCID RANK SCORE TAG` with a strictly falling score, so trec_eval keeps our order."""
    lines = []
    for row in rows:
        ids = ranking(row["retrieved"])
        for rank, ident in enumerate(ids, start=1):
            lines.append(f"{row['id']} Q0 {ident} {rank} {len(ids) - rank + 1} {tag}")
    return lines


def _write(path: Path, lines: list[str]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    return path


def write_qrels(questions: Iterable, path: Path) -> Path:
    return _write(path, qrels_lines(questions))


def write_run(rows: Sequence[dict], tag: str, path: Path) -> Path:
    return _write(path, run_lines(rows, tag))


def write_all(questions: Sequence, results: dict, folder: Path) -> list[Path]:
    """`qrels.txt` and one `<mode>.run` per mode of a `run_eval` result."""
    folder = Path(folder)
    per_mode = results.get("modes") or {results["mode"]: results}
    written = [write_qrels(questions, folder / "qrels.txt")]
    for mode, summary in per_mode.items():
        written.append(write_run(summary["questions"], f"resqa-{mode}", folder / f"{mode}.run"))
    return written


def measures(ks: Sequence[int]):
    """The ir-measures objects behind our keys: recall@k for each k, rr, ndcg@10."""
    import ir_measures
    from ir_measures import RR, R, nDCG

    keyed = {f"recall@{k}": R @ k for k in ks}
    keyed["rr"] = RR
    keyed["ndcg@10"] = nDCG @ 10
    assert all(isinstance(m, ir_measures.measures.Measure) for m in keyed.values())
    return keyed


def retrieval_scores(questions: Sequence, rows: Sequence[dict], ks: Sequence[int]) -> dict[str, dict]:
    """Per question id: recall@k, rr and ndcg@10 from ir-measures; `None` for a question with
    no gold refs (noanswer), as in `eval.metrics`."""
    import ir_measures

    keyed = measures(ks)
    by_measure = {m: key for key, m in keyed.items()}
    qrels = [ir_measures.Qrel(qid, ident, 1) for qid, _, ident, _ in map(str.split, qrels_lines(questions))]
    run = [ir_measures.ScoredDoc(qid, ident, float(score))
           for qid, _, ident, _, score, _ in map(str.split, run_lines(rows, "resqa"))]
    out: dict[str, dict] = {row["id"]: {key: None for key in keyed} for row in rows}
    judged = {q.id for q in questions if q.relevant}
    for metric in ir_measures.iter_calc(list(keyed.values()), qrels, run):
        if metric.query_id in judged and metric.query_id in out:
            out[metric.query_id][by_measure[metric.measure]] = float(metric.value)
    return out


def recall_at_k(retrieved: Sequence[str | Sequence[str]], relevant: Iterable[str], k: int) -> float | None:
    """Recall@k of one ranking, by ir-measures (for callers outside the eval runner, e.g. bench).

    >>> recall_at_k(["A#op1", "A#op2", "A#op3"], ["A#op2", "B#op1"], 2)
    0.5
    """
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k!r}")
    from types import SimpleNamespace

    question = SimpleNamespace(id="q", relevant=tuple(relevant))
    if not question.relevant:
        return None
    return retrieval_scores([question], [{"id": "q", "retrieved": list(retrieved)}], (k,))["q"][f"recall@{k}"]
