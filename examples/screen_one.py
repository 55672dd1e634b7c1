"""screen_one.py: screen one cadre with the Python binding (ctypes over libcadre.so).

A male county head (县长) born 1965-03-02, screened as of 2025-06-30. The
response has one finding, "cn-2022.age.retirement" through the channel
到龄免职(退休), effective 2025-04-02: men retire at 60, plus one month for
births from January to April 1965 under the 2024 phase-in.

Run: PYTHONPATH=bindings/python python3 examples/screen_one.py
(set CADRE_LIBRARY to the path of libcadre.so when it is not installed).
"""

import cadre
from cadre import types

# [screen]
# A cadre.v1.ScreenRequest, typed: the dataclasses of cadre.types, generated
# from the schema (a dict in the shape of its protobuf JSON works too).
REQUEST = types.ScreenRequest(
    as_of="2025-06-30",
    cadres=[types.Cadre(
        id="c-0001",
        sex=types.Sex.MALE,
        birth_date="1965-03-02",
        birth_date_source=types.BirthDateSource.PERSONNEL_FILE,
        posts=[types.Post(
            id="p-1",
            unit_id="u-county-01",
            title="县长",
            rank_level=types.RankLevel.COUNTY_PRINCIPAL,
            kind=types.PostKind.LEADERSHIP,
            start_date="2019-01-01",
        )],
    )],
)

with cadre.Engine() as engine:
    response = engine.screen(REQUEST)  # a cadre.types.ScreenResponse

for finding in response.findings:
    print(finding.cadre_id, finding.rule_id, finding.channel.label("zh-CN"),
          finding.effective_date)
    print("  " + finding.explanation.zh_cn)
    print("  " + finding.explanation.en)
print(response.to_json(indent=2))  # the same as protobuf JSON
# [screen]
