#!/usr/bin/env python3
"""Writes data/example-roster.json: the small bundled roster of the README's main job.

Hand-picked boundary cases of the retirement rule (as of 2025-06-30) plus a
deterministic filler of ordinary cadres. Synthetic data: no real person.
Run: python3 scripts/make-example-roster.py > data/example-roster.json
"""
import json
import random

UNITS = ["u-xf-gov", "u-xf-party", "u-jd-gov", "u-ny-edu", "u-ny-fin", "u-prov-org"]
TITLES = {
    "RANK_LEVEL_BUREAU_PRINCIPAL": "厅长",
    "RANK_LEVEL_BUREAU_DEPUTY": "副厅长",
    "RANK_LEVEL_COUNTY_PRINCIPAL": "县长",
    "RANK_LEVEL_COUNTY_DEPUTY": "副县长",
    "RANK_LEVEL_TOWNSHIP_PRINCIPAL": "乡长",
    "RANK_LEVEL_TOWNSHIP_DEPUTY": "副乡长",
}


def cadre(cid, sex, birth, level, start="2019-01-01", source="BIRTH_DATE_SOURCE_PERSONNEL_FILE",
          unit="u-xf-gov"):
    return {
        "id": cid,
        "sex": sex,
        "birth_date": birth,
        "birth_date_source": source,
        "posts": [{
            "id": cid + "-p1",
            "unit_id": unit,
            "title": TITLES[level],
            "rank_level": level,
            "kind": "POST_KIND_LEADERSHIP",
            "start_date": start,
        }],
    }


M, F = "SEX_MALE", "SEX_FEMALE"
cadres = [
    cadre("c0001", M, "1965-03-02", "RANK_LEVEL_COUNTY_PRINCIPAL"),       # 60y1m: 2025-04-02
    cadre("c0002", M, "1965-05-15", "RANK_LEVEL_COUNTY_DEPUTY"),          # 60y2m: 2025-07-15
    cadre("c0003", M, "1964-12-31", "RANK_LEVEL_TOWNSHIP_PRINCIPAL"),     # 60 before the phase-in
    cadre("c0004", F, "1970-02-10", "RANK_LEVEL_TOWNSHIP_PRINCIPAL"),     # 55y1m: 2025-03-10
    cadre("c0005", F, "1966-03-01", "RANK_LEVEL_COUNTY_DEPUTY"),          # 60 at county level
    cadre("c0006", F, "1965-06-30", "RANK_LEVEL_BUREAU_DEPUTY", unit="u-prov-org"),  # 60 on the day
    cadre("c0007", M, "1964-02-29", "RANK_LEVEL_BUREAU_PRINCIPAL", unit="u-prov-org"),  # leap day
    cadre("c0008", F, "1969-12-31", "RANK_LEVEL_TOWNSHIP_DEPUTY"),        # 55 before the phase-in
    cadre("c0009", M, "1964-06-01", "RANK_LEVEL_COUNTY_DEPUTY",
          source="BIRTH_DATE_SOURCE_IDENTITY_CARD"),                      # needs verification
    cadre("c0010", M, "1965-01-31", "RANK_LEVEL_COUNTY_PRINCIPAL"),       # 60y1m: clamps to 02-28
    cadre("c0011", M, "1970-02-30", "RANK_LEVEL_COUNTY_DEPUTY"),          # not a date: rejected
]
rng = random.Random(20170817)
levels = list(TITLES)
for i in range(12, 41):
    year = rng.randint(1968, 1988)
    birth = f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    cadres.append(cadre(f"c{i:04d}", rng.choice([M, M, F]), birth, rng.choice(levels),
                        start=f"{rng.randint(2012, 2023)}-0{rng.randint(1, 9)}-01",
                        unit=rng.choice(UNITS)))
print(json.dumps({"cadres": cadres}, ensure_ascii=False, indent=1))
