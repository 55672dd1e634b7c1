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
    answer = ask(engine, "2024-07-15", admonished())
    assert not answer.get("eligible", False)
    (blocker,) = answer["blockers"]
    assert blocker["rule_id"] == "up.admonishment"
    assert blocker["lifts_on"] == "2024-07-16"
    assert blocker["record"]["id"] == "w1"
    assert blocker["citations"][0]["verification"] == "VERIFICATION_SAW_LOCAL"
    assert "2024-07-16起解除" in blocker["explanation"]["zh_cn"]
    assert "lifts on 2024-07-16" in blocker["explanation"]["en"]
    assert answer["eligible_from"] == "2024-07-16"
    assert ask(engine, "2024-07-16", admonished())["eligible"] is True


def test_exemption_waives_the_blocker(engine) -> None:
    c = admonished()
    c["exemption_claims"] = [{
        "id": "x1", "concerns": {"kind": "RECORD_KIND_EARLY_WARNING", "id": "w1"},
        "decision": "EXEMPTION_DECISION_EXEMPT",
        "effects_cancelled": ["EXEMPTION_EFFECT_PROMOTION"]}]
    answer = ask(engine, "2024-03-01", c)
    assert answer["eligible"] is True
    assert answer["exemptions_applied"] == ["x1"]
    assert answer["waived"][0]["exemption_claim_id"] == "x1"
    assert any(ct.get("article") == "第十七条" for ct in answer["waived"][0]["citations"])


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
    assert response.answers[0].blockers[0].lifts_on == "2024-07-16"


def test_warnings_in_calendar_order(engine) -> None:
    second = admonished("2024-03-01")
    second["id"] = "c2"
    response = engine.warnings({"as_of": "2024-06-30", "horizon_months": 12,
                                "cadres": [admonished(), second]}, as_dict=True)
    days = [(w["on"], w["cadre_id"]) for w in response["warnings"]]
    assert days[:2] == [("2024-07-16", "c1"), ("2024-09-02", "c2")]
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
    assert flag["rule_id"] == "consistency.no-adjustment"
    assert flag["due_on"] == "2024-02-29"
    assert {ct.get("article") for ct in flag["citations"]} >= {"第九条", "第二条"}
    assert engine.consistency({"as_of": "2024-02-29", "cadres": [c]}, as_dict=True).get("flags") is None
