"""Optional login from RESQA_AUTH or a users file."""

from __future__ import annotations

import pytest

from resqa.errors import ConfigError
from resqa.settings import Settings
from ui.auth import load_users

pytestmark = pytest.mark.unit


def test_no_auth_configured_means_no_login():
    assert load_users(Settings()) is None


def test_env_pair_and_file_are_combined(tmp_path):
    users = tmp_path / "users"
    users.write_text("# staff\nana:pa:ss\n\n bo :x\n", encoding="utf-8")
    assert load_users(Settings(auth="root:s3cret", auth_file=users)) == [
        ("root", "s3cret"), ("ana", "pa:ss"), ("bo", "x")]


def test_malformed_lines_name_the_line(tmp_path):
    users = tmp_path / "users"
    users.write_text("ana:1\nbroken\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"users:2: expected user:password"):
        load_users(Settings(auth_file=users))
    with pytest.raises(ConfigError, match="RESQA_AUTH: expected user:password"):
        load_users(Settings(auth="nopassword"))
    with pytest.raises(ConfigError, match="cannot read"):
        load_users(Settings(auth_file=tmp_path / "missing"))
