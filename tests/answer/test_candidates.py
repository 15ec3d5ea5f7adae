"""The judge's candidates: one version of a paragraph per citation, the question's where the store has it."""

from __future__ import annotations

from answer.candidates import in_question_language
from index.hits import Hit


def _hit(ref: str, lang: str, text: str = "") -> Hit:
    return Hit(id=f"S/RES/408 (1977)#{ref}", symbol="S/RES/408 (1977)", ref=ref, lang=lang, score=0.0,
               text=text or f"{ref} in {lang}", kind="operative")


def test_the_question_language_version_takes_the_place_of_the_best_ranked_version():
    hits = [_hit("op1.b", "en"), _hit("pp1", "en"), _hit("op1.b", "zh"), _hit("op2", "zh")]
    kept = in_question_language(hits, "zh")
    assert [(h.ref, h.lang) for h in kept] == [("op1.b", "zh"), ("pp1", "en"), ("op2", "zh")]


def test_a_paragraph_without_a_version_in_the_question_language_keeps_every_version():
    hits = [_hit("op1.b", "en"), _hit("op1.b", "zh")]
    assert in_question_language(hits, "fr") == hits
    assert in_question_language([], "fr") == []
