"""screen_one.py: screen one cadre with the Python binding (ctypes over libcadre.so).

A male county head (县长) born 1965-03-02, screened as of 2025-06-30. The
response has one finding, "cn-2022.age.retirement" through the channel
到龄免职(退休), effective 2025-04-02: men retire at 60, plus one month for
births from January to April 1965 under the 2024 phase-in.

Run: PYTHONPATH=bindings/python python3 examples/screen_one.py
(set CADRE_LIBRARY to the path of libcadre.so when it is not installed).
"""

import json

import cadre

# [screen]
# A cadre.v1.ScreenRequest as a dict: protobuf JSON field names, enum values
# by name, dates as "YYYY-MM-DD".
REQUEST = {
    "as_of": "2025-06-30",
    "cadres": [{
        "id": "c-0001",
        "sex": "SEX_MALE",
        "birth_date": "1965-03-02",
        "birth_date_source": "BIRTH_DATE_SOURCE_PERSONNEL_FILE",
        "posts": [{
            "id": "p-1",
            "unit_id": "u-county-01",
            "title": "县长",
            "rank_level": "RANK_LEVEL_COUNTY_PRINCIPAL",
            "kind": "POST_KIND_LEADERSHIP",
            "start_date": "2019-01-01",
        }],
    }],
}

with cadre.Engine() as engine:
    response = engine.screen(REQUEST)  # a cadre.v1.ScreenResponse as a dict

print(json.dumps(response, ensure_ascii=False, indent=2))
# [screen]
