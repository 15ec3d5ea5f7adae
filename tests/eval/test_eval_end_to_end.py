"""run_eval and write_report over the real Library and Assistant (fake embedder, two real documents)."""

from __future__ import annotations

import pytest

from answer.assistant import Assistant
from eval.gold import GoldQuestion
from eval.report import write_report
from eval.runner import run_eval
from index.library import Library
from resqa.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_real_library_ids_match_gold_refs(tmp_path, samples_dir):
    settings = Settings(store_dir=tmp_path / "store", embed_model="fake")
    library = Library.open(settings)
    try:
        report = library.ingest_paths([samples_dir / "en" / "S_RES_0678_1990.txt",
                                       samples_dir / "zh" / "S_RES_0044_1948.txt"])
        assert report.to_json()["failed"] == []
        op2 = next(h for h in library.paragraphs("S/RES/678 (1990)", "en") if h.ref == "op2")
        gold = (
            # the paragraph's own words, asked lexically, must come back as that paragraph
            GoldQuestion("e1", op2.text, "en", "lookup", ("s/res/678(1990)#op2",)),
            GoldQuestion("e2", "What is the VAT rate in Switzerland?", "en", "noanswer", ()),
        )
        seen = []
        results = run_eval(library, Assistant(library, settings), gold, modes=("lexical", "dense"),
                           naive=True, progress=lambda d, t, label: seen.append((d, t)))
    finally:
        library.close()
    lexical = results["modes"]["lexical"]
    assert lexical["n"] == 2
    assert lexical["questions"][0]["retrieved"][0] == "S/RES/678 (1990)#op2"
    assert lexical["mrr"] == 1.0 and lexical["recall@5"] == 1.0
    assert set(results["modes"]) == {"lexical", "dense", "naive"}
    assert results["naive"]["chunks"] >= 2
    assert all(isinstance(p, list) for p in results["naive"]["questions"][0]["retrieved"])
    assert seen[-1] == (6, 6)
    paths = write_report(results, tmp_path / "report")
    assert "| `naive` | 2 |" in paths["md"].read_text(encoding="utf-8")
