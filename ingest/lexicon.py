"""Language-specific words of UN resolutions, kept apart from the parsing logic.

The structure of a resolution is the same in all six UN languages; only these
words differ. Patterns are compiled lazily by the callers (no work at import).
"""

from __future__ import annotations

# Organ lines that open the body: the preamble is counted from here.
ORGANS: dict[str, tuple[str, ...]] = {
    "General Assembly": (
        r"(?:Now,?\s+therefore,?\s+)?The General Assembly",
        r"L['’]Assembl[ée]e g[ée]n[ée]rale",
        r"(?:因此现在,\s*)?大会",
        r"大會",
        r"Генеральная Ассамблея",
        r"La Asamblea General",
    ),
    "Security Council": (
        r"(?:Therefore\s+)?The Security Council",
        r"Le Conseil de s[ée]curit[ée]",
        r"(?:因此[,，]\s*)?安全理事[会會]",
        r"Совет Безопасности",
        r"El Consejo de Seguridad",
    ),
    "Economic and Social Council": (
        r"The Economic and Social Council",
        r"Le Conseil [ée]conomique et social",
        r"经济及社会理事会",
    ),
}

# Words that say what kind of document the header announces.
DRAFT_RESOLUTION = (r"draft resolution", r"决议草案", r"決議草案", r"projet de r[ée]solution")
DRAFT_DECISION = (r"draft decision", r"决定草案", r"projet de d[ée]cision")
DECLARATION = (r"Declaration", r"D[ée]claration", r"宣言")
RESOLUTION_WORDS = (r"Resolution", r"R[ée]solution", r"决议", r"決議")

# Headings inside a document.
PREAMBLE_HEADINGS = (r"Preamble", r"Pr[ée]ambule", r"序言", r"序文")
ANNEX_HEADINGS = (r"Annex(?:e)?(?:\s+[IVX]+)?", r"附件(?:[一二三四五六七八九十]+)?")
ARTICLE_HEADINGS = (r"Article\s+(\d+|premier|first)", r"Art\.\s*(\d+)", r"第([一二三四五六七八九十百零〇\d]+)条", r"第([一二三四五六七八九十百零〇\d]+)條")

# The agenda item line of the header, printed on its own line above the agenda
# item's title ("Agenda item 5" / "议程项目5").
AGENDA_ITEM_LINES = (
    r"Agenda items?\s+\d+(?:\s*\([a-z0-9]+\))?(?:\s*(?:,|and)\s*\d+(?:\s*\([a-z0-9]+\))?)*",
    r"[议議]程[项項]目\s*\d+(?:\s*\([a-z0-9]+\))?(?:\s*[和、]\s*\d+(?:\s*\([a-z0-9]+\))?)*",
    r"Point\s+\d+(?:\s*\([a-z0-9]+\))?\s+de l['’]ordre du jour",
)

# A connective printed on its own line just before the organ line ("Now, therefore,").
CONNECTIVES = r"(?:Now,?\s+therefore|Therefore|En conséquence|因此现在|因此)\s*[,，]?"

# Lines that close the body: adoption / meeting records.
CLOSING = (
    r"^\d+(?:st|nd|rd|th)\s+plenary meeting",
    r"^Ad[oa]pted\b",  # OCR reads "Adopted" as "Adapted"
    r"^(?:\d+(?:st|nd|rd|th)|[A-Z][a-z-]+)\s+(?:plenary\s+)?meeting\b",
    r"^Adopted\b",
    r"^\d{3,4}(?:st|nd|rd|th) plenary meeting",
    r"^\d+e\s+s[ée]ance pl[ée]ni[èe]re",
    r"^Adopt[ée]e?\s+(?:à|le|par|sans)\b",
    r"^第[\d一二三四五六七八九十百千〇零]+次(?:全体|全體)?(?:会议|會議)",
    r"^第[\d一二三四五六七八九十百千〇零]+次会议",
    r"^\d{4}年\d{1,2}月\d{1,2}日[,，]?$",
    r"^[一二三四五六七八九〇零]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日[,，]?$",
    r"^\d{1,2} \w+ \d{4}\.?$",
)

# English/French/Spanish opening words of preambular paragraphs that don't end in
# -ing/-ed/-ant (those are caught by suffix).
PREAMBLE_STARTERS = (
    "Aware", "Mindful", "Seriously", "Strongly", "Fully", "Greatly", "Profoundly", "Firmly", "Conscious", "Convinced", "Deeply", "Gravely", "Alarmed", "Bearing",
    "Whereas", "Having", "Noting", "Recalling", "Reaffirming", "Recognizing", "Considering",
    "Welcoming", "Emphasizing", "Stressing", "Guided", "Determined", "Concerned", "Desirous",
    "Taking", "Keeping", "Underlining", "Acknowledging", "Expressing", "Affirming", "Reiterating",
    "Rappelant", "Considérant", "Notant", "Ayant", "Consciente", "Convaincue", "Réaffirmant",
    "Soulignant", "Reconnaissant", "Accueillant", "Prenant", "Tenant", "Saluant", "Constatant",
    "Guidée", "Préoccupée", "Profondément", "Sachant", "Estimant", "Exprimant", "Se",
)

# Words that follow a repeated recital verb ("Recalling also", "Rappelant en outre"):
# such a pair opens a new preambular paragraph even when the line before lost its
# final comma, as no sentence continues with a capitalised "Recalling also".
PREAMBLE_REPEATS = (
    "also", "further", "furthermore", "moreover", "again", "également", "en outre", "aussi",
    "además", "asimismo", "también",
)

# Opening words of operative paragraphs (third person present), used to find
# the operative part of unnumbered old resolutions and to split run-on OCR lines.
OPERATIVE_STARTERS = (
    "Decides", "Requests", "Calls", "Urges", "Invites", "Recommends", "Affirms", "Reaffirms",
    "Welcomes", "Encourages", "Demands", "Condemns", "Declares", "Proclaims", "Expresses",
    "Takes", "Notes", "Authorizes", "Endorses", "Emphasizes", "Stresses", "Appeals", "Approves",
    "Adopts", "Resolves", "Hereby", "Considers", "Instructs", "Directs", "Commends", "Renews",
    "Reiterates", "Supports", "Acknowledges", "Underlines", "Notes", "Determines", "Orders",
    "Accepts", "Deplores", "Censures", "Extends", "Regrets", "Reminds", "Insists",
    "Décide", "Prie", "Invite", "Demande", "Engage", "Recommande", "Réaffirme", "Se félicite",
    "Prend", "Encourage", "Souligne", "Exprime", "Proclame", "Déclare", "Note", "Accueille",
)

# Adverbs that may open either kind of paragraph: "Also requests" is operative, "Also
# expressing" a recital; the verb after them decides (a third-person "-s" verb is operative).
OPERATIVE_ADVERBS = ("Also", "Further", "Again", "Once", "Strongly", "Deeply", "Firmly", "Fully",
                     "Gravely", "Solemnly", "Urgently", "Emphatically", "Vigorously", "Categorically")

# Chinese operative verbs: a paragraph opening with one is operative even when
# its transcription ends with a comma. Only verbs never used for recitals: "谴责"
# is both "Condemning," and "Condemns;" and is told apart by punctuation alone.
ZH_OPERATIVE_STARTERS = (
    "兹决定", "茲決定", "决定", "決定", "决议", "決議", "请", "請", "授权", "授權", "责成", "責成",
)
# Chinese recital openings: a block opening with one is never the tail of the
# previous paragraph ("…得為聯合國會員國,又" / "鑒於…").
ZH_PREAMBLE_STARTERS = (
    "鉴于", "鑒於", "回顾", "回顧", "又回顾", "还回顾", "考虑到", "考慮到", "铭记", "銘記", "深信", "认识到",
    "認識到", "审议了", "審議了", "注意到", "重申", "申明", "欢迎", "歡迎", "意识到", "關切", "关切",
)
# Header lines that end a block in Chinese texts ("…一九四七年二月二十七日决议案").
ZH_HEADER_ENDINGS = ("决议案", "決議案", "号决议", "號決議", "决议", "決議")

ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)

# Ordinal session names, English and French, up to the hundreds used so far.
EN_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}
EN_TENS = {
    "twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80,
    "ninet": 90,
}
FR_UNITS = {
    "premi": 1, "unième": 1, "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
    "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11,
    "douzième": 12, "treizième": 13, "quatorzième": 14, "quinzième": 15, "seizième": 16,
}
FR_TENS = {
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "quatre-vingt": 80,
}
