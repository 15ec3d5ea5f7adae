"""The entity table language/data/entities.tsv: its format (contract 2 of the team plan) and its
coverage of the entities that the sample corpus names. Read with csv only: the loader is not tested here."""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "language" / "data"
TABLE = DATA / "entities.tsv"
AMBIGUOUS = DATA / "entities_ambiguous.tsv"
COLUMNS = ["id", "type", "en", "fr", "zh_hans", "zh_hant", "acronyms", "source"]
FORM_COLUMNS = ("en", "fr", "zh_hans", "zh_hant", "acronyms")
TYPES = {"mission", "organ", "body", "agency", "convention", "country", "other"}
# Characters that exist only in simplified Chinese: none may stand in a traditional form.
SIMPLIFIED_ONLY = set("国联团苏马门尔兰亚乌东罗伦刚际时区会议员组织约权类经济关实发处观卫队战们对话车军语说这")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read(TABLE)


@pytest.fixture(scope="module")
def by_id(rows) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in rows}


def forms(row: dict[str, str], column: str) -> list[str]:
    return row[column].split("|") if row[column] else []


def test_header_is_the_contract():
    first_line = TABLE.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line.split("\t") == COLUMNS


def test_every_line_has_eight_cells_and_no_stray_whitespace():
    lines = TABLE.read_text(encoding="utf-8").rstrip("\n").split("\n")
    bad = [n for n, line in enumerate(lines, 1) if len(line.split("\t")) != len(COLUMNS)]
    assert bad == []
    for row in read(TABLE):
        for column in FORM_COLUMNS:
            for form in forms(row, column):
                assert form and form == form.strip() and "  " not in form, (row["id"], column, form)


def test_ids_are_unique_ascii_slugs(rows):
    counts = Counter(row["id"] for row in rows)
    assert [i for i, n in counts.items() if n > 1] == []
    assert [r["id"] for r in rows if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"])] == []


def test_types_are_the_contract_types(rows):
    assert {row["type"] for row in rows} == TYPES


def test_required_cells_are_filled(rows):
    for row in rows:
        assert row["en"] and row["zh_hans"] and row["zh_hant"] and row["source"], row["id"]
    missing_fr = [row["id"] for row in rows if not row["fr"]]
    assert missing_fr == []


def test_acronyms_are_latin_and_short(rows):
    for row in rows:
        for acronym in forms(row, "acronyms"):
            assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9&.\- ]{0,19}", acronym), (row["id"], acronym)


def test_a_form_names_one_entity_unless_declared_ambiguous(rows):
    """Every name or acronym shared by several rows is listed, with exactly those ids, in
    entities_ambiguous.tsv; nothing else is shared."""
    owners = defaultdict(set)
    for row in rows:
        for column in FORM_COLUMNS:
            for form in forms(row, column):
                owners[form].add(row["id"])
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    declared = {entry["form"]: set(entry["ids"].split("|")) for entry in read(AMBIGUOUS)}
    assert shared == declared
    assert all(entry["reason"] for entry in read(AMBIGUOUS))


def test_traditional_forms_are_traditional(rows):
    for row in rows:
        for form in forms(row, "zh_hant"):
            assert not SIMPLIFIED_ONLY & set(form), (row["id"], form)
        first_hans, first_hant = forms(row, "zh_hans")[0], forms(row, "zh_hant")[0]
        if SIMPLIFIED_ONLY & set(first_hans):
            assert first_hant != first_hans, row["id"]


def test_unmiss_row_is_the_contract_example(by_id):
    row = by_id["unmiss"]
    assert row["type"] == "mission"
    assert forms(row, "en")[0] == "United Nations Mission in the Republic of South Sudan"
    assert forms(row, "fr")[0] == "Mission des Nations Unies au Soudan du Sud"
    assert forms(row, "zh_hans") == ["联合国南苏丹共和国特派团", "南苏丹特派团"]
    assert forms(row, "zh_hant")[:2] == ["聯合國南蘇丹共和國特派團", "南蘇丹特派團"]
    assert forms(row, "acronyms") == ["UNMISS", "MINUSS"]


def test_table_is_what_the_builder_writes(monkeypatch):
    """entities.tsv is generated: a hand edit of it (instead of entities_hand.tsv) would be lost."""
    spec = importlib.util.spec_from_file_location("build_entities", DATA / "build_entities.py")
    builder = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, builder)  # dataclasses look their module up
    spec.loader.exec_module(builder)
    assert builder.render(builder.build()) == TABLE.read_text(encoding="utf-8")
