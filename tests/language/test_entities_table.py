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
TRADITIONAL_ONLY = set("國聯團蘇馬門爾蘭亞烏東羅倫剛際時區會議員組織約權類經濟關實發處觀衛隊戰們對話車軍語說這")
CJK = re.compile(r"[\u3400-\u9fff]")


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
    # No quote character anywhere, so that a csv reader with default quoting reads it the same.
    assert [name for name in DATA.glob("*.tsv") if '"' in name.read_text(encoding="utf-8")] == []
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


def test_each_column_is_in_its_script(rows):
    for row in rows:
        for column in ("en", "fr", "acronyms"):
            assert [f for f in forms(row, column) if CJK.search(f)] == [], (row["id"], column)
        for column in ("zh_hans", "zh_hant"):
            assert all(CJK.search(f) for f in forms(row, column)), (row["id"], column)
        assert [f for f in forms(row, "zh_hans") if TRADITIONAL_ONLY & set(f)] == [], row["id"]


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


# Entities named in the sample corpus, with the exact form the document uses (read from the texts,
# not from the table): (id, column, form, document under samples/).
IN_SAMPLES = [
    ("unmiss", "zh_hant", "南蘇丹特派團", "zh/S_RES_2326_2016.txt"),
    ("unmiss", "zh_hant", "聯合國南蘇丹共和國特派團", "zh/S_RES_2326_2016.txt"),
    ("regional-protection-force", "zh_hant", "區域保護部隊", "zh/S_RES_2326_2016.txt"),
    ("security-council", "zh_hant", "安理會", "zh/S_RES_2326_2016.txt"),
    ("un-charter", "zh_hant", "聯合國憲章", "zh/S_RES_2326_2016.txt"),
    ("unficyp", "en", "United Nations Peace-keeping Force in Cyprus", "en/S_RES_0625_1988.txt"),
    ("unficyp", "zh_hans", "联合国驻塞浦路斯维持和平部队", "zh/S_RES_0625_1988.txt"),
    ("unficyp", "zh_hans", "联塞部队", "zh/S_RES_0625_1988.txt"),
    ("unficyp", "zh_hans", "联合国维持和平部队", "zh/S_RES_0625_1988.txt"),
    ("unef-ii", "en", "United Nations Emergency Force", "en/S_RES_0368_1975.txt"),
    ("unef-ii", "zh_hans", "联合国紧急部队", "zh/S_RES_0368_1975.txt"),
    ("unef-ii", "zh_hans", "紧急部队", "zh/S_RES_0396_1976.txt"),
    ("undof", "en", "United Nations Disengagement Observer Force", "en/S_RES_0408_1977.txt"),
    ("undof", "zh_hans", "联合国脱离接触观察员部队", "zh/S_RES_0408_1977.txt"),
    ("unifil", "en", "United Nations interim force for Southern Lebanon", "en/S_RES_0425_1978.txt"),
    ("unamir", "en", "United Nations Assistance Mission for Rwanda", "en/S_RES_0872_1993.txt"),
    ("unomur", "en", "United Nations Observer Mission Uganda-Rwanda", "en/S_RES_0872_1993.txt"),
    ("oau", "en", "Organization of African Unity", "en/S_RES_0872_1993.txt"),
    ("icty", "en", "International Tribunal", "en/S_RES_0827_1993.txt"),
    ("icfy", "en", "International Conference on the Former Yugoslavia", "en/S_RES_0827_1993.txt"),
    ("unscom", "en", "Special Commission", "en/S_RES_0687_1991.txt"),
    ("iaea", "en", "International Atomic Energy Agency", "en/S_RES_0687_1991.txt"),
    ("icrc", "en", "International Committee of the Red Cross", "en/S_RES_0687_1991.txt"),
    ("who", "en", "World Health Organization", "en/S_RES_0687_1991.txt"),
    ("npt", "en", "Treaty on the Non-Proliferation of Nuclear Weapons", "en/S_RES_0687_1991.txt"),
    ("committee-661", "en", "Committee established by resolution 661 (1990)", "en/S_RES_0687_1991.txt"),
    ("third-geneva-convention", "en", "Third Geneva Convention", "en/S_RES_0598_1987.txt"),
    ("league-of-arab-states", "en", "League of Arab States", "en/S_RES_0660_1990.txt"),
    ("european-community", "en", "European Community", "en/S_RES_0713_1991.txt"),
    ("serbia-and-montenegro", "en", "Federal Republic of Yugoslavia (Serbia and Montenegro)", "en/S_RES_0821_1993.txt"),
    ("serbia-and-montenegro", "zh_hans", "南斯拉夫联邦共和国(塞尔维亚和黑山)", "zh/S_RES_0821_1993.txt"),
    ("yugoslavia", "en", "Socialist Federal Republic of Yugoslavia", "en/S_RES_0821_1993.txt"),
    ("ecosoc", "zh_hans", "经济及社会理事会", "zh/S_RES_0821_1993.txt"),
    ("atomic-energy-commission", "en", "Atomic Energy Commission", "en/S_RES_0020_1947.txt"),
    ("atomic-energy-commission", "zh_hant", "原子能委員會", "zh/S_RES_0020_1947.txt"),
    ("un-palestine-commission", "zh_hant", "聯合國巴勒斯坦問題委員會", "zh/S_RES_0044_1948.txt"),
    ("truce-commission-palestine", "en", "Truce Commission for Palestine", "en/S_RES_0048_1948.txt"),
    ("truce-commission-palestine", "zh_hans", "巴勒斯坦休战委员会", "zh/S_RES_0048_1948.txt"),
    ("ukraine", "zh_hans", "乌克兰苏维埃社会主义共和国", "zh/S_RES_0048_1948.txt"),
    ("ussr", "en", "Union of Soviet Socialist Republics", "en/S_RES_0004_1946.txt"),
    ("unco-international-organization", "zh_hans", "联合国国际组织会议", "zh/S_RES_0004_1946.txt"),
    ("uncok", "en", "United Nations Commission on Korea", "en/S_RES_0082_1950.txt"),
    ("china", "zh_hant", "中華人民共和國", "zh/S_RES_0087_1950.txt"),
    ("china", "zh_hans", "中华人民共和国", "zh/A_RES_2758_XXVI.txt"),
    ("collective-measures-committee", "zh_hans", "集体办法委员会", "zh/A_RES_498_V.txt"),
    ("good-offices-committee-korea", "en", "Good Offices Committee", "en/A_RES_498_V.partial.txt"),
    ("first-committee", "zh_hans", "第一委员会", "zh/A_RES_498_V.txt"),
    ("udhr", "fr", "Déclaration universelle des droits de l'homme", "fr/A_RES_217_III_A_UDHR.txt"),
    ("udhr", "zh_hans", "世界人权宣言", "zh/A_RES_217_III_A_UDHR.txt"),
    ("francophonie", "fr", "Organisation internationale de la Francophonie", "fr/A_65_L_Francophonie_2010.partial.txt"),
    ("francophonie", "zh_hans", "法语国家国际组织", "zh/A_67_L_francophonie_draft.txt"),
    ("acct", "fr", "Agence de coopération culturelle et technique", "fr/A_RES_52_2.partial.txt"),
    ("un-women", "zh_hans", "联合国促进两性平等和增强妇女权能署", "zh/A_67_L_francophonie_draft.txt"),
    ("un-women", "zh_hans", "妇女署", "zh/A_67_L_francophonie_draft.txt"),
    ("peacebuilding-commission", "zh_hans", "建设和平委员会", "zh/A_67_L_francophonie_draft.txt"),
    ("dpo", "zh_hans", "维持和平行动部", "zh/A_67_L_francophonie_draft.txt"),
    ("oic", "zh_hans", "伊斯兰会议组织", "zh/A_RES_52_4.partial.txt"),
    ("ipu", "zh_hans", "各国议会联盟", "zh/A_RES_52_7.txt"),
    ("league-of-arab-states", "zh_hans", "阿拉伯国家联盟", "zh/A_RES_55_10.partial.txt"),
    ("iccpr", "zh_hans", "公民及政治权利国际公约", "zh/A_RES_65_119.partial.txt"),
    ("special-committee-decolonization", "zh_hans", "给予殖民地国家和人民独立宣言执行情况特别委员会", "zh/A_RES_65_119.partial.txt"),
    ("non-aligned-movement", "zh_hans", "不结盟国家运动", "zh/A_RES_65_119.partial.txt"),
    ("osce", "zh_hans", "欧洲安全与合作组织", "zh/A_RES_68_262.partial.txt"),
    ("npt", "zh_hans", "不扩散核武器条约", "zh/A_RES_68_262.partial.txt"),
    ("geneva-conventions-1949", "en", "Geneva Conventions of 12 August 1949", "en/A_RES_ES-10_21.partial.txt"),
    ("geneva-conventions-1949", "zh_hans", "1949年8月12日日内瓦四公约", "zh/A_RES_ES-10_21.partial.txt"),
    ("icj", "zh_hant", "國際法院", "zh/A_RES_ES-11_6.partial.txt"),
    ("russia", "zh_hant", "俄羅斯聯邦", "zh/A_RES_ES-11_6.partial.txt"),
    ("human-rights-council", "en", "Human Rights Council", "en/A_RES_ES-11_3.partial.txt"),
    ("icpd", "fr", "Conférence internationale sur la population et le développement", "fr/A_RES_55_100.partial.txt"),
    ("vienna-declaration-1993", "en", "Vienna Declaration and Programme of Action", "en/A_C.3_56_draft_right_to_development_2001.txt"),
    ("third-committee", "en", "Third Committee", "en/A_C.3_56_draft_right_to_development_2001.txt"),
    ("eswatini", "en", "Swaziland", "en/A_RES_55_100.partial.txt"),
    ("iccpr", "zh_hans", "公民及政治权利国际盟约", "zh/A_RES_55_100.partial.txt"),
    ("icpd-programme-of-action", "zh_hans", "国际人口与发展会议行动纲领", "zh/A_RES_55_100.partial.txt"),
    ("friendly-relations-declaration", "zh_hans", "关于各国依联合国宪章建立友好关系和合作的国际法原则宣言", "zh/A_RES_68_262.partial.txt"),
    ("ukraine-russia-friendship-treaty", "zh_hans", "乌克兰与俄罗斯联邦友好、合作和伙伴关系条约", "zh/A_RES_68_262.partial.txt"),
    ("francophonie-charter", "zh_hans", "法语国家宪章", "zh/A_67_L_francophonie_draft.txt"),
    ("pact-league-arab-states", "zh_hans", "阿拉伯国家联盟公约", "zh/A_RES_55_10.partial.txt"),
    ("east-jerusalem", "zh_hans", "东耶路撒冷", "zh/A_RES_ES-10_21.partial.txt"),
    ("gaza-strip", "zh_hans", "加沙地带", "zh/A_RES_ES-10_21.partial.txt"),
    ("east-jerusalem", "en", "East Jerusalem", "en/A_RES_ES-10_21.partial.txt"),
    ("gaza-strip", "en", "Gaza Strip", "en/A_RES_ES-10_21.partial.txt"),
    ("korea", "en", "Korea", "en/A_RES_498_V.partial.txt"),
    ("korea", "zh_hans", "朝鲜", "zh/A_RES_498_V.txt"),
]


def sample_text(document: str) -> str:
    text = (ROOT / "samples" / document).read_text(encoding="utf-8", errors="replace")
    return re.sub(r"\s+", " ", text).replace("\u2019", "'")


@pytest.mark.parametrize(("entity", "column", "form", "document"), IN_SAMPLES)
def test_sample_corpus_entities_are_in_the_table(by_id, entity, column, form, document):
    assert form in sample_text(document)
    assert form in forms(by_id[entity], column)



# The 71 peacekeeping operations of the UN's list, 1948 to date (written from memory of that list).
PEACEKEEPING = """untso unmogip unef-i unogil onuc unsf unyom unficyp domrep unipom unef-ii undof unifil
ungomap uniimog unavem-i untag onuca unavem-ii onusal unikom minurso unamic unprofor untac unosom-i
onumoz unosom-ii unomur unomig unomil unmih unamir unasog unmot unavem-iii uncro unpredep unmibh
untaes unmop unsmih minugua monua untmih miponuh unpsg minurca unomsil unmik unamsil untaet monuc
unmee unmiset unmil minuci unoci minustah onub unmis unmit unamid minurcat monusco unisfa unmiss unsmis
minusma minusca minujusth""".split()


def test_every_peacekeeping_operation_is_a_mission_row(by_id):
    assert len(PEACEKEEPING) == 71
    assert [i for i in PEACEKEEPING if by_id.get(i, {}).get("type") != "mission"] == []


def test_member_observer_and_historical_states_are_countries(rows, by_id):
    statuses = Counter(re.search(r"\[[A-Z]{2}, ([a-z ]+)\]", r["source"]).group(1)
                       for r in rows if r["type"] == "country" and "ISO 3166-1" in r["source"])
    assert statuses["member state"] == 193
    assert statuses["observer state"] == 2
    historical = ["ussr", "yugoslavia", "czechoslovakia", "german-democratic-republic",
                  "serbia-and-montenegro", "united-arab-republic", "democratic-yemen"]
    assert [i for i in historical if by_id[i]["type"] != "country"] == []
    assert "Zaire" in forms(by_id["dr-congo"], "en")
    assert "Southern Rhodesia" in forms(by_id["zimbabwe"], "en")


def test_contextual_forms_belong_to_their_row(by_id):
    """entities_contextual.tsv lists forms that name their entity only in context ("Charter",
    "大会"); each must be a form of the row it names, and say which context."""
    entries = read(DATA / "entities_contextual.tsv")
    assert len(entries) >= 40
    for entry in entries:
        row = by_id[entry["id"]]
        assert entry["form"] in {f for column in FORM_COLUMNS for f in forms(row, column)}, entry
        assert entry["context"], entry
