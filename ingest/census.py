"""Census of a folder: parse every file and report the structural checks that fail.

    python -m ingest.census DIR [--json]

Checks per parsed file (docs/parser.md, "Census"):
- `kind`: a file whose symbol is a resolution (`/RES/`) is parsed as one;
- `operative`: a resolution has an operative part (a file cut inside its preamble fails);
- `numbering`: the operative numbers of each section are 1..N, without gaps or repeats;
- `swallowed`: no paragraph holds a numbered operative paragraph ("…;\\n2. Decides");
- `footnote-text`: no body paragraph holds footnote text ("43 See Official Records …", "Ibid.");
- `masthead-title`: the title is not the page masthead ("United Nations S/RES/… Distr.: General").
A file the parser refuses is `refused` (with its one-line reason); any other exception is `internal`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ingest import lexicon
from ingest.model import Document, DocumentKind, ParagraphKind
from language.refs import split_section
from resqa.errors import ParseError

CHECKS = ("kind", "operative", "numbering", "swallowed", "footnote-text", "masthead-title")
_BODY = (ParagraphKind.PREAMBLE, ParagraphKind.OPERATIVE, ParagraphKind.SUBPARAGRAPH)
_OP_NUMBER = re.compile(r"^op(\d+)(?:\.|$)")
_FOOTNOTE_TEXT = re.compile(
    r"(?:^|\s)\d{1,3}\s+(?:See|Ibid|Official Records|Documents officiels|Voir)\b"
    r"|\bIbid\.,|\bOfficial Records of the (?:General Assembly|Security Council|Economic)\b[^.;]*\b(?:Supplement|Year|Session|meeting)"
    r"|United Nations publication, Sales No\.|publication des Nations Unies, num[ée]ro de vente"
    r"|联合国出版物|《(?:大会|安全理事会)正式记录",
)
_MASTHEAD = re.compile(r"Distr\.?\s*:|^(?:United Nations|Nations Unies|联合国|聯合國)\s+S/RES/", re.I)


@dataclass
class FileReport:
    path: str
    status: str  # "ok", "failed" (some check), "refused", "internal"
    kind: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # check → what was found
    reason: str | None = None

    def to_json(self) -> dict:
        return {"path": self.path, "status": self.status, "kind": self.kind, "counts": self.counts,
                "failed": self.failed, "reason": self.reason}


def check_document(doc: Document) -> dict[str, str]:
    """The structural checks `doc` fails, each with a short description of what was found."""
    failed: dict[str, str] = {}
    resolution = doc.kind in (DocumentKind.RESOLUTION, DocumentKind.DECLARATION)
    if "/RES/" in doc.symbol and not resolution:
        failed["kind"] = f"a /RES/ symbol parsed as {doc.kind}"
    numbers: dict[str, list[int]] = {}
    for p in doc.paragraphs:
        section, local = split_section(p.ref)
        if (m := _OP_NUMBER.match(local)) and p.kind in (ParagraphKind.OPERATIVE, ParagraphKind.SUBPARAGRAPH):
            if p.kind is ParagraphKind.OPERATIVE or not numbers.get(section) or numbers[section][-1] != int(m.group(1)):
                numbers.setdefault(section, []).append(int(m.group(1)))
    if doc.kind is not DocumentKind.OTHER and not numbers:
        failed["operative"] = "no operative paragraph"
    for section, found in numbers.items():
        ops = sorted(set(found))
        if ops != list(range(1, len(ops) + 1)) or len(found) != len(set(found)):
            where = f"section {section}: " if section else ""
            failed["numbering"] = f"{where}operative numbers {_ranges(found)}"
            break
    swallowed = _swallowed_re()
    noted = footnote_text = None
    for p in doc.paragraphs:
        if p.kind not in _BODY:
            continue
        if noted is None and (m := swallowed.search(p.text)):
            noted = f"{p.ref} holds {m.group(0).strip()[:30]!r}"
        if footnote_text is None and (m := _FOOTNOTE_TEXT.search(p.text)):
            footnote_text = f"{p.ref} holds {m.group(0).strip()[:40]!r}"
    if noted:
        failed["swallowed"] = noted
    if footnote_text:
        failed["footnote-text"] = footnote_text
    if _MASTHEAD.search(doc.title):
        failed["masthead-title"] = doc.title[:60]
    return failed


def _ranges(numbers: list[int]) -> str:
    return ",".join(map(str, numbers[:12])) + ("…" if len(numbers) > 12 else "")


_SWALLOWED: re.Pattern | None = None


def _swallowed_re() -> re.Pattern:
    global _SWALLOWED
    if _SWALLOWED is None:
        verbs = "|".join(map(re.escape, sorted(set(lexicon.OPERATIVE_STARTERS), key=len, reverse=True)))
        zh = "|".join(map(re.escape, lexicon.ZH_OPERATIVE_STARTERS))
        _SWALLOWED = re.compile(
            rf"(?:\n|[;:.,；：。，]\s+)\d{{1,3}}\s*[.,、．]\s*(?:(?:{verbs})\b|{zh})"
        )
    return _SWALLOWED


def census_file(path: Path, parse: Callable[[Path], Document]) -> FileReport:
    try:
        doc = parse(path)
    except ParseError as exc:
        return FileReport(str(path), "refused", reason=exc.reason)
    except Exception as exc:  # the census reports bugs instead of stopping at the first
        return FileReport(str(path), "internal", reason=f"{type(exc).__name__}: {exc}")
    kinds = {"pp": ParagraphKind.PREAMBLE, "op": ParagraphKind.OPERATIVE, "sub": ParagraphKind.SUBPARAGRAPH,
             "annex": ParagraphKind.ANNEX, "fn": ParagraphKind.FOOTNOTE, "p": ParagraphKind.PARAGRAPH}
    counts = {name: doc.count(kind) for name, kind in kinds.items()}
    failed = check_document(doc)
    return FileReport(str(path), "failed" if failed else "ok", str(doc.kind), counts, failed)


def census(folder: Path, parse: Callable[[Path], Document] | None = None,
           progress: Callable[[int, int, str], None] | None = None) -> list[FileReport]:
    """Parse every supported file under `folder` (recursively) and check each."""
    from ingest.parser import SUPPORTED_SUFFIXES, parse_file

    parse = parse or parse_file
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES
                   and p.name.lower() != "readme.txt" and not p.is_dir())
    reports = []
    for index, path in enumerate(files, start=1):
        reports.append(census_file(path, parse))
        if progress:
            progress(index, len(files), path.name)
    return reports


def summary(reports: list[FileReport]) -> dict:
    total = len(reports)
    by_check = {check: sum(1 for r in reports if check in r.failed) for check in CHECKS}
    ok = sum(1 for r in reports if r.status == "ok")
    return {
        "files": total, "ok": ok, "ok_share": round(ok / total, 4) if total else 0.0,
        "failed": sum(1 for r in reports if r.status == "failed"),
        "refused": sum(1 for r in reports if r.status == "refused"),
        "internal": sum(1 for r in reports if r.status == "internal"),
        "by_check": by_check,
    }


def format_text(reports: list[FileReport], root: Path) -> str:
    lines = []
    for r in reports:
        if r.status == "ok":
            continue
        name = _relative(r.path, root)
        if r.status in ("refused", "internal"):
            lines.append(f"{name}: {r.status}: {r.reason}")
        else:
            lines.append(f"{name}: " + "; ".join(f"{c}: {what}" for c, what in r.failed.items()))
    s = summary(reports)
    lines.append(
        f"{s['files']} files: {s['ok']} pass every check ({100 * s['ok_share']:.1f} %), {s['failed']} fail a check, "
        f"{s['refused']} refused, {s['internal']} internal errors; "
        + ", ".join(f"{c} {n}" for c, n in s["by_check"].items()))
    return "\n".join(lines)


def _relative(path: str, root: Path) -> str:
    try:
        return str(Path(path).relative_to(root))
    except ValueError:
        return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.census", description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"census: not a folder: {args.folder}", file=sys.stderr)
        return 1
    import logging

    logging.disable(logging.WARNING)  # per-file parser warnings would drown the report
    reports = census(args.folder)
    if args.json:
        print(json.dumps({"summary": summary(reports), "files": [r.to_json() for r in reports]},
                         ensure_ascii=False, indent=1))
    else:
        print(format_text(reports, args.folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
