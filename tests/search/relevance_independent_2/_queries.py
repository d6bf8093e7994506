# ruff: noqa: RUF001  (real-world punctuation in the texts: en dashes, a Chinese comma)
"""The need statements, with the evaluator's own labels of what each person needs.

Q(id, category, text, town, needs, who=..., maybe=..., lang=..., place=..., fix=...)

- town: the person's home town; the query gets a real postcode 0.5-2.5 km from its centre.
  None with place="words": no postcode, the town is named in the words; None with
  place="none": no place known at all.
- needs: "need:weight": 3 what they asked for, 2 a real part of it, 1 related.
- who: what we know about the person (older, young, men, women, parents, veterans, lgbt,
  newscots). maybe: audiences they might belong to (grade cap 2 instead of 1); by default
  men, women and older unless `who` says otherwise.
- inperson: they asked for something to go to (a group, a drop-in, a cafe): phone and
  online services are at most 2.
- fix: hand corrections {service name: grade} applied after the rules (see README).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Qry:
    id: str
    category: str
    text: str
    town: str | None
    needs: dict[str, int]
    who: set[str]
    maybe: set[str] | None
    lang: str | None
    place: str
    fix: dict[str, int] = field(default_factory=dict)
    inperson: bool = False


QUERIES: list[Qry] = []


def Q(
    qid: str,
    cat: str,
    text: str,
    town: str | None,
    needs: str,
    who: str = "",
    maybe: str | None = None,
    lang: str | None = None,
    place: str = "postcode",
    fix: dict[str, int] | None = None,
    inperson: bool = False,
) -> None:
    QUERIES.append(
        Qry(
            qid,
            cat,
            text,
            town,
            {n: int(w) for n, w in (p.split(":") for p in needs.split())},
            set(who.split()),
            set(maybe.split()) if maybe is not None else None,
            lang,
            place,
            fix or {},
            inperson,
        )
    )


# colloquial -----------------------------------------------------------------------------
Q(
    "c01",
    "colloquial",
    "can't afford to put the heating on and the electric's about to be cut off",
    "Perth",
    "fuel:3 debt:2 benefits:1",
)
Q(
    "c02",
    "colloquial",
    "my husband died in the spring and I just rattle about the house on my own",
    "Dumfries",
    "bereave:3 lonely:3",
    who="women",
    maybe="older",
)
Q(
    "c03",
    "colloquial",
    "got a letter saying they're taking me to court over the rent I owe",
    "Falkirk",
    "housing:3 debt:3 benefits:1",
)
Q(
    "c04",
    "colloquial",
    "we've got nothing in the cupboards till payday",
    "Stirling",
    "food:3 debt:1 benefits:1",
)
Q(
    "c05",
    "colloquial",
    "my mum keeps forgetting things and I'm worn out looking after her",
    "Galashiels",
    "dementia:3 carers:3",
)
Q("c06", "colloquial", "I drink way too much and want to stop", "Stornoway", "addiction:3")
Q(
    "c07",
    "colloquial",
    "feeling really down and can't be bothered with anything",
    "Alloa",
    "mental:3 lonely:1",
)
Q(
    "c08",
    "colloquial",
    "want to get out the house more and maybe do a bit of exercise",
    "Kelso",
    "active:3 lonely:2",
    inperson=True,
)
Q(
    "c09",
    "colloquial",
    "I'm 17 and things at home are really bad, I need somebody to talk to",
    "Hawick",
    "youth:3 mental:2 abuse:1",
    who="young",
    maybe="",
)
Q(
    "c10",
    "colloquial",
    "need a job but haven't worked in years and don't know where to start",
    "Grangemouth",
    "work:3 digital:1",
)
Q(
    "c11",
    "colloquial",
    "is there a number I can ring at night when I'm having dark thoughts",
    None,
    "mental:3",
    place="none",
)

# link-worker phrasing -------------------------------------------------------------------
Q(
    "l01",
    "link_worker",
    "pt socially isolated post-bereavement, low mood",
    "Crieff",
    "bereave:3 lonely:3 mental:2",
)
Q(
    "l02",
    "link_worker",
    "Client in rent arrears with UC sanctions, requires welfare rights and debt advice",
    "Blairgowrie",
    "benefits:3 debt:3 housing:1",
)
Q(
    "l03",
    "link_worker",
    "Referral: unpaid carer experiencing burnout, needs info on respite",
    "Thurso",
    "carers:3 mental:1",
)
Q(
    "l04",
    "link_worker",
    "Pt with COPD and T2 diabetes, deconditioned, would benefit from a "
    "supported exercise programme",
    "Perth",
    "active:3 ltc:2",
)
Q(
    "l05",
    "link_worker",
    "Veteran, PTSD symptoms, reluctant to engage with statutory services",
    "Falkirk",
    "veterans:3 mental:2",
    who="veterans men",
    maybe="older",
)
Q(
    "l06",
    "link_worker",
    "Service user disclosed DA, seeking safe accommodation for herself and two children",
    "Stirling",
    "abuse:3 housing:2",
    who="women parents",
    fix={"Counselling for survivors of abuse|Stirling": 1},
)
Q(
    "l07",
    "link_worker",
    "New Scot family from Syria, limited English, need ESOL and community connection",
    "Dumfries",
    "newscots:3 lonely:1",
    who="newscots parents",
)
Q(
    "l08",
    "link_worker",
    "Older adult with early-stage dementia, lives alone, PDS in place, wants social activity",
    "Kirkwall",
    "dementia:3 lonely:2 older:1",
    who="older",
    inperson=True,
)
Q(
    "l09",
    "link_worker",
    "YP aged 16 identifies as trans, isolated, family unsupportive",
    "Galashiels",
    "lgbt:3 youth:2 mental:2 lonely:1",
    who="young lgbt",
    maybe="",
)
Q(
    "l10",
    "link_worker",
    "Pt in recovery from opiate use, seeking peer support and meaningful activity",
    "Wick",
    "addiction:3 active:1 arts:1",
)
Q(
    "l11",
    "link_worker",
    "Carer for husband with MS, exhausted, would benefit from a short break and carer support",
    "Perth",
    "carers:3",
    who="women",
)

# keywords -------------------------------------------------------------------------------
Q("k01", "keyword", "food bank", "Lerwick", "food:3")
Q("k02", "keyword", "befriending", "Benbecula", "lonely:3")
Q("k03", "keyword", "men's shed", "Annan", "shed:3 lonely:1", who="men")
Q("k04", "keyword", "energy advice", "Stornoway", "fuel:3")
Q("k05", "keyword", "carers support", "Alloa", "carers:3")
Q("k06", "keyword", "debt advice", "Stranraer", "debt:3 benefits:1")
Q("k07", "keyword", "dementia cafe", "Fort William", "dementia:3", inperson=True)
Q("k08", "keyword", "digital skills", "Galashiels", "digital:3")

# typos ----------------------------------------------------------------------------------
Q("t01", "typo", "lonley and depresed", "Perth", "lonely:3 mental:3")
Q("t02", "typo", "fod bank", "Falkirk", "food:3")
Q("t03", "typo", "bereavment counseling", "Stirling", "bereave:3")
Q("t04", "typo", "dementa suport for carer", "Dumfries", "dementia:3 carers:3")
Q("t05", "typo", "homless need somwhere to stay tonite", "Galashiels", "housing:3")
Q("t06", "typo", "alchohol adiction help", "Kirkwall", "addiction:3")
Q("t07", "typo", "benifits advise", "Hawick", "benefits:3 debt:1")

# Scots ----------------------------------------------------------------------------------
Q(
    "s01",
    "scots",
    "cannae cope wi the bills, they're aw pilin up",
    "Falkirk",
    "debt:3 fuel:2 benefits:2",
)
Q(
    "s02",
    "scots",
    "ma maw's got dementia an am greetin every nicht",
    "Stirling",
    "dementia:3 carers:3 mental:1",
)
Q(
    "s03",
    "scots",
    "naebody tae blether tae since the wife passed",
    "Dumfries",
    "bereave:3 lonely:3",
    who="men",
    maybe="older",
)
Q(
    "s04",
    "scots",
    "am skint an the weans are hungry",
    "Perth",
    "food:3 benefits:2 debt:1",
    who="parents",
    maybe="men women",
)
Q("s05", "scots", "cannae get a hoose, sleepin on ma pal's couch", "Stornoway", "housing:3")
Q(
    "s06",
    "scots",
    "fair scunnered wi masel, want tae stop the drink",
    "Galashiels",
    "addiction:3 mental:1",
)
Q(
    "s07",
    "scots",
    "lookin fer a wee walkin group tae get oot the hoose",
    "Crieff",
    "active:3 lonely:2",
    inperson=True,
)

# non-English ----------------------------------------------------------------------------
NS = "newscots"
Q(
    "n01",
    "non_english",
    "Potrzebuję pomocy z zasiłkami i długami",
    "Falkirk",
    "benefits:3 debt:3 newscots:1",
    who=NS,
    lang="pl",
    fix={"Polish advice and support|Falkirk": 3},
)
Q(
    "n02",
    "non_english",
    "Czuję się bardzo samotny, szukam polskiej grupy w okolicy",
    "Perth",
    "lonely:3 newscots:2",
    who=NS + " men",
    lang="pl",
    fix={"Minority communities hub|Perth": 3},
)
Q(
    "n03",
    "non_english",
    "Gdzie mogę dostać darmowe jedzenie?",
    "Stirling",
    "food:3",
    who=NS,
    lang="pl",
)
Q(
    "n04",
    "non_english",
    "أحتاج إلى دروس في اللغة الإنجليزية",
    "Galashiels",
    "newscots:3",
    who=NS,
    lang="ar",
    fix={"Refugee advice line|None": 2},
)
Q(
    "n05",
    "non_english",
    "زوجي يضربني وأحتاج إلى مساعدة",
    "Dumfries",
    "abuse:3",
    who=NS + " women",
    lang="ar",
)
Q(
    "n06",
    "non_english",
    "Шукаю роботу, потрібна допомога з резюме",
    "Stirling",
    "work:3 newscots:1",
    who=NS,
    lang="uk",
)
Q(
    "n07",
    "non_english",
    "Мені потрібна допомога з житлом",
    "Galashiels",
    "housing:3 newscots:1",
    who=NS,
    lang="uk",
)
Q(
    "n08",
    "non_english",
    "Де можна поговорити з психологом? Мені дуже тривожно",
    "Perth",
    "mental:3",
    who=NS,
    lang="uk",
)
Q(
    "n09",
    "non_english",
    "我很孤独，想认识其他中国老人",
    "Glasgow",
    "lonely:3 older:2 newscots:1",
    who=NS + " older",
    lang="zh",
)
Q("n10", "non_english", "我需要帮助支付电费", "Perth", "fuel:3 debt:1", who=NS, lang="zh")

# place named in the words, no postcode --------------------------------------------------
Q("p01", "place_in_words", "food parcels Dumfries", "Dumfries", "food:3", place="words")
Q(
    "p02",
    "place_in_words",
    "carers group in Lerwick",
    "Lerwick",
    "carers:3",
    place="words",
    inperson=True,
)
Q("p03", "place_in_words", "walking group stornoway", "Stornoway", "active:3", place="words")
Q("p04", "place_in_words", "befriending service Inverness", "Inverness", "lonely:3", place="words")
Q(
    "p05",
    "place_in_words",
    "mental health drop in Fort William",
    "Fort William",
    "mental:3",
    place="words",
    inperson=True,
)
Q("p06", "place_in_words", "money advice near Hawick", "Hawick", "debt:3 benefits:2", place="words")
Q(
    "p07",
    "place_in_words",
    "men's shed Thurso",
    "Thurso",
    "shed:3 lonely:1",
    who="men",
    place="words",
)
Q("p08", "place_in_words", "homeless help in Inverness", "Inverness", "housing:3", place="words")
