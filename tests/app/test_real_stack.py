"""The app on the real Library and Assistant (e5 model): client round trip, browser, load."""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from gradio_client import Client

import app
from conftest import launched

pytestmark = [pytest.mark.integration, pytest.mark.slow]
PEACEKEEPING_ZH = "哪些段落涉及维持和平行动？"
QUESTIONS = (
    PEACEKEEPING_ZH,
    "Which paragraphs concern peacekeeping operations?",
    "Quels paragraphes concernent le regroupement familial ?",
    "What does the General Assembly call upon States to do about family reunification?",
    "联合国同法语国家国际组织在选举方面的合作",
)


def _valid(answer: dict, library) -> bool:
    """Every citation is among the retrieved hits and resolves to an indexed paragraph."""
    hit_ids = {h["id"] for h in answer["hits"]}
    for cite in answer["citations"]:
        symbol, _, ref = cite.rpartition("#")
        if cite not in hit_ids or not library.versions(symbol, ref):
            return False
    return bool(answer["citations"])


def test_client_asks_peacekeeping_and_gets_citations(real_assistant):
    demo = app.build_app(real_assistant, real_assistant.settings)
    with launched(demo) as url:
        answer = Client(url, verbose=False).predict(PEACEKEEPING_ZH, api_name="/ask")
    assert answer["citations"][:2] == ["A/67/L.X#op7", "A/67/L.X#op8"]
    assert _valid(answer, real_assistant.library)


def test_load_20_users_5_questions_each(real_assistant, record_property):
    """20 concurrent gradio_client users x 5 questions: all answered, citations valid, no errors."""
    demo = app.build_app(real_assistant, real_assistant.settings)
    latencies: list[float] = []
    errors: list[str] = []
    with launched(demo) as url:
        def user(n: int) -> list[tuple[float, bool]]:
            client = Client(url, verbose=False)
            results = []
            for i in range(5):
                question = QUESTIONS[(n + i) % len(QUESTIONS)]
                start = time.perf_counter()
                try:
                    answer = client.predict(question, api_name="/ask")
                except Exception as exc:  # counted, reported below
                    errors.append(f"{question}: {exc}")
                    continue
                results.append((time.perf_counter() - start, question if not _valid(answer, real_assistant.library) else ""))
            return results

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=20) as pool:
            outcomes = [r for rs in pool.map(user, range(20)) for r in rs]
        wall = time.perf_counter() - started
    latencies = sorted(seconds for seconds, _ in outcomes)
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    record_property("p50_s", round(p50, 2))
    record_property("p95_s", round(p95, 2))
    print(f"load: {len(latencies)} answers in {wall:.1f}s, p50 {p50:.2f}s, p95 {p95:.2f}s")
    assert errors == []
    assert len(outcomes) == 100
    assert sorted({q for _, q in outcomes if q}) == []  # questions without valid citations
    assert wall < 600
