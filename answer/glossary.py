"""A small zh/en/fr glossary of UN terms, so a question's terms can be looked for in
paragraphs of another language ("peacekeeping" ↔ "维持和平" ↔ "maintien de la paix").

Each entry lists the surface forms in the three languages; the first form of a
language is the one shown. English and French forms are matched as word prefixes
(so "operation" matches "operations"), Chinese forms as substrings.
"""

from __future__ import annotations

GLOSSARY: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (("维持和平行动", "维和行动"), ("peacekeeping operation", "peace-keeping operation"), ("opérations de maintien de la paix", "opération de maintien de la paix")),
    (("维持和平", "维和"), ("peacekeeping", "peace-keeping"), ("maintien de la paix",)),
    (("建设和平",), ("peacebuilding", "peace-building"), ("consolidation de la paix",)),
    (("法语国家国际组织", "法语国家组织"), ("International Organization of la Francophonie", "Organisation internationale de la Francophonie", "Francophonie", "OIF"), ("Organisation internationale de la Francophonie", "Francophonie", "OIF")),
    (("世界知识产权组织",), ("World Intellectual Property Organization", "WIPO"), ("Organisation mondiale de la propriété intellectuelle", "OMPI")),
    (("谅解备忘录",), ("memorandum of understanding",), ("mémorandum d'accord", "mémorandum d’accord")),
    (("签署", "签订", "签字"), ("sign", "signed", "signature"), ("sign", "signature")),
    (("妇女", "女性"), ("women", "woman"), ("femmes", "femme")),
    (("男女平等", "两性平等", "性别平等"), ("gender equality", "equality between women and men", "equality between men and women"), ("égalité entre les femmes et les hommes", "égalité des sexes", "égalité entre les sexes")),
    (("妇女署",), ("UN-Women", "UN Women"), ("ONU-Femmes",)),
    (("人权",), ("human rights",), ("droits de l'homme", "droits de l’homme", "droits humains")),
    (("法治",), ("rule of law",), ("état de droit",)),
    (("民主",), ("democracy", "democratic"), ("démocratie", "démocratique")),
    (("可持续发展",), ("sustainable development",), ("développement durable",)),
    (("千年发展目标",), ("Millennium Development Goals",), ("objectifs du Millénaire pour le développement",)),
    (("使用多种语文", "多种语文", "多语种"), ("multilingualism",), ("multilinguisme",)),
    (("秘书长",), ("Secretary-General",), ("Secrétaire général",)),
    (("安全理事会", "安理会"), ("Security Council",), ("Conseil de sécurité",)),
    (("大会",), ("General Assembly",), ("Assemblée générale",)),
    (("联合国",), ("United Nations",), ("Nations Unies",)),
    (("决议",), ("resolution",), ("résolution",)),
    (("任务期限", "任务"), ("mandate",), ("mandat",)),
    (("延长", "延期"), ("extend", "extension", "renew", "renewal"), ("prolong", "prorog", "reconduire", "renouvel")),
    (("选举",), ("election", "electoral"), ("élection", "électora")),
    (("冲突",), ("conflict",), ("conflit",)),
    (("预防",), ("prevention", "prevent"), ("prévention", "prévenir")),
    (("教育",), ("education",), ("éducation", "enseignement")),
    (("环境",), ("environment",), ("environnement",)),
    (("气候变化",), ("climate change",), ("changements climatiques", "changement climatique")),
    (("减贫", "扶贫", "消除贫穷"), ("poverty",), ("pauvreté",)),
    (("合作",), ("cooperation", "co-operation"), ("coopération",)),
    (("国际刑事法院",), ("International Criminal Court",), ("Cour pénale internationale",)),
    (("建设和平委员会",), ("Peacebuilding Commission",), ("Commission de consolidation de la paix",)),
    (("联合国可持续发展大会",), ("United Nations Conference on Sustainable Development", "Rio+20"), ("Conférence des Nations Unies sur le développement durable",)),
    (("人权事务高级专员",), ("High Commissioner for Human Rights",), ("Haut-Commissaire aux droits de l'homme", "Haut-Commissariat aux droits de l'homme")),
    (("特派团",), ("mission",), ("mission",)),
    (("停火",), ("ceasefire", "cease-fire"), ("cessez-le-feu",)),
    (("制裁",), ("sanction",), ("sanction",)),
    (("禁运", "封锁"), ("embargo",), ("embargo",)),
    (("难民",), ("refugee",), ("réfugié",)),
    (("恐怖主义",), ("terrorism", "terrorist"), ("terrorisme", "terroriste")),
    (("核",), ("nuclear",), ("nucléaire",)),
    (("体育",), ("sport",), ("sport",)),
    (("结核病",), ("tuberculosis",), ("tuberculose",)),
    (("外层空间",), ("outer space",), ("espace extra-atmosphérique",)),
    (("家庭团聚",), ("family reunification",), ("regroupement familial",)),
    (("发展权",), ("right to development",), ("droit au développement",)),
    (("巴勒斯坦",), ("Palestine", "Palestinian"), ("Palestine", "palestinien")),
    (("中华人民共和国", "中国"), ("People's Republic of China", "China"), ("République populaire de Chine", "Chine")),
    (("英文", "英语"), ("English",), ("anglais",)),
    (("法文", "法语"), ("French",), ("français",)),
    (("中文", "汉语"), ("Chinese",), ("chinois",)),
)

# Words so common in resolutions that matching them is weak evidence.
GENERIC = frozenset({
    "联合国", "大会", "决议", "组织", "国际", "会员国", "各国", "合作", "秘书长",
    "united nations", "general assembly", "resolution", "organization", "international", "member states",
    "cooperation", "secretary-general", "nations unies", "assemblée générale", "résolution", "coopération",
})
