"""Settings: read once from the environment, validated, paths coerced."""

from pathlib import Path

import pytest

from resqa.errors import ConfigError
from resqa.settings import Settings


@pytest.mark.unit
def test_from_env_reads_resqa_variables():
    settings = Settings.from_env(
        {"RESQA_STORE": "/tmp/s", "RESQA_EMBED_MODEL": "usem3", "RESQA_MAX_FILE_MB": "2",
         "RESQA_CHROMA_URL": "http://127.0.0.1:8123"}
    )
    assert settings.store_dir == Path("/tmp/s")
    assert settings.embed_model == "usem3"
    assert settings.max_file_bytes == 2 * 1024 * 1024
    assert settings.chroma_url == "http://127.0.0.1:8123"
    assert settings.cache_dir == Path("/tmp/s/cache")


@pytest.mark.unit
def test_overrides_win_over_the_environment_and_none_is_ignored():
    settings = Settings.from_env({"RESQA_STORE": "/tmp/env"}, store_dir="/tmp/flag", chroma_url=None)
    assert settings.store_dir == Path("/tmp/flag")
    assert settings.chroma_url is None


@pytest.mark.unit
def test_string_paths_are_coerced():
    """Regression: Settings(store_dir="x").cache_dir raised TypeError (str / str)."""
    assert Settings(store_dir="data/x").cache_dir == Path("data/x/cache")


@pytest.mark.unit
@pytest.mark.parametrize(
    "env, message",
    [
        ({"RESQA_EMBED_MODEL": "bert"}, "RESQA_EMBED_MODEL='bert' is not one of"),
        ({"RESQA_MAX_FILE_MB": "lots"}, "is not a number"),
        ({"RESQA_MAX_FILE_MB": "0"}, "must be positive"),
        ({"RESQA_LLM_URL": "http://127.0.0.1:11434/v1"}, "RESQA_LLM_MODEL is not"),
    ],
)
def test_bad_settings_name_the_bad_value(env, message):
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env)
