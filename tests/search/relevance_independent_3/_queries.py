# ruff: noqa: E501, RUF001
"""The need statements of the third independent set, in the evaluator's own words.

Q(id, category, text, place, needs, who, notwho, lang, wants_place, fix):
- place: ("pc", town) = a real pack postcode picked 0.4-2 km from the town centre;
  ("hand", town, postcode) = a real-format postcode outside the shipped pack;
  ("words", town) = no postcode, the town is named in the words; None = no place at all.
- needs: "need:weight" (3 = what they ask for, 2 = part of it, 1 = related).
- who / notwho: what the words tell about the person (older, men, women, young, parent,
  carer, veteran, lgbt, newscot, lang:xx ...), known true or known false.
- wants_place: they asked for somewhere to go (a group, a café, a drop-in).
- fix: hand corrections {service key: grade}, each with its reason in a comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Q:
    id: str
    category: str
    text: str
    place: tuple | None
    needs: str
    who: tuple[str, ...] = ()
    notwho: tuple[str, ...] = ()
    lang: str = "en"
    wants_place: bool = False
    fix: dict = field(default_factory=dict)

    @property
    def need_weights(self) -> dict[str, int]:
        return {p.split(":")[0]: int(p.split(":")[1]) for p in self.needs.split()}


QUERIES: list[Q] = [
    # ---------------------------------------------------------------- colloquial
    Q(
        "c01",
        "colloquial",
        "we've nothing in the cupboards till my money comes in on Friday",
        ("pc", "Castle Douglas"),
        "food:3 emergency_money:2",
    ),
    Q(
        "c02",
        "colloquial",
        "my dad keeps forgetting things and getting lost, I don't know how to cope with him",
        ("pc", "Larbert"),
        "dementia:3 carer:3",
        who=("carer",),
    ),
    Q(
        "c03",
        "colloquial",
        "my mum's on her own all day since dad died and she barely speaks to anyone",
        ("pc", "Alva"),
        "lonely:3 bereave:2",
        who=("older", "women"),
        notwho=("men",),
    ),
    Q(
        "c04",
        "colloquial",
        "I've been so anxious I can't leave the house some days",
        ("pc", "Aviemore"),
        "mental:3",
    ),
    Q(
        "c05",
        "colloquial",
        "the landlord's given me notice and I've got nowhere to go",
        ("pc", "Jedburgh"),
        "homeless:3 housing:3 legal:2",
    ),
    Q(
        "c06",
        "colloquial",
        "I think I'm drinking too much, it's every night now",
        ("pc", "Perth"),
        "alcohol:3",
    ),
    Q(
        "c07",
        "colloquial",
        "lost my husband in the summer and the house is so quiet",
        ("pc", "Selkirk"),
        "bereave:3 lonely:2",
        who=("women",),
        notwho=("men",),
    ),
    Q(
        "c08",
        "colloquial",
        "can't keep up with the electric on the meter, been sitting in the cold",
        ("pc", "Golspie"),
        "fuel:3 debt:2",
    ),
    Q(
        "c09",
        "colloquial",
        "I've lost a lot of money on betting apps and I can't stop",
        ("pc", "Glasgow"),
        "gambling:3 debt:2",
    ),
    Q(
        "c10",
        "colloquial",
        "I want to get out more and meet folk, maybe a walking group or something",
        ("pc", "Lockerbie"),
        "active:3 lonely:2",
        wants_place=True,
        # grocery delivery for older people is not a way to get out and meet folk
        fix={"dg_food_train": 1},
    ),
    Q(
        "c11",
        "colloquial",
        "just moved to Perth, I'm gay and don't know a soul here",
        ("pc", "Perth"),
        "lonely:3 lgbt:3",
        who=("lgbt", "men"),
    ),
    Q(
        "c12",
        "colloquial",
        "someone to talk to at 3am when everything feels too much",
        None,
        "crisis:3 mental:2",
    ),
    # ---------------------------------------------------------------- Scots
    Q(
        "s01",
        "scots",
        "cannae afford the messages this week, the weans are starving",
        ("pc", "Denny"),
        "food:3 emergency_money:2",
        who=("parent",),
    ),
    Q(
        "s02",
        "scots",
        "ma heid's mince, naebody tae talk tae and I'm greetin aw the time",
        ("pc", "Tillicoultry"),
        "mental:3 lonely:3 crisis:1",
    ),
    Q(
        "s03",
        "scots",
        "I'm skint and the debts are piling up, letters fae the sheriff officers",
        ("pc", "Eyemouth"),
        "debt:3 benefits:1",
    ),
    Q(
        "s04",
        "scots",
        "ma man batters me when he's had a drink and I'm feart tae go hame",
        ("pc", "Newton Stewart"),
        "dv:3 homeless:2",
        who=("women",),
        notwho=("men",),
    ),
    Q(
        "s05",
        "scots",
        "auld yin on ma ain, be guid tae get oot the hoose and have a blether",
        ("pc", "Kirkcudbright"),
        "lonely:3 active:1",
        who=("older",),
        wants_place=True,
    ),
    Q(
        "s06",
        "scots",
        "the hoose is baltic and I cannae pay for the oil",
        ("pc", "Brora"),
        "fuel:3 debt:1",
    ),
    Q(
        "s07",
        "scots",
        "feelin a peerie bit lonely since I retired fae the fishin",
        ("pc", "Scalloway"),
        "lonely:3",
        who=("older", "men"),
    ),
    Q(
        "s08",
        "scots",
        "ma laddie's aff the rails, smokin weed and no gaun tae the school",
        ("pc", "Dunblane"),
        "parenting:3 family_addiction:2 drugs:2 youth:2",
        who=("parent",),
    ),
    # ---------------------------------------------------------------- link worker
    Q(
        "l01",
        "link_worker",
        "Client is 78, lives alone, recently bereaved, would benefit from social contact and practical support at home",
        ("pc", "Auchterarder"),
        "lonely:3 care:3 bereave:2",
        who=("older",),
    ),
    Q(
        "l02",
        "link_worker",
        "Referral for income maximisation: client on Universal Credit, possible entitlement to Adult Disability Payment",
        ("pc", "Duns"),
        "benefits:3 disability:1",
    ),
    Q(
        "l03",
        "link_worker",
        "Unpaid carer for spouse with MS, carer stress, requesting respite and an adult carer support plan",
        ("pc", "Kingussie"),
        "carer:3 care:2",
        who=("carer",),
    ),
    Q(
        "l04",
        "link_worker",
        "Patient post-stroke with low mood, wishes to rebuild confidence through peer support",
        ("pc", "Larbert"),
        "ltc:3 mental:2 lonely:2",
    ),
    Q(
        "l05",
        "link_worker",
        "Young man, 24, social anxiety, unemployed, interested in practical or outdoor activity",
        ("pc", "Stromness"),
        "mental:3 shed:2 active:2 employ:2 lonely:1",
        who=("men",),
        notwho=("older", "young", "women"),
    ),
    Q(
        "l06",
        "link_worker",
        "Client has no car and struggles to get to hospital appointments in Perth",
        ("pc", "Aberfeldy"),
        "transport:3",
    ),
    Q(
        "l07",
        "link_worker",
        "Older adult, socially isolated and housebound, requests befriending",
        ("pc", "Alyth"),
        "lonely:3",
        who=("older",),
        # housebound: a men's shed in the town is only partly useful
        fix={"pk_alyth_shed": 1},
    ),
    Q(
        "l08",
        "link_worker",
        "Tenant at risk of eviction due to rent arrears; needs tenancy support and debt advice",
        ("pc", "Castle Douglas"),
        "housing:3 debt:3 homeless:2",
    ),
    Q(
        "l09",
        "link_worker",
        "Client with low literacy and digital exclusion needs help managing UC journal online",
        ("pc", "Tarbert"),
        "digital:3 reading:2 benefits:2",
    ),
    Q(
        "l10",
        "link_worker",
        "Woman disclosed coercive control by partner; wants safety planning and outreach, not refuge",
        ("pc", "Denny"),
        "dv:3",
        who=("women",),
        notwho=("men",),
    ),
    Q(
        "l11",
        "link_worker",
        "Veteran, ex-Army, struggling with PTSD symptoms and isolation",
        ("pc", "Perth"),
        "mental:3 lonely:2",
        who=("veteran", "men"),
    ),
    # ---------------------------------------------------------------- keyword
    Q("k01", "keyword", "food bank", ("pc", "Eyemouth"), "food:3"),
    Q("k02", "keyword", "dementia support", ("pc", "Grantown-on-Spey"), "dementia:3 carer:2"),
    Q("k03", "keyword", "debt advice", ("pc", "Denny"), "debt:3 benefits:1"),
    Q(
        "k04",
        "keyword",
        "men's shed",
        ("pc", "Grantown-on-Spey"),
        "shed:3 lonely:1 active:1",
        who=("men",),
        wants_place=True,
    ),
    Q("k05", "keyword", "carers support", ("pc", "Lochmaddy"), "carer:3", who=("carer",)),
    Q(
        "k06",
        "keyword",
        "ESOL classes",
        ("pc", "Perth"),
        "english:3",
        who=("newscot",),
        wants_place=True,
    ),
    Q("k07", "keyword", "youth club", ("pc", "Brae"), "youth:3", who=("young",), wants_place=True),
    Q("k08", "keyword", "bereavement counselling", ("pc", "Dunkeld"), "bereave:3"),
    # ---------------------------------------------------------------- typos
    Q(
        "t01",
        "typo",
        "lonley and depresed since retireing",
        ("pc", "Selkirk"),
        "lonely:3 mental:3",
        who=("older",),
    ),
    Q("t02", "typo", "fodbank near me", ("pc", "Larbert"), "food:3"),
    Q("t03", "typo", "benifits help univeral credit", ("pc", "Aviemore"), "benefits:3"),
    Q("t04", "typo", "gamblin problm", ("pc", "Tillicoultry"), "gambling:3"),
    Q(
        "t05",
        "typo",
        "demensia carer suport",
        ("pc", "Jedburgh"),
        "dementia:3 carer:3",
        who=("carer",),
    ),
    Q("t06", "typo", "alchohol adiction help", ("pc", "Newton Stewart"), "alcohol:3"),
    Q("t07", "typo", "mentel helth groop", ("pc", "Castlebay"), "mental:3", wants_place=True),
    # ---------------------------------------------------------------- non-English
    Q(
        "n01",
        "non_english",
        "Potrzebuję pomocy z zasiłkiem i pismem z urzędu, słabo mówię po angielsku",
        ("pc", "Larbert"),
        "benefits:3 english:1",
        who=("lang:pl",),
        lang="pl",
    ),
    Q(
        "n02",
        "non_english",
        "Czuję się bardzo samotna, nie mam tu żadnych przyjaciół",
        ("pc", "Perth"),
        "lonely:3 mental:1",
        who=("lang:pl", "women", "newscot"),
        notwho=("men",),
        lang="pl",
        # the minority communities hub offers Polish and social events: exactly right
        fix={"pk_perth_minority": 3},
    ),
    Q(
        "n03",
        "non_english",
        "أحتاج إلى دروس في اللغة الإنجليزية ومساعدة لعائلتي",
        ("pc", "Newton Stewart"),
        "english:3 refugee:2",
        who=("lang:ar", "newscot", "parent"),
        lang="ar",
        # the Arabic-speaking families group offers English practice and help for families
        fix={"dg_ns_syrian": 3},
    ),
    Q(
        "n04",
        "non_english",
        "زوجي يضربني ولا أعرف إلى أين أذهب",
        ("pc", "Stornoway"),
        "dv:3 homeless:2",
        who=("lang:ar", "women", "newscot"),
        notwho=("men",),
        lang="ar",
        # the welcome group with Arabic interpreting is a way in, not the help itself
        fix={"es_sy_syrian": 1},
    ),
    Q(
        "n05",
        "non_english",
        "Шукаю роботу і курси англійської мови",
        ("pc", "Jedburgh"),
        "employ:3 english:3 refugee:1",
        who=("lang:uk", "newscot"),
        lang="uk",
        # the Ukrainian families group in Jedburgh: English practice and help with forms
        fix={"sb_jd_ukr": 3},
    ),
    Q(
        "n06",
        "non_english",
        "Мені дуже тривожно, я не можу спати. З ким можна поговорити?",
        ("pc", "Aviemore"),
        "mental:3",
        who=("lang:uk",),
        lang="uk",
    ),
    Q(
        "n07",
        "non_english",
        "我想找人帮我申请福利，我的英语不好",
        ("pc", "Glasgow"),
        "benefits:3 english:1",
        who=("lang:zh",),
        lang="zh",
        # advice in Chinese including help with benefits: exactly right
        fix={"gc_chinese": 3},
    ),
    Q(
        "n08",
        "non_english",
        "我很孤独，想认识其他中国人",
        ("pc", "Glasgow"),
        "lonely:3",
        who=("lang:zh", "newscot"),
        lang="zh",
        wants_place=True,
        # meeting other Chinese people is what the association is for
        fix={"gc_chinese": 3},
    ),
    Q(
        "n09",
        "non_english",
        "Tha mi a' faireachdainn aonaranach bho chaochail an duine agam",
        ("pc", "Castlebay"),
        "lonely:3 bereave:3",
        who=("women",),
        notwho=("men",),
        lang="gd",
    ),
    Q(
        "n10",
        "non_english",
        "Tha mi a' coimhead airson cuideachadh le fiachan agus airgead",
        ("pc", "Lochmaddy"),
        "debt:3 benefits:2",
        lang="gd",
    ),
    # ---------------------------------------------------------------- place in the words, no postcode
    Q("w01", "place_in_words", "food bank in Dundee", ("words", "Dundee"), "food:3"),
    Q(
        "w02",
        "place_in_words",
        "carers centre Kilmarnock",
        ("words", "Kilmarnock"),
        "carer:3",
        who=("carer",),
    ),
    Q("w03", "place_in_words", "mental health support Elgin", ("words", "Elgin"), "mental:3"),
    Q(
        "w04",
        "place_in_words",
        "befriending for my gran in Kirkcaldy",
        ("words", "Kirkcaldy"),
        "lonely:3",
        who=("older", "women"),
        notwho=("men",),
    ),
    Q(
        "w05",
        "place_in_words",
        "walking group Stromness",
        ("words", "Stromness"),
        "active:3",
        wants_place=True,
    ),
    Q(
        "w06",
        "place_in_words",
        "men's shed Dundee",
        ("words", "Dundee"),
        "shed:3 lonely:1",
        who=("men",),
        wants_place=True,
    ),
    Q("w07", "place_in_words", "debt advice Kirkwall", ("words", "Kirkwall"), "debt:3 benefits:1"),
    Q(
        "w08",
        "place_in_words",
        "help for Ukrainians in Inverness",
        ("words", "Inverness"),
        "refugee:3",
        who=("lang:uk", "newscot"),
    ),
    Q(
        "w09",
        "place_in_words",
        "recovery cafe Kilmarnock",
        ("words", "Kilmarnock"),
        "alcohol:3 drugs:3",
        wants_place=True,
    ),
    Q("w10", "place_in_words", "foodbank Golspie", ("words", "Golspie"), "food:3"),
    # ---------------------------------------------------------------- postcodes outside the shipped pack
    Q(
        "o01",
        "postcode_outside_pack",
        "my mum has dementia and I'm her carer, I need some support",
        ("hand", "Dundee", "DD1 4HN"),
        "dementia:3 carer:3",
        who=("carer",),
    ),
    Q(
        "o02",
        "postcode_outside_pack",
        "need help with debts, sheriff officers at the door",
        ("hand", "Kirkcaldy", "KY1 1JQ"),
        "debt:3 benefits:1",
    ),
]
