"""Regression tests for parser bugs the gold-set writers found in the sample corpus.

Each test's docstring names the bug; the fixtures are the real documents that showed it
(samples/) or the SC corpus in the repository (corpora/unsc/).
"""

from __future__ import annotations

import pytest

from ingest.layout import continues_sentence, inside_quotation, organ_line
from ingest.parser import parse_file, parse_text
from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.unit

UNSC = ROOT / "corpora" / "unsc"


def _refs(doc, prefix: str) -> list[str]:
    return [p.ref for p in doc.paragraphs if p.ref.startswith(prefix) and "." not in p.ref]


def test_recital_cut_at_a_blank_line_mid_sentence_is_one_paragraph():
    """Bug: S/RES/598 (1987) pp2 "…despite its calls for a cease-fire, / (blank line) / the
    conflict … continues unabated" was cut in two, so pp3–pp11 were pp2–pp10 as printed."""
    doc = parse_file(SAMPLES / "en" / "S_RES_0598_1987.txt")
    assert _refs(doc, "pp") == [f"pp{n}" for n in range(1, 11)]
    assert doc.paragraph("pp2").text == (
        "Deeply concerned that, despite its calls for a cease-fire, the conflict between the Islamic "
        "Republic of Iran and Iraq continues unabated, with further heavy loss of human life and "
        "material destruction,")
    assert "1925 Geneva" in doc.paragraph("pp4").text


@pytest.mark.parametrize(("previous", "line", "expected"), [
    ("despite its calls for a cease-fire,", "the conflict between Iran and Iraq", True),
    ("the Security Council and", "the conflict", False),            # no comma: other rules decide
    ("of the Middle East,", "faving noted the developments", False),  # OCR lost the "H" of a recital
    ("Acting under Chapter VII of the Charter,", "i. Condemns the proclamation", False),  # OCR "1."
    ("in Southern Rhodesia,", "Condemning the executions", False),
])
def test_a_comma_and_a_lowercase_word_continue_the_sentence(previous, line, expected):
    """Bug guard for the blank-line rule: only a lowercase word (not a participle, not a
    misread number) after a comma continues the paragraph."""
    assert continues_sentence(previous, line) is expected


def test_capitalised_line_inside_a_quoted_title_opens_no_paragraph():
    """Bug: A/RES/73/6 pp17 "…entitled “Declaration on … of All States, / Taking into
    Particular Account the Needs of Developing Countries”" was cut at "Taking", so every
    later pp was one too high (pp26 for the printed pp25)."""
    doc = parse_file(SAMPLES / "en" / "A_RES_73_6.pdf")
    assert _refs(doc, "pp") == [f"pp{n}" for n in range(1, 26)]
    pp17 = doc.paragraph("pp17").text
    assert pp17.startswith("Reaffirming, in that regard, General Assembly resolution 51/122")
    assert pp17.endswith("Needs of Developing Countries”, and the need to promote the fullest implementation thereof,")
    assert "high-level segment" in doc.paragraph("pp25").text


@pytest.mark.parametrize(("piece", "line", "expected"), [
    (["entitled “Declaration on International Cooperation,"], "Taking into Particular Account", True),
    (["entitled “Declaration on International Cooperation”,"], "Taking into account", False),
    (["Décide d'insérer « Considérant,"], "Rappelant les résolutions", True),
    (["Decides to insert: “Considering,"], "2. Requests the Secretary-General", False),
])
def test_an_open_quotation_keeps_the_line_in_its_paragraph(piece, line, expected):
    """Bug guard: only an unclosed curly or French quotation holds a line; numbered lines still split."""
    assert inside_quotation(piece, line) is expected


def test_paragraph_cut_at_a_page_break_before_a_resolution_number_is_joined():
    """Bug: A/RES/78/330 pp17 (a list of resolutions) ends page 2 with "…76/237 of 24 December
    2021," and goes on with "76/268 of 10 June 2022, …" on page 3: the tail was parsed as "pp18"."""
    doc = parse_file(SAMPLES / "en" / "A_RES_78_330.pdf")
    assert _refs(doc, "pp") == [f"pp{n}" for n in range(1, 18)]
    pp17 = doc.paragraph("pp17").text
    assert "76/237 of 24 December 2021, 76/268 of 10 June 2022," in pp17
    assert pp17.endswith("78/245 of 22 December 2023,")


def test_part_heading_with_its_title_is_not_glued_into_an_operative_paragraph():
    """Bug: A/RES/78/330 prints "I Multilingualism in general and the role of the Secretariat"
    (heading and title on one line) between op3 and op4; it was glued into op3 (also "II …"
    into op25, "V …" into op70). The numbering runs on across the parts: refs stay opN."""
    doc = parse_file(SAMPLES / "en" / "A_RES_78_330.pdf")
    assert _refs(doc, "op") == [f"op{n}" for n in range(1, 93)]
    assert doc.paragraph("op3").text.endswith("six official languages of the United Nations;")
    assert doc.paragraph("op25").text.endswith("within the system of administration of justice;")
    assert doc.paragraph("op70").text.endswith("in conference management and conference services;")
    assert doc.paragraph("op4").text.startswith("Notes with appreciation the publication")


def test_titled_heading_needs_the_due_number_after_it():
    """Bug guard: a capitalised line that is not followed by the next operative number stays
    with its paragraph (quoted text inside an operative paragraph)."""
    text = ("The General Assembly,\n\nRecalling its resolution 1/1,\n\n1. Decides the following:\n\n"
            "A New Agenda for Peace\n\n2. Requests a report.")
    doc = parse_text(text, symbol="A/RES/1/2")
    assert _refs(doc, "op") == ["op1", "op2"]
    text_heading = text.replace("2. Requests", "5. Requests")
    doc = parse_text(text_heading, symbol="A/RES/1/2")
    assert "A New Agenda for Peace" in doc.paragraph("op1").text


def test_lowercase_organ_name_inside_a_sentence_is_no_organ_line():
    """Bug: S/RES/713 (1991) pp1 "…to convene a meeting of / the Security Council," lost
    "the Security Council," (read as the organ line); S/RES/97 (1952) "…adopted … by / the
    General Assembly," turned its only recital into op1."""
    doc = parse_file(SAMPLES / "en" / "S_RES_0713_1991.txt")
    assert doc.paragraph("pp1").text.endswith("the decision to convene a meeting of the Security Council,")
    doc = parse_file(UNSC / "S_RES_0097_1952.txt")
    assert [p.ref for p in doc.paragraphs if p.kind.value in ("preamble", "operative")] == ["pp1", "op1"]
    assert doc.paragraph("pp1").text.endswith("on 11 January 1952 by the General Assembly,")


@pytest.mark.parametrize(("previous", "line", "expected"), [
    ("to convene a meeting of", "the Security Council,", False),
    ("", "The Security Council,", True),
    ("Resolution 713 (1991) of 25 September 1991", "The Security Council,", True),
    ("adopted on 11 January 1952 by", "The General Assembly,", True),  # capitalised: the organ line
])
def test_organ_line_rule(previous, line, expected):
    """Bug guard: only a lowercase organ name after an unfinished line is demoted."""
    assert organ_line(previous, line) is expected


def test_json_list_of_paragraph_strings_is_read_as_paragraphs():
    """Bug: zh A/RES/66/54 (samples/zh/A_RES_66_54.partial.txt) is a JSON-like list of its
    paragraphs, cut mid-string; it was parsed as kind other (p1, p2), so the gold ref
    A/RES/66/54#pp1 ("回顾其关于总部设在利马的…") did not exist."""
    doc = parse_file(SAMPLES / "zh" / "A_RES_66_54.partial.txt", symbol="A/RES/66/54")
    assert doc.kind.value == "resolution"
    assert doc.title == "联合国和平、裁军与发展拉丁美洲和加勒比区域中心"
    assert _refs(doc, "pp") == [f"pp{n}" for n in range(1, 9)]
    assert doc.paragraph("pp1").text.startswith("回顾其关于总部设在利马的联合国和平、裁军与发展拉丁美洲和加勒比区域中心")
    assert doc.paragraph("pp8").text == "欢迎区域中"  # the copy is cut here


@pytest.mark.parametrize(("text", "expected"), [
    ('[ "The General Assembly,", "Recalling \\"A\\",", "1. Decides" ]', True),
    ('[ "The General Assembly,", "Recalling its resolution 1/1,", "1. Deci', True),  # cut mid-string
    ('[ "one", "two" ]', False),                               # too few strings
    ('[1] See resolution 1/1.\n\nThe General Assembly,', False),  # a bracketed footnote marker
    ('[ "a", 3, "b", "c" ]', False),                           # not strings only
])
def test_string_list_detection(text, expected):
    """Bug guard: only a list made of quoted strings is read as paragraphs."""
    from ingest.stringlist import is_string_list

    assert is_string_list(text) is expected


def test_string_list_keeps_escaped_quotes():
    """Bug guard: JSON escapes inside the strings are decoded, not kept as backslashes."""
    doc = parse_text('[ "The General Assembly,", "Recalling its resolution \\"1/1\\",", '
                     '"1. Decides to act." ]', symbol="A/RES/1/2")
    assert [p.ref for p in doc.paragraphs] == ["title", "pp1", "op1"]
    assert doc.paragraph("pp1").text == 'Recalling its resolution "1/1",'


def test_agenda_item_title_before_the_adoption_note_is_not_the_title():
    """Bug: zh A/RES/ES-11/6's title was the agenda item's title "給安全理事會主席的信
    (S/2014/136) [未經發交主要委員會而通過(…)]" and zh A/RES/65/311's the session line
    "第六十五届会议": both copies lack the resolution's title line, so the title is the symbol."""
    es11 = parse_file(SAMPLES / "zh" / "A_RES_ES-11_6.partial.txt", symbol="A/RES/ES-11/6")
    assert es11.title == "A/RES/ES-11/6"
    multilingualism = parse_file(SAMPLES / "zh" / "A_RES_65_311.partial.txt", symbol="A/RES/65/311")
    assert multilingualism.title == "A/RES/65/311"
    assert multilingualism.agenda_item == "121"


def test_title_after_the_adoption_note_is_kept():
    """Bug guard: the resolution's own title, printed after the adoption note, stays the title."""
    text = ("Agenda item 5\n\nLetter dated 28 February 2014 from Ukraine\n\n"
            "[without reference to a Main Committee (A/ES-11/L.7)]\n\n"
            "Principles of the Charter underlying a lasting peace\n\n"
            "The General Assembly,\n\nRecalling the Charter,\n\n1. Decides to act.")
    assert parse_text(text, symbol="A/RES/ES-11/6").title == "Principles of the Charter underlying a lasting peace"


def test_footnote_marker_glued_to_the_year_of_the_title_date_is_dropped():
    """Bug: en A/RES/498 (V)'s title ended "February 1, 19511" (marker 1 glued to 1951; the
    copy is cut before its footnotes)."""
    doc = parse_file(SAMPLES / "en" / "A_RES_498_V.partial.txt", symbol="A/RES/498 (V)")
    assert doc.title == "Resolution 498 (V), Adopted by the United Nations General Assembly, February 1, 1951"


def test_annex_number_printed_twice_does_not_duplicate_the_text():
    """Bug (found by the property test): an annex paragraph number printed twice appended
    its text twice to the paragraph it continues."""
    doc = parse_text("The General Assembly,\nAnnex\n1. Decides to act;\n1. Decides to act;", symbol="A/RES/1/1")
    assert doc.paragraph("annex.1").text == "Decides to act;\nDecides to act;"


def test_first_part_heading_above_the_organ_line_still_names_part_a():
    """Regression: S/RES/161 (1961) prints "A" above "The Security Council," where the walker
    does not see it, so part A kept plain refs (op2) while part B got B.op1 (PLAN contract 7)."""
    from ingest.parser import parse_file

    doc = parse_file(ROOT / "corpora" / "unsc" / "S_RES_0161_1961.txt")
    refs = [p.ref for p in doc.paragraphs]
    assert refs[1:6] == ["A.pp1", "A.pp2", "A.pp3", "A.pp4", "A.op1"]
    assert "A.op5" in refs and "B.op3" in refs and "op2" not in refs
