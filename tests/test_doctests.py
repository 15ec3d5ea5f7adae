"""The examples in the modules' docstrings are run: a docstring that shows a wrong result fails the suite."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.unit

PACKAGES = ("language", "ingest", "index", "compare", "answer", "eval", "resqa", "ui", "prompts")


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "data" in parts or parts[-1] == "__main__":
                continue
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = _modules()


def test_every_package_is_searched_for_examples():
    assert {"language.refwords", "ingest.citations", "answer.phrasing", "index.library"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, report=False)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} docstring examples fail (python -m doctest -v {Path(*name.split('.'))}.py)"
