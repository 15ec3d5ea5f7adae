"""A paragraph is labelled by what it is: "Decides …" is never presented as preambular text."""

from __future__ import annotations

import pytest

from answer import phrasing
from index.hits import Hit

pytestmark = pytest.mark.unit


def _hit(ref: str, kind: str, text: str) -> Hit:
    return Hit(id=f"S/RES/1 (2000)#{ref}", symbol="S/RES/1 (2000)", ref=ref, lang="en", score=1.0, text=text,
               kind=kind)


@pytest.mark.parametrize("text, lang, expected", [
    ("Decides to extend the mandate until 16 December 2016", "en",
     "an operative provision (numbered in the source as preambular paragraph 2)"),
    ("决定将任务期限延长到2016年12月16日", "zh", "执行性条款（原文编号为序言部分第2段）"),
    ("Décide de proroger le mandat", "fr",
     "une disposition du dispositif (numérotée dans la source comme alinéa 2 du préambule)"),
])
def test_an_operative_decision_numbered_as_preamble_is_not_called_preambular(text, lang, expected):
    """Regression (issue 11): a web copy without line breaks merged "Decides to extend …" into pp2 and
    the answer quoted it under "preambular paragraph 2"."""
    assert phrasing.where(_hit("pp2", "preamble", text), lang) == expected


def test_a_real_recital_keeps_its_preambular_label():
    assert phrasing.where(_hit("pp2", "preamble", "Recalling its resolution 1996 (2011)"), "en") == \
        "preambular paragraph 2"
    assert phrasing.where(_hit("op1", "operative", "Decides to extend"), "en") == "operative paragraph 1"
