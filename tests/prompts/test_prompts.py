import pytest

import prompts
from resqa.errors import ConfigError

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("lang", ["en", "zh", "fr"])
def test_question_template_placeholders_match_the_code(lang):
    assert prompts.placeholders("question", lang) == {"history", "paragraphs", "question"}
    assert prompts.placeholders("system", lang) == set()


def test_shared_templates_placeholders():
    assert prompts.placeholders("paragraph", "en") == {"cite", "lang", "kind", "text"}
    assert prompts.placeholders("history", "en") == {"turns"}


@pytest.mark.parametrize("lang, phrase", [("en", "[SYMBOL#REF]"), ("zh", "[SYMBOL#REF]"), ("fr", "[SYMBOL#REF]")])
def test_system_prompts_demand_citations_and_treat_documents_as_data(lang, phrase):
    text = prompts.load("system", lang)
    assert phrase in text and "<documents>" in text


def test_other_languages_fall_back_to_english_and_bad_names_fail():
    assert prompts.load("system", "ru") == prompts.load("system", "en")
    with pytest.raises(ConfigError, match="no prompt template 'nope'"):
        prompts.load("nope", "en")
    with pytest.raises(ConfigError, match="bad prompt name"):
        prompts.load("../x", "en")
