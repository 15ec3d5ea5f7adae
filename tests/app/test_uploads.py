"""Upload checks: type, size, symlinks, generated names."""

from __future__ import annotations

import os

import pytest

from resqa.errors import ParseError
from ui.uploads import DEFAULT_SUFFIXES, display_name, stage_upload

pytestmark = pytest.mark.unit
LIMIT = 1024


@pytest.fixture
def root(tmp_path):
    folder = tmp_path / "uploads"
    folder.mkdir()
    return folder


def test_copy_has_a_generated_name_and_keeps_the_user_name_for_display(root, tmp_path):
    src = root / "evil name;rm -rf.txt"
    src.write_text("大会，", encoding="utf-8")
    staged = stage_upload(src, tmp_path / "private", LIMIT, upload_root=root, suffixes=DEFAULT_SUFFIXES)
    assert staged.name == "evil name;rm -rf.txt"
    assert staged.path.parent == tmp_path / "private"
    assert len(staged.path.stem) == 32 and staged.path.suffix == ".txt"
    assert staged.path.read_text(encoding="utf-8") == "大会，"


def test_user_name_with_directories_is_reduced_to_its_base_name():
    assert display_name("../../etc/passwd.txt") == "passwd.txt"
    assert display_name("C:\\Users\\x\\res.pdf") == "res.pdf"


def test_too_large_upload_is_refused(root, tmp_path):
    src = root / "big.txt"
    src.write_bytes(b"x" * (LIMIT + 1))
    with pytest.raises(ParseError, match=r"big.txt: too large: 1025 bytes, the limit is 1024 bytes"):
        stage_upload(src, tmp_path / "private", LIMIT, upload_root=root, suffixes=DEFAULT_SUFFIXES)
    assert list((tmp_path / "private").iterdir()) == []


def test_wrong_type_and_empty_files_are_refused(root, tmp_path):
    exe = root / "run.sh"
    exe.write_text("echo hi")
    with pytest.raises(ParseError, match=r"run.sh: unsupported file type \.sh"):
        stage_upload(exe, tmp_path / "p", LIMIT, upload_root=root, suffixes=DEFAULT_SUFFIXES)
    empty = root / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(ParseError, match="empty.pdf: the file is empty"):
        stage_upload(empty, tmp_path / "p", LIMIT, upload_root=root, suffixes=DEFAULT_SUFFIXES)


def test_symlink_pointing_outside_the_upload_folder_is_refused(root, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    link = root / "innocent.txt"
    os.symlink(secret, link)
    with pytest.raises(ParseError, match="innocent.txt: refused: the upload is a link to a file outside"):
        stage_upload(link, tmp_path / "p", LIMIT, upload_root=root, suffixes=DEFAULT_SUFFIXES)
    with pytest.raises(ParseError, match="refused: the upload is a link"):
        stage_upload(link, tmp_path / "p", LIMIT, upload_root=None, suffixes=DEFAULT_SUFFIXES)


def test_file_outside_the_upload_folder_is_refused(root, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("text")
    with pytest.raises(ParseError, match="elsewhere.txt: refused: the file is outside the upload folder"):
        stage_upload(outside, tmp_path / "p", LIMIT, upload_root=root, suffixes=DEFAULT_SUFFIXES)
