"""The judge on crafted (question, paragraph) pairs: its features, and the fitted model's choices."""

from __future__ import annotations

import numpy as np
import pytest

from answer.judge import FEATURES, Judge, JudgeModel
from answer.question import parse_question
from index.hits import Hit
from language.analyzer import LexicalAnalyzer

pytestmark = pytest.mark.unit

UNMISS_QUESTION = "Until when was the mandate of UNMISS extended?"


def _hit(ref: str, text: str, lang: str = "en", kind: str = "operative", symbol: str = "S/RES/1 (2000)",
         title: str = "") -> Hit:
    return Hit(id=f"{symbol}#{ref}", symbol=symbol, ref=ref, lang=lang, score=1.0, text=text, kind=kind,
               title=title)


@pytest.fixture(scope="module")
def analyzer():
    return LexicalAnalyzer()


@pytest.fixture(scope="module")
def judge(analyzer):
    return Judge.load(entities=analyzer.entities)


def _features(judge, question, hits) -> list[dict]:
    x = judge.features(question, hits)
    return [dict(zip(FEATURES, row)) for row in x]


def test_a_date_question_against_a_paragraph_with_the_wrong_kind_of_date(judge, analyzer):
    q = parse_question(UNMISS_QUESTION, analyzer=analyzer)
    right = _hit("op1", "Decides to extend the mandate of UNMISS until 16 December 2016")
    wrong = _hit("op2", "Decides that the mandate of UNMISS set out in resolution 2252 (2015) is extended")
    f_right, f_wrong = _features(judge, q, [right, wrong])
    assert (f_right["fact"], f_right["full_date"]) == (1.0, 1.0)
    assert (f_wrong["fact"], f_wrong["full_date"]) == (1.0, 0.0)  # a year, not the date asked for
    # Each judged alone, so retrieval position does not enter.
    assert judge.judge(q, [right])[0].p > judge.judge(q, [wrong])[0].p


def test_an_acronym_in_one_language_matches_the_missions_name_in_the_other(judge, analyzer):
    q = parse_question(UNMISS_QUESTION, analyzer=analyzer)
    chinese = _hit("op1", "決定將南蘇丹特派團的任務延長到2016年12月16日", lang="zh", symbol="S/RES/2326 (2016)")
    unef = _hit("op1.b", "To extend the mandate of the United Nations Emergency Force for a period of three "
                "months, that is, until 24 July 1975", symbol="S/RES/368 (1975)")
    f_zh, f_unef = _features(judge, q, [chinese, unef])
    assert (f_zh["entity_match"], f_zh["entity_conflict"]) == (1.0, 0.0)
    assert (f_unef["entity_match"], f_unef["entity_conflict"]) == (0.0, 1.0)  # UNEF is another mission
    assert judge.judge(q, [chinese])[0].p > judge.judge(q, [unef])[0].p


def test_the_act_a_question_asks_about_picks_the_paragraph_that_performs_it(judge, analyzer):
    """"What did 598 demand?": of two paragraphs of 598 with the same words, the one opening with
    "Demands" (read in its own language: "Exige") is the answer, not the preamble that recalls it."""
    q = parse_question("What did resolution 598 (1987) demand of Iran and Iraq?", analyzer=analyzer)
    symbol = "S/RES/598 (1987)"
    demands = _hit("op1", "Exige que, comme premier pas vers un règlement négocié, l'Iran et l'Iraq observent "
                   "un cessez-le-feu immédiat", lang="fr", symbol=symbol)
    recalls = _hit("pp2", "Rappelant que l'Iran et l'Iraq ont été invités à observer un cessez-le-feu immédiat",
                   lang="fr", kind="preamble", symbol=symbol)
    f_demands, f_recalls = _features(judge, q, [demands, recalls])
    assert (f_demands["act_match"], f_demands["act_other"]) == (1.0, 0.0)
    assert (f_recalls["act_match"], f_recalls["act_other"]) == (0.0, 1.0)
    assert judge.judge(q, [demands])[0].p > judge.judge(q, [recalls])[0].p


def test_a_paragraph_about_another_topic_does_not_clear_the_bar(judge, analyzer):
    q = parse_question("How many troops did resolution 2326 add to UNMISS?", analyzer=analyzer)
    unrelated = _hit("pp1", "Recalling its previous resolutions on the Universal Declaration of Human Rights",
                     kind="preamble")
    assert judge.accepted(q, [unrelated]) == []


def test_model_round_trips_and_refuses_weights_for_other_features():
    model = JudgeModel.prior()
    again = JudgeModel.from_json(model.to_json())
    assert np.allclose(again.weights, model.weights) and again.threshold == model.threshold
    data = model.to_json() | {"features": ["bias"]}
    with pytest.raises(ValueError, match="refit"):
        JudgeModel.from_json(data)


def test_the_shipped_weights_were_fitted_on_dev():
    fit = Judge.load().model.meta
    assert "dev" in fit["gold"].rsplit("/", 1)[-1] and "test" not in fit["gold"]
    assert fit["pairs"] > 1000 and 0.5 < fit["oof_auc"] <= 1.0
    assert Judge.load().model.ranking is not None and Judge.load().model.answer is not None


def test_answer_row_reads_the_top_paragraph_and_its_lead_over_the_next_citation():
    from answer.judge import ANSWER_FEATURES, answer_row

    x = np.zeros((4, len(FEATURES)))
    x[2, FEATURES.index("cos")] = 0.9
    x[2, FEATURES.index("named_doc")] = 1.0
    p = np.array([0.2, 0.6, 0.8, 0.95])
    # The title (most probable) never answers; the same citation in another language is no rival.
    row = dict(zip(ANSWER_FEATURES, answer_row(x, p, ["A#op1", "A#op2", "A#op1", "A#title"],
                                               ["operative", "operative", "operative", "title"])))
    assert row["top_logit"] == pytest.approx(np.log(0.8 / 0.2))
    assert row["top_lead"] == pytest.approx(np.log(0.8 / 0.2) - np.log(0.6 / 0.4))
    assert (row["cos"], row["named_doc"], row["bias"]) == (0.9, 1.0, 1.0)
    assert answer_row(x[:1], p[:1], ["A#title"], ["title"]) is None
    # With ranking scores, the top is the ranking's first (A#op2 here), its probability what is read.
    ranked = dict(zip(ANSWER_FEATURES, answer_row(x, p, ["A#op1", "A#op2", "A#op1", "A#title"],
                                                  ["operative", "operative", "operative", "title"],
                                                  np.array([0.0, 5.0, 1.0, 9.0]))))
    assert ranked["top_logit"] == pytest.approx(np.log(0.6 / 0.4)) and ranked["cos"] == 0.0


def test_the_answer_model_decides_a_lookup_and_round_trips(analyzer):
    from answer.judge import ANSWER_FEATURES, AnswerModel

    q = parse_question(UNMISS_QUESTION, analyzer=analyzer)
    right = _hit("op1", "Decides to extend the mandate of UNMISS until 16 December 2016")
    base = JudgeModel.prior()
    weights = np.zeros(len(ANSWER_FEATURES))
    weights[ANSWER_FEATURES.index("top_logit")] = 1.0
    for bar, expected in ((0.01, [right.id]), (0.99, [])):
        answer = AnswerModel(weights, np.zeros(len(ANSWER_FEATURES)), np.ones(len(ANSWER_FEATURES)), bar)
        model = JudgeModel.from_json(JudgeModel(base.features, base.weights, base.mean, base.scale,
                                                0.5, 0.5, {}, answer).to_json())
        judge = Judge(model, entities=analyzer.entities)
        assert model.answer.threshold == bar
        assert [j.hit.id for j in judge.accepted(q, [right])] == expected


def test_a_lookup_is_ordered_by_the_ranking_weights_and_a_list_by_probability(analyzer):
    """Two sets of weights over one set of features: the ranking weights decide which candidate a
    lookup answers from, the probability which candidates a list keeps; both round-trip."""
    q_lookup = parse_question(UNMISS_QUESTION, analyzer=analyzer)
    q_list = parse_question("Which paragraphs concern UNMISS?", analyzer=analyzer)
    preamble = _hit("pp1", "Recalling the mandate of UNMISS", kind="preamble")
    operative = _hit("op1", "Decides to extend the mandate of UNMISS until 16 December 2016")
    base = JudgeModel.prior()
    ranking = np.zeros(len(FEATURES))
    ranking[FEATURES.index("preamble")] = 5.0  # a ranking that prefers preambles, against the prior
    model = JudgeModel.from_json(JudgeModel(base.features, base.weights, base.mean, base.scale, 0.5, 0.5, {},
                                            None, ranking).to_json())
    assert np.allclose(model.ranking, ranking)
    judge = Judge(model, entities=analyzer.entities)
    hits = [operative, preamble]
    assert [j.hit.id for j in judge.judge(q_lookup, hits)][0] == preamble.id
    by_p = sorted(judge.judge(q_list, hits), key=lambda j: -j.p)
    assert [j.hit.id for j in judge.judge(q_list, hits)] == [j.hit.id for j in by_p]
    without = Judge(JudgeModel.prior(), entities=analyzer.entities)
    assert [j.hit.id for j in without.judge(q_lookup, hits)] == [j.hit.id for j in sorted(
        without.judge(q_lookup, hits), key=lambda j: (-j.p, j.rank))]


def test_the_ranking_fit_puts_the_relevant_candidate_first():
    """fit_ranking (a conditional logit) learns, from questions whose relevant candidate has the
    higher value of one feature, a positive weight on it and none on the bias; it ignores lists,
    noanswer questions and titles."""
    from eval.fit_judge import fit_ranking, lookup_top1

    rng = np.random.default_rng(0)
    j = FEATURES.index("coverage")
    xs, ys, groups, info = [], [], [], []
    for n in range(40):
        x = rng.normal(size=(5, len(FEATURES)))
        x[:, FEATURES.index("bias")] = 1.0
        relevant = int(rng.integers(5))
        x[relevant, j] += 3.0
        y = np.zeros(5)
        y[relevant] = 1.0
        xs.append(x)
        ys.append(y)
        groups.append(np.full(5, n))
        info.append({"is_list": n % 10 == 9, "type": "noanswer" if n % 10 == 8 else "lookup",
                     "kinds": ["operative"] * 5})
    x, y, groups = np.vstack(xs), np.concatenate(ys), np.concatenate(groups)
    mean, scale = np.zeros(len(FEATURES)), np.ones(len(FEATURES))
    w = fit_ranking(x, y, groups, info, mean, scale)
    assert w[FEATURES.index("bias")] == 0.0
    assert w[j] > 1.0 and w[j] == max(w, key=abs)
    assert lookup_top1(x @ w, y, groups, info) > 0.9


def test_the_ranking_fit_does_not_diverge_on_heavy_tailed_features():
    """A full Newton step overshoots when a few candidates carry extreme feature values (it did on
    dev with 20 candidates a lookup: weights of -166 and a first-candidate accuracy of 3%); the fit
    must end below the loss it starts from, and rank the relevant candidate first far above chance."""
    from eval.fit_judge import fit_ranking, lookup_top1

    rng = np.random.default_rng(0)
    j = FEATURES.index("coverage")
    xs, ys, groups, info = [], [], [], []
    for n in range(30):
        x = rng.standard_t(2, size=(20, len(FEATURES)))
        x[:, FEATURES.index("bias")] = 1.0
        relevant = int(rng.integers(20))
        x[relevant, j] += 3.0
        x[int(rng.integers(20)), int(rng.integers(1, len(FEATURES)))] = 40.0  # one extreme value
        y = np.zeros(20)
        y[relevant] = 1.0
        xs.append(x)
        ys.append(y)
        groups.append(np.full(20, n))
        info.append({"is_list": False, "type": "lookup", "kinds": ["operative"] * 20})
    x, y, groups = np.vstack(xs), np.concatenate(ys), np.concatenate(groups)
    w = fit_ranking(x, y, groups, info, np.zeros(len(FEATURES)), np.ones(len(FEATURES)), l2=0.2)

    def loss(weights):
        total = 0.1 * float(weights[1:] @ weights[1:])
        for n in range(30):
            s = x[groups == n] @ weights
            total -= float(y[groups == n] @ (s - s.max() - np.log(np.exp(s - s.max()).sum())))
        return total

    assert loss(w) < loss(np.zeros(len(FEATURES)))
    assert np.abs(w).max() < 10 and w[j] > 0
    assert lookup_top1(x @ w, y, groups, info) > 0.2  # chance: 0.05


def test_a_class_term_is_covered_by_a_paragraph_naming_a_member_of_the_class(judge, analyzer):
    """"peacekeeping operations" is covered by a paragraph naming UNEF (in Chinese too), not by one
    naming no mission; a term that merely contains a class noun ("法语国家") is no class term."""
    q = parse_question("Which paragraphs concern peacekeeping operations?", analyzer=analyzer)
    assert q.class_terms and q.concepts == {"mission"}
    unef = _hit("op1.b", "将联合国紧急部队的任务期限延长三个月", lang="zh", symbol="S/RES/368 (1975)")
    other = _hit("op2", "Calls upon all States to refrain from any action which might increase tension")
    f_unef, f_other = _features(judge, q, [unef, other])
    assert (f_unef["type_match"], f_unef["coverage"]) == (1.0, 1.0)
    assert (f_other["type_match"], f_other["coverage"]) == (0.0, 0.0)
    assert not parse_question("哪些段落提到法语国家？", analyzer=analyzer).class_terms


def test_the_paragraph_kind_flags_a_footnote_apart_from_an_annex_paragraph(judge, analyzer):
    q = parse_question(UNMISS_QUESTION, analyzer=analyzer)
    note = _hit("fn2", "See S/2016/951.", kind="footnote")
    annex = _hit("annex.p3", "The mandate of UNMISS shall include", kind="annex")
    f_note, f_annex = _features(judge, q, [note, annex])
    assert (f_note["footnote"], f_note["operative"], f_note["preamble"]) == (1.0, 0.0, 0.0)
    assert (f_annex["footnote"], f_annex["operative"], f_annex["preamble"], f_annex["title"]) == (0.0, 0.0, 0.0, 0.0)
