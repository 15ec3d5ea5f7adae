"""From the phases' raw results to the derived ratios, limits and the printed table (pure)."""

from __future__ import annotations

from bench.stats import ratio
from bench.table import checks, fmt, format_table, largest_gap


def _r(value, digits: int = 3):
    return None if value is None else round(value, digits)


def derive(results: dict) -> dict:
    """Add the ratios of the issue to `results` (in place) and return it.

    - ingest: total cold ingest time / pure embedding time of the same texts (model load
      included on both sides), and cold ingest / the embedding floor;
    - limits: per size, each query figure over the query floor;
    - naive: resqa / naive for ingest time, hybrid search p50 and recall@5;
    - server: Chroma server / embedded for the sample-size figures.
    """
    ingest = results.get("ingest", {})
    real = ingest.get("real") or {}
    if real.get("cold") and real.get("pure_embed"):
        r_cold, r_pure = real["cold"], real["pure_embed"]
        real["ingest_over_embed"] = _r(ratio(r_cold["seconds"], r_pure.get("floor_seconds")))
        real["ingest_over_embed_cpu"] = _r(ratio(r_cold.get("cpu_seconds"), r_pure.get("floor_cpu_seconds")))
        real["ingest_over_model_time_in_run"] = _r(ratio(r_cold["seconds"], r_cold.get("model_seconds")))
    server_real, real_query = results.get("server_real") or {}, (results.get("query") or {}).get("real")
    if server_real.get("query") and server_real.get("ingest") and real_query:
        sq = server_real["query"]
        server_real["server_over_embedded"] = {
            **{f"{m}_search_p50": _r(ratio(sq["search"][m]["p50_ms"], real_query["search"][m]["p50_ms"]))
               for m in sq["search"] if m in real_query["search"]},
            "query_floor_p50": _r(ratio(sq["floor"]["floor_p50_ms"], real_query["floor"]["floor_p50_ms"])),
            "first_search": _r(ratio(sq.get("first_search_ms"), real_query.get("first_search_ms"))),
        }
    cold, pure = ingest.get("cold") or {}, ingest.get("pure_embed") or {}
    if cold and pure:
        embed_total = pure.get("floor_seconds", pure["seconds"] + pure.get("load_seconds", 0.0))
        ingest["ingest_over_embed"] = _r(ratio(cold["seconds"], embed_total))
        ingest["reingest"] = cold.get("reingest", {})
        # The same ratio from steadier clocks: CPU seconds across the two runs, and wall
        # seconds inside one process (model time measured during the ingest itself).
        ingest["ingest_over_embed_cpu"] = _r(ratio(cold.get("cpu_seconds"), pure.get("floor_cpu_seconds")))
        ingest["ingest_over_model_time_in_run"] = _r(ratio(cold["seconds"], cold.get("model_seconds")))
        results.setdefault("limits", {})["embedding_floor"] = {
            "passages": pure["texts"], "embed_rate_per_s": pure["texts_per_s"],
            "embed_rate_chars_per_s": pure.get("chars_per_s"),
            "floor_s": _r(embed_total), "cold_ingest_s": cold["seconds"],
            "cold_ingest_over_floor": ingest["ingest_over_embed"],
        }
    limits = results.setdefault("limits", {})
    for size, q in (results.get("query") or {}).items():
        if not q:
            continue
        floor = (q.get("floor") or {}).get("floor_p50_ms")
        row = {"floor_p50_ms": floor}
        for mode, s in (q.get("search") or {}).items():
            row[f"{mode}_over_floor"] = _r(ratio(s["p50_ms"], floor), 2)
        if isinstance(q.get("ask"), dict) and "p50_ms" in q["ask"]:
            row["ask_over_floor"] = _r(ratio(q["ask"]["p50_ms"], floor), 2)
        limits.setdefault("query_floor", {})[size] = row
    naive, sample = results.get("naive"), (results.get("query") or {}).get("sample")
    if naive and sample:
        naive["resqa_over_naive"] = {
            "ingest_time (cold)": _r(ratio(cold.get("seconds"), naive["ingest_s"])),
            "hybrid_search_p50": _r(ratio(sample["search"]["hybrid"]["p50_ms"], naive["search"]["p50_ms"])),
            "recall@5": _r(ratio(sample["recall"]["hybrid"]["recall@5"], naive["recall@5"])),
        }
    server = results.get("server")
    if server and sample and server.get("query") and server.get("ingest"):
        warm = ingest.get("warm") or {}
        server["server_over_embedded"] = {
            "warm_ingest": _r(ratio(server["ingest"]["seconds"], warm.get("seconds"))),
            **{f"{m}_search_p50": _r(ratio(server["query"]["search"][m]["p50_ms"], sample["search"][m]["p50_ms"]))
               for m in server["query"]["search"] if m in sample["search"]},
            "query_floor_p50": _r(ratio(server["query"]["floor"]["floor_p50_ms"], sample["floor"]["floor_p50_ms"])),
        }
    found = checks(results)
    results["targets"] = [
        {"name": c.name, "value": c.value, "target": c.target, "met": c.met, "gap": _r(c.gap)} for c in found
    ]
    worst = largest_gap(found)
    results["largest_gap"] = None if worst is None else {"name": worst.name, "gap": _r(worst.gap)}
    return results


def _ms(summary) -> str:
    if not isinstance(summary, dict) or "p50_ms" not in summary:
        return "-"
    return f"{fmt(summary['p50_ms'])} / {fmt(summary['p95_ms'])}"


def tables(results: dict) -> str:
    """The short tables `make bench` prints (Markdown, pasted into docs/bench.md)."""
    out = []
    ingest = results.get("ingest", {})
    cold, warm, pure = ingest.get("cold") or {}, ingest.get("warm") or {}, ingest.get("pure_embed") or {}
    rows = [
        ("paragraphs / documents", f"{cold.get('paragraphs', '-')} / {cold.get('documents', '-')}"),
        ("cold ingest: s, paragraphs/s", f"{fmt(cold.get('seconds'))} s, {fmt(cold.get('paragraphs_per_s'))}/s"),
        ("warm ingest: s, paragraphs/s", f"{fmt(warm.get('seconds'))} s, {fmt(warm.get('paragraphs_per_s'))}/s"),
        ("pure embedding of the same texts (floor)",
         f"{fmt(pure.get('floor_seconds'))} s ({fmt(pure.get('chars_per_s'))} chars/s on 1/{pure.get('step', 1)} "
         f"of them, {fmt(pure.get('load_seconds'))} s load)"),
        ("ingest / pure embedding (target <= 1.1)", fmt(ingest.get("ingest_over_embed"))),
        ("  same, CPU seconds / in-run model time", f"{fmt(ingest.get('ingest_over_embed_cpu'))} / "
                                                   f"{fmt(ingest.get('ingest_over_model_time_in_run'))}"),
        ("re-ingest unchanged: s, embeddings (target 0)",
         f"{fmt((ingest.get('reingest') or {}).get('seconds'))} s, "
         f"{fmt((ingest.get('reingest') or {}).get('embeddings_computed'))}"),
        ("peak RSS cold / warm ingest", f"{fmt(cold.get('peak_rss_mib'))} / {fmt(warm.get('peak_rss_mib'))} MiB"),
    ]
    overhead = ingest.get("overhead_profile") or {}
    if overhead.get("ms_per_call"):
        parts = ", ".join(f"{k} {fmt(v / 1000)}" for k, v in overhead["ms_per_call"].items())
        rows.append(("ingest without the model, s (profiled)", f"{fmt(overhead['seconds'])}: {parts}"))
    out.append(format_table(rows, ("ingest (sample corpus)", "value")))
    rows = []
    for size, q in (results.get("query") or {}).items():
        if not q:
            continue
        floor = q.get("floor") or {}
        rows.append((
            f"{size} ({q.get('paragraphs', '-')})",
            *(_ms((q.get("search") or {}).get(m)) for m in ("hybrid", "dense", "lexical")),
            _ms(q.get("ask")), fmt(floor.get("floor_p50_ms")),
            fmt(((results.get("limits") or {}).get("query_floor") or {}).get(size, {}).get("hybrid_over_floor")),
            fmt(q.get("peak_rss_mib")), fmt((results.get("scale") or {}).get(size, {}).get("peak_rss_mib")),
        ))
    out.append(format_table(rows, ("size (paragraphs)", "hybrid p50/p95 ms", "dense", "lexical", "ask",
                                   "floor ms", "hybrid/floor", "query RSS MiB", "build RSS MiB")))
    profiled = [(size, q["profile"]) for size, q in (results.get("query") or {}).items()
                if isinstance(q, dict) and q.get("profile")]
    if profiled:
        rows = [(size, ", ".join(f"{k} {v:.0%}" for k, v in prof.get("share", {}).items()))
                for size, prof in profiled]
        out.append(format_table(rows, ("hybrid search profile (pyinstrument)", "share of time")))
    naive = results.get("naive")
    if naive:
        r = naive.get("resqa_over_naive", {})
        sample = (results.get("query") or {}).get("sample", {})
        rows = [
            ("ingest s (cold)", fmt(cold.get("seconds")), fmt(naive["ingest_s"]), fmt(r.get("ingest_time (cold)"))),
            ("search p50 ms", fmt(((sample.get("search") or {}).get("hybrid") or {}).get("p50_ms")),
             fmt(naive["search"]["p50_ms"]), fmt(r.get("hybrid_search_p50"))),
            ("recall@5 (dev)", fmt(((sample.get("recall") or {}).get("hybrid") or {}).get("recall@5")),
             fmt(naive.get("recall@5")), fmt(r.get("recall@5"))),
        ]
        out.append(format_table(rows, ("vs naive (sample)", "resqa", f"naive ({naive['chunks']} chunks)",
                                       "resqa/naive")))
    real = ingest.get("real") or {}
    if real.get("cold"):
        r_cold, r_pure = real["cold"], real.get("pure_embed") or {}
        again = r_cold.get("reingest") or {}
        rows = [
            ("resolutions / paragraphs", f"{r_cold.get('documents')} / {r_cold.get('paragraphs')}"
                                         + (" (subset)" if real.get("subset") else "")),
            ("cold ingest: s, CPU s", f"{fmt(r_cold.get('seconds'))} s, {fmt(r_cold.get('cpu_seconds'))} CPU s"),
            ("pure embedding (floor): s, CPU s", f"{fmt(r_pure.get('floor_seconds'))} s, "
                                                 f"{fmt(r_pure.get('floor_cpu_seconds'))} CPU s"),
            ("ingest / pure embedding: wall, CPU", f"{fmt(real.get('ingest_over_embed'))}, "
                                                   f"{fmt(real.get('ingest_over_embed_cpu'))}"),
            ("re-ingest unchanged: s, embeddings", f"{fmt(again.get('seconds'))} s, "
                                                   f"{fmt(again.get('embeddings_computed'))}"),
        ]
        out.append(format_table(rows, (f"ingest (real corpus, {real.get('corpus')})", "value")))
    first = [(size, fmt(q.get("startup_ms")), fmt(q.get("first_search_ms")), fmt(q.get("lexical_load_ms")))
             for size, q in (results.get("query") or {}).items() if q]
    if first:
        out.append(format_table(first, ("a start", "open + warm-up ms", "first search after it ms",
                                        "loading the saved BM25 ms")))
    for key, label in (("server", "sample"), ("server_real", "real")):
        server = results.get(key)
        if server and "server_over_embedded" in server:
            rows = [(k, fmt(v)) for k, v in server["server_over_embedded"].items()]
            out.append(format_table(rows, (f"Chroma server / embedded ({label})", "ratio")))
    rows = [(t["name"], fmt(t["value"]), fmt(t["target"]), fmt(t["met"]), fmt(t["gap"]))
            for t in results.get("targets", [])]
    out.append(format_table(rows, ("target", "measured", "bound", "met", "x bound")))
    return "\n\n".join(out)
