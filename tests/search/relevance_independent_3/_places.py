"""Towns, council areas and the service-area names used by this set (the evaluator's own list).

Town centres are approximate (from the evaluator's knowledge of the towns); real postcodes for
the towns covered by the shipped places pack are picked from the pack at build time near these
centres. Dundee, Inverness, Kirkcaldy, Kilmarnock and Elgin are not in the pack (their postcode
areas DD, IV, KY, KA are not shipped): their services carry real-format postcodes written by
hand and these coordinates, and queries about them name the town in the words.
"""

from __future__ import annotations

# council area codes (GSS, current)
DG = "Dumfries and Galloway"
SB = "Scottish Borders"
FA = "Falkirk"
ST = "Stirling"
CL = "Clackmannanshire"
PK = "Perth and Kinross"
HI = "Highland"
OR = "Orkney Islands"
ES = "Na h-Eileanan Siar"
SH = "Shetland Islands"
GC = "Glasgow City"
DC = "Dundee City"
FI = "Fife"
EA = "East Ayrshire"
MO = "Moray"
AN = "Angus"

# town: (latitude, longitude, council area, in the shipped pack?)
TOWNS: dict[str, tuple[float, float, str, bool]] = {
    "Castle Douglas": (54.9405, -3.9290, DG, True),
    "Kirkcudbright": (54.8370, -4.0490, DG, True),
    "Newton Stewart": (54.9570, -4.4830, DG, True),
    "Lockerbie": (55.1210, -3.3550, DG, True),
    "Dumfries": (55.0700, -3.6080, DG, True),
    "Jedburgh": (55.4780, -2.5540, SB, True),
    "Selkirk": (55.5480, -2.8400, SB, True),
    "Duns": (55.7780, -2.3430, SB, True),
    "Eyemouth": (55.8700, -2.0900, SB, True),
    "Galashiels": (55.6150, -2.8080, SB, True),
    "Larbert": (56.0220, -3.8300, FA, True),
    "Denny": (56.0200, -3.9080, FA, True),
    "Falkirk": (56.0010, -3.7840, FA, True),
    "Dunblane": (56.1870, -3.9650, ST, True),
    "Stirling": (56.1190, -3.9370, ST, True),
    "Tillicoultry": (56.1530, -3.7400, CL, True),
    "Alva": (56.1530, -3.8000, CL, True),
    "Perth": (56.3960, -3.4370, PK, True),
    "Aberfeldy": (56.6210, -3.8660, PK, True),
    "Auchterarder": (56.2960, -3.7020, PK, True),
    "Dunkeld": (56.5650, -3.5870, PK, True),
    "Alyth": (56.6220, -3.2300, PK, True),
    "Aviemore": (57.1950, -3.8260, HI, True),
    "Kingussie": (57.0800, -4.0520, HI, True),
    "Grantown-on-Spey": (57.3300, -3.6080, HI, True),
    "Golspie": (57.9710, -3.9790, HI, True),
    "Brora": (58.0100, -3.8530, HI, True),
    "Stromness": (58.9640, -3.2960, OR, True),
    "Kirkwall": (58.9820, -2.9600, OR, True),
    "Tarbert": (57.8980, -6.8000, ES, True),
    "Castlebay": (56.9550, -7.4880, ES, True),
    "Lochmaddy": (57.5980, -7.1620, ES, True),
    "Stornoway": (58.2090, -6.3870, ES, True),
    "Brae": (60.3960, -1.3530, SH, True),
    "Scalloway": (60.1360, -1.2760, SH, True),
    "Lerwick": (60.1540, -1.1450, SH, True),
    "Glasgow": (55.8620, -4.2550, GC, True),
    "Dundee": (56.4620, -2.9707, DC, False),
    "Inverness": (57.4778, -4.2247, HI, False),
    "Kirkcaldy": (56.1107, -3.1674, FI, False),
    "Kilmarnock": (55.6117, -4.4957, EA, False),
    "Elgin": (57.6494, -3.3186, MO, False),
}

# Real-format postcodes written by hand for towns outside the pack (not checked against a
# postcode list: none is available here).
HAND_POSTCODES = {
    "Dundee": ["DD1 1DB", "DD1 4HN", "DD1 3JA", "DD1 1NJ", "DD1 2AW"],
    "Inverness": ["IV1 1QA", "IV1 1JQ", "IV1 1HY", "IV2 3HU", "IV3 5SS"],
    "Kirkcaldy": ["KY1 1XW", "KY1 1JQ", "KY1 1YL", "KY1 1EN"],
    "Kilmarnock": ["KA1 1HL", "KA1 1BX", "KA1 1QA", "KA3 1LX"],
    "Elgin": ["IV30 1BX", "IV30 1EB", "IV30 1QN", "IV30 1AX"],
}

# Service-area names the way feeds write them -> what they cover: council areas and/or towns.
AREAS: dict[str, tuple[set[str], set[str]]] = {
    "Scotland": ({"*"}, set()),
    "Dumfries & Galloway": ({DG}, set()),
    "Dumfries and Galloway Council area": ({DG}, set()),
    "Stewartry": (set(), {"Castle Douglas", "Kirkcudbright"}),
    "Wigtownshire": (set(), {"Newton Stewart"}),
    "Annandale and Eskdale": (set(), {"Lockerbie"}),
    "Scottish Borders": ({SB}, set()),
    "NHS Borders": ({SB}, set()),
    "Berwickshire": (set(), {"Duns", "Eyemouth"}),
    "Cheviot locality": (set(), {"Jedburgh"}),
    "Falkirk council area": ({FA}, set()),
    "Stirling Council area": ({ST}, set()),
    "Clackmannanshire": ({CL}, set()),
    "Hillfoots": (set(), {"Alva", "Tillicoultry"}),
    "Forth Valley": ({FA, ST, CL}, set()),
    "Perth & Kinross": ({PK}, set()),
    "Highland Perthshire": (set(), {"Aberfeldy", "Dunkeld"}),
    "Strathearn": (set(), {"Auchterarder"}),
    "Angus": ({AN}, set()),
    "Tayside": ({PK, DC, AN}, set()),
    "Highland": ({HI}, set()),
    "NHS Highland area": ({HI}, set()),
    "Badenoch and Strathspey": (set(), {"Aviemore", "Kingussie", "Grantown-on-Spey"}),
    "Sutherland": (set(), {"Golspie", "Brora"}),
    "Inverness and Nairn": (set(), {"Inverness"}),
    "Orkney": ({OR}, set()),
    "Western Isles": ({ES}, set()),
    "Comhairle nan Eilean Siar area": ({ES}, set()),
    "Uist and Barra": (set(), {"Lochmaddy", "Castlebay"}),
    "Shetland": ({SH}, set()),
    "Glasgow City": ({GC}, set()),
    "Greater Glasgow and Clyde": ({GC}, set()),
    "Dundee City": ({DC}, set()),
    "Fife": ({FI}, set()),
    "East Ayrshire": ({EA}, set()),
    "Moray": ({MO}, set()),
}
