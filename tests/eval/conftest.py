"""Small fakes of the library and the assistant: fixed hits and answers for fixed questions.

They exercise the runner's arithmetic only; the real library is used in the
integration test.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from eval.gold import GoldQuestion
from index.hits import Hit


def hit(citation: str, lang: str = "en") -> Hit:
    symbol, _, ref = citation.rpartition("#")
    return Hit(id=citation, symbol=symbol, ref=ref, lang=lang, score=1.0, text=f"text of {citation}", kind="operative")


@dataclass(frozen=True)
class FakeAnswer:
    answer: str
    citations: tuple[str, ...]
    hits: tuple[Hit, ...] = ()
    qtype: str = "lookup"
    lang: str = "en"
    warnings: tuple[str, ...] = ()


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def perf_counter(self) -> float:
        return self.now


class FakeLibrary:
    def __init__(self, results: dict[tuple[str, str], list[str]]):
        self.results = results
        self.calls: list[tuple[str, int, str]] = []

    def search(self, query, k=10, mode="hybrid", **_):
        self.calls.append((query, k, str(mode)))
        return [hit(c) for c in self.results[(query, str(mode))]][:k]


class FakeAssistant:
    def __init__(self, answers: dict[tuple[str, str], tuple[str, tuple[str, ...], float]], clock: FakeClock):
        self.answers = answers
        self.clock = clock

    def ask(self, question, history=(), filters=None, mode="hybrid", qtype=None):
        text, citations, latency_ms = self.answers[(question, str(mode))]
        self.clock.now += latency_ms / 1000
        return FakeAnswer(text, citations)


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    """A clock the fake assistant advances, patched into the runner."""
    from eval import runner

    fake = FakeClock()
    monkeypatch.setattr(runner.time, "perf_counter", fake.perf_counter)
    return fake


@pytest.fixture
def fakes():
    return SimpleNamespace(FakeLibrary=FakeLibrary, FakeAssistant=FakeAssistant, hit=hit)


# A three-question scenario whose metrics are computed by hand in test_eval_runner.py.
NOANSWER_FR = "Les documents ne contiennent pas de réponse à cette question."

GOLD = (
    GoldQuestion("q1", "What did 678 authorize?", "en", "lookup", ("S/RES/678 (1990)#op2",),
                 ("all necessary means",)),
    GoldQuestion("q2", "哪些段落涉及制裁？", "zh", "list", ("A#op2", "A#op3"), ()),
    GoldQuestion("q3", "Quel est le taux de TVA ?", "fr", "noanswer", (), ()),
)

RETRIEVED = {
    ("What did 678 authorize?", "hybrid"): ["s/res/678(1990)#op2", "B#op2"],
    ("哪些段落涉及制裁？", "hybrid"): ["B#op1", "A#op3", "A#op2"],
    ("Quel est le taux de TVA ?", "hybrid"): ["B#op1"],
}
ANSWERS = {
    ("What did 678 authorize?", "hybrid"): ("It authorized all necessary means.", ("S/RES/678 (1990)#op2",), 100),
    ("哪些段落涉及制裁？", "hybrid"): ("A op3 和 B op1。", ("A#op3", "B#op1"), 300),
    ("Quel est le taux de TVA ?", "hybrid"): (NOANSWER_FR, (), 200),
}
# lexical mode finds nothing and declines everything
RETRIEVED.update({(q.question, "lexical"): ["Z#op9"] for q in GOLD})
ANSWERS.update({(q.question, "lexical"): ("The documents do not answer this question.", (), 50) for q in GOLD})


@pytest.fixture
def scenario():
    return GOLD, RETRIEVED, ANSWERS
