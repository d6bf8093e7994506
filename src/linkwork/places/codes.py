"""GSS area codes: the current 32 council areas, 14 health boards and 31 HSCPs, and old codes.

Codes changed in 2018 and 2019 when boundaries moved (Cardowan by Stepps from Glasgow to North
Lanarkshire, and the Fife/Perth and Kinross adjustments). Older files (the ALISS postcodes, the
2018 council area boundaries) still use the old codes; everything is stored under the current
ones, so `current_code` maps them on the way in.
"""

from __future__ import annotations

COUNCIL_AREAS: dict[str, str] = {
    "S12000005": "Clackmannanshire",
    "S12000006": "Dumfries and Galloway",
    "S12000008": "East Ayrshire",
    "S12000010": "East Lothian",
    "S12000011": "East Renfrewshire",
    "S12000013": "Na h-Eileanan Siar",
    "S12000014": "Falkirk",
    "S12000017": "Highland",
    "S12000018": "Inverclyde",
    "S12000019": "Midlothian",
    "S12000020": "Moray",
    "S12000021": "North Ayrshire",
    "S12000023": "Orkney Islands",
    "S12000026": "Scottish Borders",
    "S12000027": "Shetland Islands",
    "S12000028": "South Ayrshire",
    "S12000029": "South Lanarkshire",
    "S12000030": "Stirling",
    "S12000033": "Aberdeen City",
    "S12000034": "Aberdeenshire",
    "S12000035": "Argyll and Bute",
    "S12000036": "City of Edinburgh",
    "S12000038": "Renfrewshire",
    "S12000039": "West Dunbartonshire",
    "S12000040": "West Lothian",
    "S12000041": "Angus",
    "S12000042": "Dundee City",
    "S12000045": "East Dunbartonshire",
    "S12000047": "Fife",
    "S12000048": "Perth and Kinross",
    "S12000049": "Glasgow City",
    "S12000050": "North Lanarkshire",
}

HEALTH_BOARDS: dict[str, str] = {
    "S08000015": "Ayrshire and Arran",
    "S08000016": "Borders",
    "S08000017": "Dumfries and Galloway",
    "S08000019": "Forth Valley",
    "S08000020": "Grampian",
    "S08000022": "Highland",
    "S08000024": "Lothian",
    "S08000025": "Orkney",
    "S08000026": "Shetland",
    "S08000028": "Western Isles",
    "S08000029": "Fife",
    "S08000030": "Tayside",
    "S08000031": "Greater Glasgow and Clyde",
    "S08000032": "Lanarkshire",
}

HSCPS: dict[str, str] = {
    "S37000001": "Aberdeen City",
    "S37000002": "Aberdeenshire",
    "S37000003": "Angus",
    "S37000004": "Argyll and Bute",
    "S37000005": "Clackmannanshire and Stirling",
    "S37000006": "Dumfries and Galloway",
    "S37000007": "Dundee City",
    "S37000008": "East Ayrshire",
    "S37000009": "East Dunbartonshire",
    "S37000010": "East Lothian",
    "S37000011": "East Renfrewshire",
    "S37000012": "Edinburgh",
    "S37000013": "Falkirk",
    "S37000016": "Highland",
    "S37000017": "Inverclyde",
    "S37000018": "Midlothian",
    "S37000019": "Moray",
    "S37000020": "North Ayrshire",
    "S37000022": "Orkney Islands",
    "S37000024": "Renfrewshire",
    "S37000025": "Scottish Borders",
    "S37000026": "Shetland Islands",
    "S37000027": "South Ayrshire",
    "S37000028": "South Lanarkshire",
    "S37000029": "West Dunbartonshire",
    "S37000030": "West Lothian",
    "S37000031": "Western Isles",
    "S37000032": "Fife",
    "S37000033": "Perth and Kinross",
    "S37000034": "Glasgow City",
    "S37000035": "North Lanarkshire",
}

# Old code -> current code (council areas S12, health boards S08, HSCPs S37).
OLD_TO_CURRENT: dict[str, str] = {
    "S12000015": "S12000047",  # Fife
    "S12000024": "S12000048",  # Perth and Kinross
    "S12000046": "S12000049",  # Glasgow City
    "S12000044": "S12000050",  # North Lanarkshire
    "S08000018": "S08000029",  # NHS Fife
    "S08000027": "S08000030",  # NHS Tayside
    "S08000021": "S08000031",  # NHS Greater Glasgow and Clyde
    "S08000023": "S08000032",  # NHS Lanarkshire
    "S37000014": "S37000032",  # Fife HSCP
    "S37000023": "S37000033",  # Perth and Kinross HSCP
    "S37000015": "S37000034",  # Glasgow City HSCP
    "S37000021": "S37000035",  # North Lanarkshire HSCP
}

# "No such area" in ONS products (pseudo-codes) and blanks.
NO_CODE = frozenset({"", "S99999999", "S00000000"})

SCOTLAND = "S92000003"


def current_code(code: str) -> str:
    """The current GSS code for `code` (unchanged when already current); "" for no area."""
    code = code.strip()
    if code in NO_CODE:
        return ""
    return OLD_TO_CURRENT.get(code, code)
