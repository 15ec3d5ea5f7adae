"""Build ``entities.tsv``: the multilingual table of UN entities (contract 2 of the team plan).

Rows come from three places, each named in the row's ``source`` cell:
- ``entities_hand.tsv`` beside this script: missions, organs, bodies, agencies, conventions,
  historical states, and UN-style names of member states that CLDR/ISO spell differently;
- country and territory names: CLDR via ``babel`` (en, fr, zh_Hans, zh_Hant) and ISO 3166-1 via
  ``pycountry`` (English names and their fr / zh_CN translations);
- traditional Chinese: hand forms first, then the OpenCC ``s2tw`` character conversion of every
  simplified form (character conversion, not Taiwan/Hong Kong usage; CLDR zh_Hant, which is
  Taiwan usage, is added for countries).

Run from the repository root; it needs babel, pycountry and opencc-python-reimplemented (pinned
in the ``test`` extra of pyproject.toml)::

    python language/data/build_entities.py          # rewrite entities.tsv
    python language/data/build_entities.py --check  # exit 1 if entities.tsv is out of date
    python language/data/build_entities.py --stats  # rows by type and kind of source

The output is deterministic: rows sorted by type, then id; alternatives keep their order, deduplicated.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
HAND = HERE / "entities_hand.tsv"
OUT = HERE / "entities.tsv"

COLUMNS = ("id", "type", "en", "fr", "zh_hans", "zh_hant", "acronyms", "source")
NAME_COLUMNS = ("en", "fr", "zh_hans", "zh_hant")
TYPES = ("mission", "organ", "body", "agency", "convention", "country", "other")
HAND_SOURCE = "hand (from knowledge of UN official names; verify)"
OPENCC_NOTE = "zh_hant: OpenCC s2tw character conversion of zh_hans"

# ISO 3166-1 entries that are not UN member states: territories, plus the two observer states
# (VA Holy See, PS State of Palestine), which get rows all the same.
NON_MEMBERS = frozenset(
    "AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO MP "
    "MQ MS NC NF NU PF PM PN PR PS RE SH SJ SX TC TF TK TW UM VA VG VI WF YT".split()
)
OBSERVERS = frozenset({"VA", "PS"})
# Ids are slugs of the CLDR English name, except where that name is not a usable slug.
ID_OVERRIDES = {"CD": "dr-congo", "CG": "congo", "MM": "myanmar", "PS": "palestine", "VA": "holy-see"}
SEP = "|"


@dataclass
class Row:
    id: str
    type: str
    names: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in NAME_COLUMNS})
    acronyms: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # CLDR zh_Hant (Taiwan usage) goes after the hand and converted forms, so it is kept apart.
    cldr_hant: list[str] = field(default_factory=list)

    def add(self, column: str, forms) -> None:
        target = self.acronyms if column == "acronyms" else self.names[column]
        for form in forms:
            form = clean(form)
            if form and form not in target:
                target.append(form)

    def cells(self) -> list[str]:
        return [
            self.id,
            self.type,
            *(SEP.join(self.names[c]) for c in NAME_COLUMNS),
            SEP.join(self.acronyms),
            "; ".join(self.sources),
        ]


def clean(form: str) -> str:
    """Normalize one name: NFC, straight apostrophe, single spaces."""
    form = unicodedata.normalize("NFC", form).replace("\u2019", "'")
    return re.sub(r"\s+", " ", form).strip()


def split(cell: str) -> list[str]:
    return [part for part in (clean(p) for p in cell.split(SEP)) if part]


def slug(name: str) -> str:
    name = name.replace("&", "and").replace("St. ", "Saint ")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-")


def read_hand(path: Path = HAND) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise SystemExit(f"{path}: header must be {COLUMNS}, got {reader.fieldnames}")
        rows = list(reader)
    for number, row in enumerate(rows, start=2):
        if row["type"] not in TYPES:
            raise SystemExit(f"{path}:{number}: unknown type {row['type']!r}")
    return rows


def country_rows() -> dict[str, Row]:
    """One row per ISO 3166-1 country or territory, named from CLDR and ISO 3166."""
    import babel
    import pycountry
    from babel import Locale

    iso_fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    iso_zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    cldr = {lang: Locale.parse(tag).territories for lang, tag in
            (("en", "en"), ("fr", "fr"), ("zh_hans", "zh_Hans"), ("zh_hant", "zh_Hant"))}
    iso_source = f"ISO 3166-1 via pycountry {pycountry_version()}"
    cldr_source = f"CLDR via babel {babel.__version__}"
    rows = {}
    for country in pycountry.countries:
        code = country.alpha_2
        row = Row(ID_OVERRIDES.get(code) or slug(cldr["en"][code]), "country")
        iso_names = [n for n in (country.name, getattr(country, "official_name", None)) if n]
        # ISO's inverted forms ("Korea, Republic of") never occur in running text.
        # CLDR's disambiguated forms ("Congo - Kinshasa") are not names.
        names = {lang: [table[code]] if code in table and " - " not in table[code] else []
                 for lang, table in cldr.items()}
        row.add("en", [n for n in iso_names if ", " not in n] + names["en"])
        row.add("fr", [iso_fr.gettext(n) for n in iso_names if ", " not in iso_fr.gettext(n)] + names["fr"])
        # CLDR first in Chinese: pycountry's zh_CN names mix in Taiwan/Hong Kong forms (瓜地马拉).
        row.add("zh_hans", names["zh_hans"] + [iso_zh.gettext(n) for n in iso_names if iso_zh.gettext(n) != n])
        row.cldr_hant = [clean(n) for n in names["zh_hant"]]
        status = "observer state" if code in OBSERVERS else (
            "territory" if code in NON_MEMBERS else "member state")
        row.sources = [f"{iso_source} + {cldr_source} (zh_hant: CLDR, Taiwan usage) [{code}, {status}]"]
        rows[row.id] = row
    return rows


def pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


# Spellings that differ between the 1946-1990s texts and later ones, or between typesettings,
# for the same name: each form gets the other spelling as an alternative.
LATIN_VARIANTS = (("Peace-keeping", "Peacekeeping"), ("peace-keeping", "peacekeeping"),
                  ("Co-operation", "Cooperation"), ("co-operation", "cooperation"),
                  ("Cease-Fire", "Ceasefire"), ("cease-fire", "ceasefire"))
CJK_VARIANTS = (("－", "-"), ("（", "("), ("）", ")"))


def spelling_variants(column: str, forms: list[str]) -> list[str]:
    """The forms followed by their other spellings ("Peace-keeping Force" / "Peacekeeping Force";
    "伊拉克－科威特" / "伊拉克-科威特")."""
    pairs = CJK_VARIANTS if column.startswith("zh") else LATIN_VARIANTS
    out = list(forms)
    for form in forms:
        for a, b in pairs:
            for old, new in ((a, b), (b, a)):
                if old in form:
                    out.append(form.replace(old, new))
    return out


def to_traditional(forms: list[str], converters: list) -> list[str]:
    return [converter.convert(form) for converter in converters for form in forms]


def opencc_converters() -> list:
    """OpenCC ``s2tw``: Taiwan-standard characters, no phrase replacement. It matches the traditional
    texts of the sample corpus best (秘書長, 核查, where plain ``s2t`` writes 祕書長, 覈查)."""
    from opencc import OpenCC

    return [OpenCC("s2tw")]


def build(hand_path: Path = HAND) -> list[Row]:
    """Merge the hand table into the generated country rows; return rows in output order."""
    rows = country_rows()
    seen = set()
    for record in read_hand(hand_path):
        if record["id"] in seen:
            raise SystemExit(f"hand id {record['id']!r} appears twice in {hand_path.name}")
        seen.add(record["id"])
        generated = rows.get(record["id"])
        if generated is not None and record["type"] != "country":
            raise SystemExit(f"hand id {record['id']!r} collides with a generated country id")
        row = Row(record["id"], record["type"])
        for column in (*NAME_COLUMNS, "acronyms"):
            row.add(column, split(record[column]))
        row.sources = [record["source"].strip() or HAND_SOURCE]
        if generated is not None:  # hand names (UN usage) come first, generated ones after
            for column in NAME_COLUMNS:
                row.add(column, generated.names[column])
            row.add("acronyms", generated.acronyms)
            row.cldr_hant = generated.cldr_hant
            row.sources += generated.sources
        rows[row.id] = row
    converters = opencc_converters()
    for row in rows.values():
        for column in ("en", "fr", "zh_hans", "zh_hant"):
            row.add(column, spelling_variants(column, row.names[column]))
        converted = to_traditional(row.names["zh_hans"], converters)
        if any(form not in row.names["zh_hant"] for form in converted):
            row.sources.append(OPENCC_NOTE)
        row.add("zh_hant", converted)
        row.add("zh_hant", row.cldr_hant)
    order = {t: i for i, t in enumerate(TYPES)}
    return sorted(rows.values(), key=lambda r: (order[r.type], r.id))


def render(rows: list[Row]) -> str:
    """The TSV text: no quoting, so a tab or newline inside a cell is an error, not an escape."""
    lines = ["\t".join(COLUMNS)]
    for row in rows:
        cells = row.cells()
        bad = [cell for cell in cells if "\t" in cell or "\n" in cell]
        if bad:
            raise SystemExit(f"{row.id}: a cell contains a tab or newline: {bad[0]!r}")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def stats(rows: list[Row]) -> str:
    """Rows by type and by kind of source, the table the README shows."""
    def kind(row: Row) -> str:
        text = " ".join(row.sources)
        parts = [name for name, mark in (("CLDR/ISO", "ISO 3166"), ("corpus", "corpus:"), ("hand", "hand"))
                 if mark in text]
        return " + ".join(parts)

    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        by_kind = counts.setdefault(row.type, {})
        by_kind[kind(row)] = by_kind.get(kind(row), 0) + 1
    forms = sum(len(r.names[c]) for r in rows for c in NAME_COLUMNS) + sum(len(r.acronyms) for r in rows)
    lines = [f"{len(rows)} rows, {forms} names and acronyms ({sum(len(r.acronyms) for r in rows)} acronyms)"]
    lines += [f"{t}: {sum(counts[t].values())} ({', '.join(f'{k} {n}' for k, n in sorted(counts[t].items()))})"
              for t in TYPES if t in counts]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if entities.tsv is out of date")
    parser.add_argument("--stats", action="store_true", help="print rows by type and source kind")
    args = parser.parse_args(argv)
    rows = build()
    if args.stats:
        print(stats(rows))
        return 0
    text = render(rows)
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date: run python {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
