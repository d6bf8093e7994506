# ruff: noqa: E501, RUF001, SIM115  (hand-written queries: long lines, non-English text)
"""Draft the graded judgements of queries.json from the evaluator's own labels.

Each query below says, in the evaluator's words, which needs it expresses (0-3), who the person
is not (an audience a service is restricted to that does not fit them), and where they are.
A service's grade = how well its needs answer the query (its main need at the query's grade,
a secondary need one lower; a kind or a named service can be graded by hand), capped by reach:
  - in-person service within 12 km of the person: no cap; 12-30 km: at most 1 (another town);
    further: 0. A phone/home-visit service whose service area covers the person's council
    area: no cap.
  - Scotland-wide service: no cap; service limited to other areas: 0.
  - no place known: local services at most 1, area-limited remote services at most 1.
  - service for an audience the person is not (older people, women, parents...): at most 1.
Then the hand overrides (service key -> grade), which are final.
Run: /work/main/.venv/bin/python tests/search/relevance_independent/build_queries.py
"""

from __future__ import annotations

import csv
import gzip
import json

from build_directory import HERE, POSTCODES, TOWNS, Entry, _km, build, postcode_pool

# area name as written in the feed -> council area codes it covers
AREA_CODES: dict[str, set[str]] = {
    "Perth and Kinross": {"S12000048"},
    "Perth & Kinross": {"S12000048"},
    "NHS Tayside": {"S12000048", "S12000042", "S12000041"},
    "Falkirk council area": {"S12000014"},
    "Falkirk": {"S12000014"},
    "NHS Forth Valley": {"S12000014", "S12000030", "S12000005"},
    "Stirling": {"S12000030"},
    "Stirling council area": {"S12000030"},
    "Clackmannanshire": {"S12000005"},
    "Dumfries and Galloway": {"S12000006"},
    "Dumfries & Galloway": {"S12000006"},
    "NHS Dumfries and Galloway": {"S12000006"},
    "Shetland Islands": {"S12000027"},
    "Shetland": {"S12000027"},
    "Na h-Eileanan Siar": {"S12000013"},
    "Western Isles": {"S12000013"},
    "Outer Hebrides": {"S12000013"},
    "Orkney Islands": {"S12000023"},
    "Orkney": {"S12000023"},
    "Highland": {"S12000017"},
    "NHS Highland": {"S12000017", "S12000035"},
    "Scottish Borders": {"S12000026"},
    "NHS Borders": {"S12000026"},
    "Glasgow City": {"S12000049"},
    "Glasgow": {"S12000049"},
    "NHS Greater Glasgow and Clyde": {
        "S12000049",
        "S12000038",
        "S12000039",
        "S12000045",
        "S12000011",
        "S12000018",
    },
}

# (id, category, text, town of the postcode or None, town named in the words or None,
#  needs {need: grade}, not-audiences, kind grades {kind: grade}, overrides {service key: grade})
Q = tuple[
    str, str, str, str | None, str | None, dict[str, int], list[str], dict[str, int], dict[str, int]
]
QUERIES: list[Q] = [
    (
        "c01",
        "colloquial",
        "I can't afford to feed the kids this week",
        "Perth",
        None,
        {"food": 3, "money": 2},
        ["older"],
        {"lunch": 2},
        {},
    ),
    (
        "c02",
        "colloquial",
        "skint and the electric's about to go off",
        "Falkirk",
        None,
        {"fuel": 3, "money": 2, "food": 1},
        [],
        {},
        {},
    ),
    (
        "c03",
        "colloquial",
        "my husband died in the spring and I'm just not coping",
        "Dumfries",
        None,
        {"bereavement": 3, "mental_health": 2, "loneliness": 1},
        [],
        {},
        {},
    ),
    (
        "c04",
        "colloquial",
        "I'm on my own all the time since I retired, hardly see a soul",
        "Lerwick",
        None,
        {"loneliness": 3, "arts": 1, "exercise": 1, "garden": 1},
        [],
        {"mens_shed": 2, "lunch": 2},
        {},
    ),
    (
        "c05",
        "colloquial",
        "struggling with my nerves, panic attacks nearly every day",
        "Stornoway",
        None,
        {"mental_health": 3},
        [],
        {},
        {},
    ),
    (
        "c06",
        "colloquial",
        "we've been told we're getting evicted next month and have nowhere to go",
        "Glasgow",
        None,
        {"housing": 3, "money": 1},
        [],
        {},
        {"remote:nat_ukraine": 1},
    ),
    (
        "c07",
        "colloquial",
        "my mum keeps forgetting things and I'm worried it's the start of dementia",
        "Galashiels",
        None,
        {"dementia": 3, "carers": 2},
        [],
        {},
        {},
    ),
    (
        "c08",
        "colloquial",
        "I look after my husband since his stroke and I'm absolutely exhausted",
        "Kirkwall",
        None,
        {"carers": 3, "long_term": 1, "mental_health": 1},
        [],
        {},
        {},
    ),
    (
        "c09",
        "colloquial",
        "want to get out of the house more and get a bit fitter",
        "Fort William",
        None,
        {"exercise": 3, "loneliness": 1, "garden": 2},
        [],
        {},
        {},
    ),
    (
        "c10",
        "colloquial",
        "need someone to talk to in the middle of the night, I keep thinking about ending it all",
        None,
        None,
        {"mental_health": 2},
        [],
        {},
        {"remote:nat_crisis": 3, "remote:nat_cbt": 1, "remote:nat_listening": 2},
    ),
    (
        "c11",
        "colloquial",
        "need a cheap place to get food, money's really tight",
        "Grangemouth",
        None,
        {"food": 2, "money": 1},
        [],
        {"pantry": 3},
        {},
    ),
    (
        "c12",
        "colloquial",
        "I'd love to do some painting or crafts with other people",
        "Crieff",
        None,
        {"arts": 3, "loneliness": 1},
        [],
        {},
        {"arts:Crieff": 2},
    ),
    (
        "c13",
        "colloquial",
        "my dad lives alone and won't leave the house, could someone visit him?",
        "Pitlochry",
        None,
        {"loneliness": 3},
        [],
        {"social_group": 1, "lunch": 1},
        {"befriending:Pitlochry": 2, "remote:nat_friendship": 2},
    ),
    (
        "l01",
        "link_worker",
        "Patient with COPD, socially isolated, would benefit from peer support group",
        "Perth",
        None,
        {"long_term": 2, "loneliness": 2},
        [],
        {},
        {"long_term:Perth": 3},
    ),
    (
        "l02",
        "link_worker",
        "Client requires support with PIP application and benefit entitlement check",
        "Falkirk",
        None,
        {"money": 3},
        [],
        {"energy_advice": 1},
        {},
    ),
    (
        "l03",
        "link_worker",
        "Referral for adult carer support plan and short breaks for unpaid carer",
        "Dumfries",
        None,
        {"carers": 3},
        [],
        {"dementia": 1},
        {},
    ),
    (
        "l04",
        "link_worker",
        "Refugee recently granted status, needs help settling in and ESOL",
        "Glasgow",
        None,
        {"new_scots": 3, "housing": 1, "employability": 1},
        [],
        {},
        {},
    ),
    (
        "l05",
        "link_worker",
        "Long-term unemployed man, low confidence, wants support back into work",
        "Stirling",
        None,
        {"employability": 3, "mental_health": 1},
        ["women"],
        {},
        {"remote:nat_jobs": 2},
    ),
    (
        "l06",
        "link_worker",
        "Older adult at risk of falls, would benefit from strength and balance exercise",
        "Lerwick",
        None,
        {"exercise": 2, "long_term": 1},
        [],
        {"chair_exercise": 3, "exercise_referral": 3, "garden": 1},
        {"walking:Lerwick": 1},
    ),
    (
        "l07",
        "link_worker",
        "Young man aged 19, low mood, not engaging with GP, needs mental health support",
        "Stornoway",
        None,
        {"mental_health": 3},
        ["older", "women"],
        {},
        {"remote:nat_young_mh": 3, "remote:nat_mens": 3},
    ),
    (
        "l08",
        "link_worker",
        "Family self-disconnecting from prepayment meter, fuel debt",
        "Perth",
        None,
        {"fuel": 3, "money": 2, "food": 1},
        [],
        {},
        {},
    ),
    (
        "l09",
        "link_worker",
        "Alcohol dependency, wants to connect with a recovery community",
        "Galashiels",
        None,
        {"addiction": 3},
        [],
        {},
        {"remote:nat_alcohol": 2, "remote:nat_gambling": 0},
    ),
    (
        "l10",
        "link_worker",
        "Woman disclosed coercive control by partner, needs specialist domestic abuse support",
        "Falkirk",
        None,
        {"domestic_abuse": 3, "housing": 1},
        ["men"],
        {},
        {},
    ),
    (
        "l11",
        "link_worker",
        "New mum, isolated, low mood postnatally",
        "Perth",
        None,
        {"parenting": 3, "mental_health": 2, "loneliness": 2},
        ["older"],
        {},
        {},
    ),
    (
        "l12",
        "link_worker",
        "Newly diagnosed type 2 diabetes, wants peer support and to get more active",
        "Hawick",
        None,
        {"long_term": 3, "exercise": 2},
        [],
        {},
        {"remote:nat_chss": 1},
    ),
    (
        "l13",
        "link_worker",
        "Scotland-wide support for gambling harm",
        None,
        None,
        {"addiction": 1},
        [],
        {},
        {"remote:nat_gambling": 3},
    ),
    ("k01", "keyword", "food bank", "Perth", None, {"food": 2}, [], {"foodbank": 3}, {}),
    (
        "k02",
        "keyword",
        "befriending",
        "Dumfries",
        None,
        {"loneliness": 2},
        [],
        {"befriending": 3},
        {"remote:nat_friendship": 3},
    ),
    (
        "k03",
        "keyword",
        "men's shed",
        "Falkirk",
        None,
        {"mens_shed": 3},
        [],
        {"social_group": 0, "garden": 0, "arts": 0},
        {"social_group:Falkirk": 1},
    ),
    ("k04", "keyword", "debt advice", "Glasgow", None, {"money": 3}, [], {"energy_advice": 2}, {}),
    (
        "k05",
        "keyword",
        "counselling",
        "Lerwick",
        None,
        {"mental_health": 2, "bereavement": 2},
        [],
        {},
        {"remote:nat_gambling": 1},
    ),
    ("k06", "keyword", "digital skills", "Kirkwall", None, {"digital": 3}, [], {}, {}),
    (
        "k07",
        "keyword",
        "dementia helpline",
        None,
        None,
        {"dementia": 2},
        [],
        {},
        {"remote:nat_dementia": 3},
    ),
    ("k08", "keyword", "walking group", "Stornoway", None, {"exercise": 1}, [], {"walking": 3}, {}),
    ("k09", "keyword", "dementia", "Stirling", None, {"dementia": 3, "carers": 1}, [], {}, {}),
    ("t01", "typo", "foodbnak near me", "Perth", None, {"food": 2}, [], {"foodbank": 3}, {}),
    (
        "t02",
        "typo",
        "bereavment councelling",
        "Falkirk",
        None,
        {"bereavement": 3, "mental_health": 1},
        [],
        {},
        {},
    ),
    (
        "t03",
        "typo",
        "dimentia support for my dad",
        "Dumfries",
        None,
        {"dementia": 3, "carers": 2},
        [],
        {},
        {},
    ),
    (
        "t04",
        "typo",
        "homless need somewhere to stay tonight",
        "Glasgow",
        None,
        {"housing": 2},
        [],
        {},
        {"housing:Glasgow": 3},
    ),
    ("t05", "typo", "anxeity and depresion", "Galashiels", None, {"mental_health": 3}, [], {}, {}),
    ("t06", "typo", "lonley pensioner", "Lerwick", None, {"loneliness": 3}, [], {}, {}),
    (
        "t07",
        "typo",
        "help with my elecricity bill",
        "Stirling",
        None,
        {"fuel": 3, "money": 2},
        [],
        {},
        {},
    ),
    (
        "s01",
        "scots",
        "am skint an cannae afford the messages",
        "Glasgow",
        None,
        {"food": 3, "money": 2},
        [],
        {},
        {},
    ),
    (
        "s02",
        "scots",
        "I'm that lanely, naebody tae blether wi",
        "Perth",
        None,
        {"loneliness": 3, "arts": 1},
        [],
        {"lunch": 2},
        {},
    ),
    (
        "s03",
        "scots",
        "greetin aw the time since ma maw passed",
        "Falkirk",
        None,
        {"bereavement": 3, "mental_health": 2},
        [],
        {},
        {},
    ),
    (
        "s04",
        "scots",
        "hoose is Baltic an I cannae pay the gas",
        "Dumfries",
        None,
        {"fuel": 3, "money": 1},
        [],
        {},
        {},
    ),
    (
        "s05",
        "scots",
        "fair scunnered sittin in the hoose aw day, want tae dae somethin wi ma hauns",
        "Lerwick",
        None,
        {"mens_shed": 3, "arts": 2, "garden": 2, "loneliness": 1},
        [],
        {},
        {},
    ),
    (
        "s06",
        "scots",
        "ma man's on the drink again an I'm at the end o ma tether",
        "Kirkwall",
        None,
        {"addiction": 3, "mental_health": 1, "domestic_abuse": 1},
        [],
        {},
        {"remote:nat_gambling": 0},
    ),
    (
        "n01",
        "non_english",
        "Potrzebuję pomocy z rachunkami za prąd i gaz",
        "Falkirk",
        None,
        {"fuel": 3, "money": 2},
        [],
        {},
        {"remote:nat_money": 3},
    ),
    (
        "n02",
        "non_english",
        "أحتاج إلى طعام لعائلتي، ليس لدينا مال",
        "Glasgow",
        None,
        {"food": 3, "money": 2},
        [],
        {},
        {},
    ),
    (
        "n03",
        "non_english",
        "Шукаю безкоштовні уроки англійської мови",
        "Perth",
        None,
        {"new_scots": 3},
        [],
        {},
        {"remote:nat_ukraine": 2, "remote:nat_refugee": 1},
    ),
    (
        "n04",
        "non_english",
        "我很孤独，想认识新朋友",
        "Dumfries",
        None,
        {"loneliness": 3, "arts": 1},
        [],
        {"befriending": 2},
        {},
    ),
    (
        "n05",
        "non_english",
        "Mam depresję i stany lękowe, szukam wsparcia",
        "Lerwick",
        None,
        {"mental_health": 3},
        [],
        {},
        {},
    ),
    (
        "n06",
        "non_english",
        "Потрібна допомога з житлом, нас виселяють",
        "Glasgow",
        None,
        {"housing": 3, "money": 1},
        [],
        {},
        {"remote:nat_ukraine": 3},
    ),
    (
        "p01",
        "place_in_words",
        "walking group in Dumfries for the over 60s",
        None,
        "Dumfries",
        {"exercise": 2},
        [],
        {"walking": 3, "chair_exercise": 3},
        {},
    ),
    (
        "p02",
        "place_in_words",
        "food bank in Lerwick",
        None,
        "Lerwick",
        {"food": 2},
        [],
        {"foodbank": 3},
        {},
    ),
    (
        "p03",
        "place_in_words",
        "support for carers in Stornoway",
        None,
        "Stornoway",
        {"carers": 3},
        [],
        {},
        {},
    ),
    (
        "p04",
        "place_in_words",
        "mens shed perth",
        None,
        "Perth",
        {"mens_shed": 3},
        [],
        {"social_group": 0, "garden": 0, "arts": 0},
        {},
    ),
]

AUD_OK = {"all"}


def grade(q: Q, e: Entry, here: tuple[float, float, str] | None) -> int:
    _id, _cat, _text, _pc_town, _word_town, needs, not_aud, kinds, overrides = q
    kind = e.key.split(":")[0] if not e.key.startswith("remote:") else "remote"
    g = needs.get(e.need, 0)
    for s in e.secondary:
        g = max(g, needs.get(s, 0) - 1)
    if kind in kinds:
        g = kinds[kind]
    if g and e.audience in not_aud:
        g = min(g, 1)
    # reach
    if e.town is None:
        codes: set[str] = set()
        for a in e.areas:
            codes |= AREA_CODES.get(a, set()) if a != "Scotland" else {"*"}
        if "*" not in codes:
            g = min(g, 1) if here is None else (g if here[2] in codes else 0)
    else:
        if here is None:
            g = min(g, 1)
        else:
            d = _km(here[0], here[1], e.lat or 0, e.lon or 0)
            covers = any(here[2] in AREA_CODES.get(a, set()) for a in e.areas)
            remote_ok = covers and e.delivery in ("phone", "home_visit")
            if d > 12 and not remote_ok:
                g = min(g, 1) if d <= 30 else 0
    if e.key in overrides:
        g = overrides[e.key]
    return g


def main() -> None:
    entries = build()
    pool = postcode_pool()
    codes = {r["postcode"]: r["council_area"] for r in csv.DictReader(gzip.open(POSTCODES, "rt"))}
    out = []
    seen: dict[str, int] = {}
    for q in QUERIES:
        qid, cat, text, pc_town, word_town, *_ = q
        postcode = ""
        here = None
        if pc_town:
            i = 5 + 4 * seen.get(pc_town, 0)  # a different real postcode near the centre each time
            seen[pc_town] = seen.get(pc_town, 0) + 1
            postcode, lat, lon = pool[pc_town][i % len(pool[pc_town])]
            here = (lat, lon, codes[postcode])
        elif word_town:
            lat, lon = TOWNS[word_town][0], TOWNS[word_town][1]
            here = (lat, lon, codes[pool[word_town][0][0]])
        judged = []
        for e in entries:
            g = grade(q, e, here)
            if g > 0:
                judged.append({"service_id": e.doc["id"], "name": e.doc["name"], "grade": g})
        judged.sort(key=lambda j: (-j["grade"], j["name"]))
        out.append(
            {
                "id": qid,
                "category": cat,
                "text": text,
                "postcode": postcode,
                "place": pc_town or word_town,
                "judgements": judged,
            }
        )
    doc = {
        "about": "Independent relevance judgements for /api/v1/search (see README.md). "
        "Grades: 3 exactly right, 2 relevant, 1 partly, 0 not relevant (services not listed are 0).",
        "queries": out,
    }
    (HERE / "queries.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    for q in out:
        n3 = sum(j["grade"] == 3 for j in q["judgements"])
        print(q["id"], q["postcode"] or "-", len(q["judgements"]), "judged,", n3, "grade 3")


if __name__ == "__main__":
    main()
