"""Going up end to end: eligibility with blockers and exemptions, grade caps."""

from __future__ import annotations

from typing import Any

import pytest

import cadre
from conftest import make_cadre


def admonished(issued_on: str = "2024-01-15") -> dict[str, Any]:
    c = make_cadre("c1", rank_level="RANK_LEVEL_COUNTY_DEPUTY")
    c["posts"][0]["start_date"] = "2015-01-01"
    c["work_start_date"] = "1990-07-01"
    c["grassroots_months"] = 60
    c["early_warnings"] = [{"id": "w1", "kind": "EARLY_WARNING_KIND_ADMONISHMENT",
                            "issued_on": issued_on}]
    return c


def ask(engine: cadre.Engine, as_of: str, c: dict[str, Any]) -> dict[str, Any]:
    response = engine.eligibility({"as_of": as_of, "cadres": [c],
                                   "target": "ELIGIBILITY_TARGET_HIGHER_LEVEL"}, as_dict=True)
    assert not response.get("errors")
    (answer,) = response["answers"]
    return answer


def test_admonishment_blocks_until_the_day_it_lifts(engine) -> None:
    # Six months from 2024-01-15, the start day counted as day one: through 2024-07-14.
    answer = ask(engine, "2024-07-14", admonished())
    assert not answer.get("eligible", False)
    (blocker,) = answer["blockers"]
    assert blocker["rule_id"] == "cn-common.up.admonishment"
    assert blocker["lifts_on"] == "2024-07-15"
    assert blocker["record"]["id"] == "w1"
    assert blocker["citations"][0]["key"] == "txjm-zzb"
    assert blocker["citations"][0]["verification"] == "VERIFICATION_RECALLED"
    assert "2024-07-15起解除" in blocker["explanation"]["zh_cn"]
    assert "lifts on 2024-07-15" in blocker["explanation"]["en"]
    assert answer["eligible_from"] == "2024-07-15"
    # Every answer carries the catalogue it was computed with, id and content hash.
    assert answer["catalogue"]["id"] == "cn-2022"
    assert len(answer["catalogue"]["content_hash"]) == 64
    assert blocker["catalogue"]["id"] == "cn-common"
    assert ask(engine, "2024-07-15", admonished())["eligible"] is True


def test_exemption_waives_the_blocker(engine) -> None:
    c = admonished()
    c["exemption_claims"] = [{
        "id": "x1", "concerns": {"kind": "RECORD_KIND_EARLY_WARNING", "id": "w1"},
        "decision": "EXEMPTION_DECISION_EXEMPT", "decided_on": "2024-02-01",
        "effects_cancelled": ["EXEMPTION_EFFECT_PROMOTION"]}]
    answer = ask(engine, "2024-03-01", c)
    assert answer["eligible"] is True
    assert answer["exemptions_applied"] == ["x1"]
    assert answer["waived"][0]["exemption_claim_id"] == "x1"
    assert any(ct.get("article") == "第十七条" for ct in answer["waived"][0]["citations"])
    assert answer["exemptions"][0]["outcome"] == "EXEMPTION_OUTCOME_CANCELLED"
    # Asked before the decision was made: it does not count.
    assert not ask(engine, "2024-01-31", c).get("eligible", False)


def test_grade_cap(engine) -> None:
    response = engine.grade_cap({"year": 2024, "cadres": [admonished("2024-12-31")]}, as_dict=True)
    (cap,) = response["caps"]
    assert cap["best_allowed"] == "ASSESSMENT_GRADE_COMPETENT"
    assert cap["reasons"][0]["record"]["id"] == "w1"


def test_bad_record_and_bad_request(engine) -> None:
    bad = admonished()
    bad["id"] = "bad"  # one id per cadre: a repeated id is an error of its own
    bad["birth_date"] = "1965-02-30"
    response = engine.eligibility({"as_of": "2024-03-01", "cadres": [bad, admonished()],
                                   "target": "ELIGIBILITY_TARGET_CANDIDATE"}, as_dict=True)
    assert response["errors"][0]["field_path"] == "cadres[0].birth_date"
    assert "1965" not in response["errors"][0]["message"]
    assert len(response["answers"]) == 1
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.eligibility({"as_of": "2024-03-01", "cadres": []}, as_dict=True)
    assert info.value.field == "target"
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.grade_cap({"cadres": []}, as_dict=True)
    assert info.value.field == "year"


def test_as_message(engine) -> None:
    pytest.importorskip("google.protobuf")
    response = engine.eligibility({"as_of": "2024-03-01", "cadres": [admonished()],
                                   "target": "ELIGIBILITY_TARGET_HIGHER_LEVEL"},
                                  as_message=True)
    assert response.DESCRIPTOR.full_name == "cadre.v1.EligibilityResponse"
    assert response.answers[0].blockers[0].lifts_on == "2024-07-15"


def test_warnings_in_calendar_order(engine) -> None:
    second = admonished("2024-03-01")
    second["id"] = "c2"
    response = engine.warnings({"as_of": "2024-06-30", "horizon_months": 12,
                                "cadres": [admonished(), second]}, as_dict=True)
    days = [(w["on"], w["cadre_id"]) for w in response["warnings"]]
    assert days[:2] == [("2024-07-15", "c1"), ("2024-09-01", "c2")]
    assert days == sorted(days)
    assert response["warnings"][0]["citations"]
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.warnings({"as_of": "2024-06-30", "horizon_months": -1, "cadres": []}, as_dict=True)
    assert info.value.field == "horizon_months"


def test_consistency_flags_a_decision_without_adjustment(engine) -> None:
    c = admonished()
    c["accountability_decisions"] = [{
        "id": "ad1", "forms": ["ACCOUNTABILITY_FORM_ORGANISATIONAL_ADJUSTMENT"],
        "measures": ["ORGANISATIONAL_MEASURE_REMOVAL"], "decided_on": "2024-01-31"}]
    response = engine.consistency({"as_of": "2024-03-01", "cadres": [c]}, as_dict=True)
    (flag,) = response["flags"]
    assert flag["rule_id"] == "cn-common.consistency.adjustment-deadline.2019"
    assert flag["due_on"] == "2024-02-29"
    assert {ct.get("key") for ct in flag["citations"]} >= {"wztl-2019", "lnsx-2022"}
    assert flag["catalogue"]["id"] == "cn-common"
    assert engine.consistency({"as_of": "2024-02-29", "cadres": [c]}, as_dict=True).get("flags") is None


# A host catalogue that changes the rules of going up: every C entry point that takes an engine
# (eligibility, grade caps, warnings, consistency) uses the engine's catalogues.
HOST = """
id: "gd"
title { zh_cn: "示例" en: "example" }
jurisdiction: "440000"
effective_from: "2023-01-01"
base: "cn-2022"
rules {
  id: "gd.up.admonishment"
  overrides: "cn-common.up.admonishment"
  citations { key: "txjm-zzb" verification: VERIFICATION_RECALLED }
  text { zh_cn: "诫勉十二个月内不得提拔" en: "no promotion for twelve months" }
  kind: "admonishment-impact"
  decided_by: DECIDED_BY_COMPUTATION
  parameters { name: "months" value: "12" }
}
rules {
  id: "gd.grade-cap.organisational"
  overrides: "cn-common.grade-cap.organisational"
  citations { key: "txjm-zzb" verification: VERIFICATION_RECALLED }
  text { zh_cn: "诫勉当年不定等次" en: "no grade in the year of an admonishment" }
  kind: "grade-cap-organisational"
  decided_by: DECIDED_BY_COMPUTATION
  parameters { name: "admonishment" value: "no-grade" }
}
rules {
  id: "gd.consistency.adjustment-deadline"
  overrides: "cn-common.consistency.adjustment-deadline.2019"
  citations { key: "wztl-2019" verification: VERIFICATION_RECALLED }
  text { zh_cn: "两个月内办理" en: "within two months" }
  kind: "adjustment-deadline"
  decided_by: DECIDED_BY_COMPUTATION
  parameters { name: "months" value: "2" }
}
"""


def in_guangdong(c: dict[str, Any]) -> dict[str, Any]:
    c["posts"][0]["region_code"] = "440103"
    return c


def test_every_entry_point_uses_the_engines_catalogues() -> None:
    host = cadre.Engine({"catalogue_texts": [HOST]})
    answer = ask(host, "2024-07-15", in_guangdong(admonished()))
    assert answer["catalogue"]["id"] == "gd"
    (blocker,) = answer["blockers"]
    assert blocker["rule_id"] == "gd.up.admonishment"
    assert blocker["lifts_on"] == "2025-01-15"
    caps = host.grade_cap({"year": 2024, "cadres": [in_guangdong(admonished("2024-12-31"))]},
                           as_dict=True)
    assert caps["caps"][0]["best_allowed"] == "ASSESSMENT_GRADE_NOT_GRADED"
    assert caps["caps"][0]["reasons"][0]["rule_id"] == "gd.grade-cap.organisational"
    warnings = host.warnings({"as_of": "2024-06-30", "horizon_months": 12,
                              "cadres": [in_guangdong(admonished())]}, as_dict=True)
    assert warnings["warnings"][0]["rule_id"] == "gd.up.admonishment"
    assert warnings["warnings"][0]["on"] == "2025-01-15"
    c = in_guangdong(admonished())
    c["accountability_decisions"] = [{
        "id": "ad1", "forms": ["ACCOUNTABILITY_FORM_ORGANISATIONAL_ADJUSTMENT"],
        "measures": ["ORGANISATIONAL_MEASURE_REMOVAL"], "decided_on": "2024-01-31"}]
    assert host.consistency({"as_of": "2024-03-01", "cadres": [c]}, as_dict=True).get("flags") is None
    (flag,) = host.consistency({"as_of": "2024-04-01", "cadres": [c]}, as_dict=True)["flags"]
    assert flag["rule_id"] == "gd.consistency.adjustment-deadline"
    assert flag["due_on"] == "2024-03-31"


def test_a_bad_host_parameter_names_the_field() -> None:
    with pytest.raises(cadre.InvalidArgumentError) as info:
        cadre.Engine({"catalogue_texts": [HOST.replace('value: "12"', 'value: "twelve"')]})
    assert info.value.field == (
        "options.catalogue_texts[0].rules[gd.up.admonishment].parameters[months].value")
