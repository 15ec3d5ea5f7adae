"""Golden structure of real corpus documents, counted by hand from the documents.

Each entry: the file (relative to the repository), the symbol to pass when the
file prints none, and what the parser must find. `counts` are
(preambular, operative, sub-paragraphs, annex, footnotes). `cites` maps a ref to
the footnotes it cites (every other body paragraph cites none); `texts` maps a
ref to a fragment of its text; `refs` lists refs that must exist, in order.
"""

from __future__ import annotations

GOLDEN: tuple[dict, ...] = (
    dict(
        path="samples/zh/A_67_L_francophonie_draft.txt", symbol="A/67/L.X", lang="zh",
        kind="draft_resolution", session="67", agenda_item="121(1)",
        counts=(13, 25, 4, 0, 2),
        refs=("title", "pp1", "pp13", "op1", "op14", "op14.a", "op14.b", "op14.c", "op14.d", "op15", "op25", "fn1", "fn2"),
        cites={"pp9": ("fn1",), "pp10": ("fn2",), "op1": ("fn2",)},
        texts={
            "pp5": "协助建立和发展民主，预防、管理和解决冲突，支持法治与人权",
            "op2": "促成国际合作，以解决经济、社会或人道主义性质的国际问题",
            "op14.d": "改进全球治理",
            "title": "联合国同法语国家国际组织的合作",
            "fn1": "第 66/288 号决议，附件。",
        },
        sponsors=(40, "阿尔巴尼亚", "越南"),
    ),
    dict(
        path="samples/en/A_RES_80_4.pdf", lang="en", symbol_out="A/RES/80/4", kind="resolution",
        session="80", date="2025-10-29", agenda_item="38", counts=(8, 5, 0, 0, 1),
        cites={"op1": ("fn1",)},
        texts={
            "title": "Necessity of ending the economic, commercial and financial embargo",
            "pp6": "79/7 of 30 October 2024 and its decision 76/563 of 11 May 2022,",
            "op1": "on the implementation of resolution 79/7;",
            "fn1": "A/80/83.",
        },
        pages={"pp1": 1, "pp7": 2, "op5": 2},
    ),
    dict(
        path="samples/en/A_RES_80_7.pdf", lang="en", symbol_out="A/RES/80/7", kind="resolution",
        session="80", date="2025-11-14", counts=(4, 5, 0, 0, 3),
        cites={"pp1": ("fn1",), "op2": ("fn2", "fn3")},
        texts={"op2": "agenda item 8 entitled “Election of Members to the Board of Governors”; item 15",
               "op3": "Reaffirms its strong support", "fn1": "See A/80/348."},
    ),
    dict(
        path="samples/en/A_80_L.1.pdf", lang="en", symbol_out="A/80/L.1", kind="draft_decision",
        session="80", agenda_item="35", counts=(3, 0, 2, 0, 1),
        refs=("pp1", "pp2", "pp3", "op1.a", "op1.b"),
        cites={"op1.a": ("fn1",)},
        texts={"op1.a": "Implementation of the Two-State Solution;", "op1.b": "Endorses the New York Declaration"},
        sponsors=(7, "France", "State of Palestine"),
    ),
    dict(
        path="samples/en/S_RES_0087_1950.txt", lang="en", symbol_out="S/RES/87 (1950)", kind="resolution",
        date="1950-09-29", counts=(4, 1, 2, 0, 0),
        refs=("pp1", "pp2", "pp3", "pp4", "op1", "op1.a", "op1.b"),
        texts={"op1": "Decides:", "op1.a": "To defer consideration of this question",
               "pp4": "Having noted the declaration"},
    ),
    dict(
        path="samples/zh/S_RES_0087_1950.txt", lang="zh", symbol_out="S/RES/87 (1950)", kind="resolution",
        date="1950-09-29", counts=(4, 1, 2, 0, 0),
        refs=("pp1", "pp4", "op1", "op1.a", "op1.b"),
        texts={"op1": "決議:", "op1.b": "邀請上述政府代表", "pp4": "備悉中華人民共和國"},
    ),
    dict(
        path="samples/en/S_RES_0242_1967.txt", lang="en", symbol_out="S/RES/242 (1967)", kind="resolution",
        date="1967-11-22", counts=(3, 4, 5, 0, 0),
        refs=("op1", "op1.i", "op1.ii", "op2", "op2.a", "op2.b", "op2.c", "op3", "op4"),
        texts={"op1.i": "Withdrawal of Israel armed forces", "op2": "Affirms further the necessity"},
    ),
    dict(
        path="samples/en/S_RES_0368_1975.txt", lang="en", symbol_out="S/RES/368 (1975)", kind="resolution",
        date="1975-04-17", counts=(4, 1, 3, 0, 0),
        refs=("pp1", "pp4", "op1", "op1.a", "op1.b", "op1.c"),
        texts={"pp1": "27 October 1973, 346 (1974) of 8 April", "op1.c": "to implement resolution 338 (1973)."},
    ),
    dict(
        path="samples/zh/S_RES_0368_1975.txt", lang="zh", symbol_out="S/RES/368 (1975)", kind="resolution",
        date="1975-04-17", counts=(4, 1, 3, 0, 0),
        refs=("pp1", "pp4", "op1", "op1.a", "op1.b", "op1.c"),
        texts={"op1.b": "将联合国紧急部队的任务期限延长三个月"},
    ),
    dict(
        path="samples/zh/S_RES_2326_2016.txt", lang="zh", symbol_out="S/RES/2326 (2016)", kind="resolution",
        date="2016-12-15", counts=(3, 3, 0, 0, 0),
        texts={"pp3": "根據《聯合國憲章》第七章採取行動", "op3": "決定繼續積極處理此案。"},
    ),
    dict(
        path="samples/zh/A_RES_52_7.txt", lang="zh", symbol_out="A/RES/52/7", kind="resolution",
        session="52", date="1997-10-28", counts=(2, 4, 0, 0, 1),
        cites={"pp2": ("fn1",)},
        texts={"pp1": "联合国同各国议会联盟缔结合作协定", "pp2": "审议了秘书长的报告并就按协定",
               "title": "联合国同各国议会联盟的合作", "fn1": "A/52/456。"},
    ),
    dict(
        path="samples/en/A_RES_2758_XXVI.txt", lang="en", symbol_out="A/RES/2758 (XXVI)", kind="resolution",
        session="26", date="1971-10-25", counts=(3, 1, 0, 0, 0),
        texts={"pp1": "Recalling the principles of the Charter of the United Nations,",
               "op1": "Decides to restore all its rights to the People's Republic of China",
               "title": "Restoration of the lawful rights of the People's Republic of China in the United Nations"},
    ),
    dict(
        path="samples/zh/A_RES_2758_XXVI.txt", lang="zh", symbol_out="A/RES/2758 (XXVI)", kind="resolution",
        session="26", date="1971-10-25", counts=(3, 1, 0, 0, 0),
        texts={"op1": "决定:恢复中华人民共和国的一切权利"},
    ),
    dict(
        path="samples/en/A_RES_217_III_A_UDHR.txt", lang="en", symbol_out="A/RES/217 (III) A",
        kind="declaration", session="3", counts=(7, 1, 0, 30, 0),
        refs=("pp1", "pp7", "op1", "annex.art1", "annex.art30"),
        texts={"op1": "Proclaims this Universal Declaration", "annex.art3": "Everyone has the right to life, liberty"},
    ),
    dict(
        path="samples/fr/A_RES_217_III_A_UDHR.txt", lang="fr", symbol_out="A/RES/217 (III) A",
        kind="declaration", session="3", counts=(7, 1, 0, 30, 0),
        refs=("pp1", "pp7", "op1", "annex.art1", "annex.art30"),
        texts={"annex.art1": "Tous les êtres humains naissent libres et égaux"},
    ),
    dict(
        path="samples/zh/A_RES_217_III_A_UDHR.txt", lang="zh", symbol_out="A/RES/217 (III) A",
        kind="declaration", session="3", counts=(7, 1, 0, 30, 0),
        refs=("pp1", "pp7", "op1", "annex.art1", "annex.art30"),
        texts={"annex.art1": "人人生而自由,在尊严和权利上一律平等。"},
    ),

    # --- real copies from the failure classes of issue 12, counted by hand from corpora/unsc ---
    # sections whose numbering restarts: parts A, B, C after a common preamble
    dict(
        path="corpora/unsc/S_RES_0101_1953.txt", lang="en", symbol_out="S/RES/101 (1953)", kind="resolution",
        date="1953-11-24", counts=(2, 9, 0, 0, 4),
        refs=("pp1", "pp2", "A.op1", "A.op2", "B.op1", "B.op2", "B.op3", "C.op1", "C.op2", "C.op3", "C.op4",
              "fn8", "fn9", "fn10", "fn11"),
        cites={"pp2": ("fn8", "fn9"), "A.op1": ("fn10",), "C.op4": ("fn11",)},
        texts={"B.op1": "Takes note of the fact that there is substantial", "C.op1": "Reaffirms that it is essential",
               "A.op2": "in the future;", "pp2": "reports of 27 October 1953 and 9 November 1953 to the Security",
               "fn9": "Ibid., 635th meeting, annex."},
    ),
    # end-of-file footnotes (no adoption line between the last paragraph and them in the copy's flow)
    dict(
        path="corpora/unsc/S_RES_0066_1948.txt", lang="en", symbol_out="S/RES/66 (1948)", kind="resolution",
        date="1948-12-29", counts=(1, 4, 3, 0, 2),
        refs=("pp1", "op1", "op1.i", "op1.ii", "op1.iii", "op2", "op3", "op4", "fn43", "fn44"),
        cites={"pp1": ("fn43",), "op4": ("fn44",)},
        texts={"op4": "establish the Commission with as little delay as possible.",
               "fn43": "See Official Records of the Security Council, Third Year"},
    ),
    dict(
        path="corpora/unsc/S_RES_0251_1968.txt", lang="en", symbol_out="S/RES/251 (1968)", kind="resolution",
        date="1968-05-02", counts=(2, 1, 0, 0, 1), cites={"pp1": ("fn27",)},
        texts={"op1": "Deeply deplores the holding by Israel of the military parade", "fn27": "Ibid., Twenty-third Year"},
    ),
    # OCR-damaged numbers: "1, Reaffirms"; "4, Extends" / "5, Appeals"; "ll. Further requests"; a lost "2."
    dict(
        path="corpora/unsc/S_RES_0281_1970.txt", lang="en", symbol_out="S/RES/281 (1970)", kind="resolution",
        date="1970-06-09", counts=(3, 3, 0, 0, 1), refs=("pp1", "pp2", "pp3", "op1", "op2", "op3", "fn33"),
        cites={"pp1": ("fn33",)}, texts={"op1": "Reaffirms its resolutions 186 (1964) of 4 March"},
    ),
    dict(
        path="corpora/unsc/S_RES_0410_1977.txt", lang="en", symbol_out="S/RES/410 (1977)", kind="resolution",
        counts=(8, 6, 0, 0, 3), refs=("pp8", "op1", "op2", "op3", "op4", "op5", "op6"),
        cites={"pp1": ("fn55",), "pp6": ("fn56",)},
        texts={"op4": "Extends once more the stationing in Cyprus", "op5": "Appeals again to all parties"},
    ),
    dict(
        path="corpora/unsc/S_RES_0789_1992.txt", lang="en", symbol_out="S/RES/789 (1992)", kind="resolution",
        counts=(3, 12, 8, 0, 2), refs=("op8", "op8.a", "op8.h", "op9", "op10", "op11", "op12"),
        cites={"pp1": ("fn1",), "op3": ("fn2",)},
        texts={"op11": "Further requests the Secretary-General, during the March 1993 joint", "fn1": "S/24830."},
    ),
    dict(
        path="corpora/unsc/S_RES_0484_1980.txt", lang="en", symbol_out="S/RES/484 (1980)", kind="resolution",
        date="1980-12-19", counts=(3, 4, 0, 0, 0), refs=("op1", "op2", "op3", "op4"),
        texts={"op2": "Calls upon Israel, the occupying Power, to adhere"},
    ),
    # "(bob)" for "(b)": an internal error before (ref 'op4.bob')
    dict(
        path="corpora/unsc/S_RES_0867_1993.txt", lang="en", symbol_out="S/RES/867 (1993)", kind="resolution",
        counts=(9, 15, 2, 0, 0), refs=("op4", "op4.a", "op4.b", "op5", "op15"),
        texts={"op4.b": "The military construction unit will work with the Haitian military"},
    ),
    # copies that lost the organ line ("The Security Council,")
    dict(
        path="corpora/unsc/S_RES_0462_1980.txt", lang="en", symbol_out="S/RES/462 (1980)", kind="resolution",
        counts=(2, 1, 0, 0, 0), texts={"op1": "Decides to call an emergency special session", "pp2": "Taking into account"},
    ),
    dict(
        path="corpora/unsc/S_RES_0017_1947.txt", lang="en", symbol_out="S/RES/17 (1947)", kind="resolution",
        date="1947-02-10", counts=(1, 1, 0, 0, 0),
        texts={"pp1": "Whereas the Commission of Investigation", "op1": "It is resolved that the Security Council"},
    ),
    # inline footnotes of web copies, glued into the sentence
    dict(
        path="samples/en/A_RES_55_100.partial.txt", lang="en", symbol_out="A/RES/55/100", kind="resolution",
        counts=(4, 4, 0, 0, 3), cites={"pp2": ("fn1", "fn2"), "pp3": ("fn3",)},
        texts={"pp3": "Population and Development, family reunification of documented migrants",
               "fn3": "United Nations publication, Sales No. E.95.XIII.18), chap. I, resolution 1, annex."},
    ),
    dict(
        path="samples/fr/A_RES_55_100.partial.txt", lang="fr", symbol_out="A/RES/55/100", kind="resolution",
        counts=(4, 4, 0, 0, 3), cites={"pp2": ("fn1", "fn2"), "pp3": ("fn3",)},
        texts={"pp3": "la population et le développement, le regroupement familial",
               "pp2": "droits de l'homme, ainsi que l'article 12", "fn1": "Résolution 217 A (III)."},
    ),
    dict(
        path="samples/zh/A_RES_55_100.partial.txt", lang="zh", symbol_out="A/RES/55/100", kind="resolution",
        counts=(4, 4, 0, 0, 1), cites={"pp3": ("fn1",)},
        texts={"pp3": "强调如《国际人口与发展会议行动纲领》所指出，持证移徙者",
               "fn1": "(联合国出版物，出售品编号：C.95.XIII.18)"},
    ),
)

# Linearized copies: these golden documents with their lines joined ("" in Chinese, " "
# elsewhere) must give the same refs as the original (tests/ingest/test_ingest_real_copies.py).
LINEARIZED = (
    "samples/en/S_RES_0242_1967.txt", "samples/en/S_RES_0087_1950.txt", "samples/en/A_RES_2758_XXVI.txt",
    "samples/en/S_RES_0660_1990.txt", "samples/en/S_RES_0713_1991.txt", "samples/fr/A_RES_55_100.partial.txt",
    "samples/zh/A_RES_54_254.txt",
)
