"""`write_atomically`: a saved index folder appears whole or not at all."""

from __future__ import annotations

import pytest

from index.folders import write_atomically


def test_the_folder_appears_with_everything_written(tmp_path):
    write_atomically(tmp_path / "lexical" / "7", lambda tmp: (tmp / "rows.json").write_text("{}"))
    assert [p.name for p in (tmp_path / "lexical").iterdir()] == ["7"]
    assert (tmp_path / "lexical" / "7" / "rows.json").read_text() == "{}"


def test_a_failed_write_leaves_no_folder_and_no_temporary(tmp_path):
    def fail(tmp):
        (tmp / "half").write_text("x")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(tmp_path / "dense" / "3", fail)
    assert list((tmp_path / "dense").iterdir()) == []


def test_a_folder_another_process_saved_first_is_kept(tmp_path):
    target = tmp_path / "dense" / "3"
    target.mkdir(parents=True)
    (target / "theirs").write_text("saved first")
    write_atomically(target, lambda tmp: (tmp / "mine").write_text("later"))
    assert [p.name for p in target.iterdir()] == ["theirs"]
    assert [p.name for p in target.parent.iterdir()] == ["3"]


def test_replace_swaps_out_a_damaged_folder(tmp_path):
    target = tmp_path / "lexical" / "3"
    target.mkdir(parents=True)
    (target / "rows.json").write_text("{not json")
    write_atomically(target, lambda tmp: (tmp / "rows.json").write_text("{}"), replace=True)
    assert (target / "rows.json").read_text() == "{}"
    assert [p.name for p in target.parent.iterdir()] == ["3"]
