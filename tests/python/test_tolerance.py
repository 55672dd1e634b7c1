"""Error tolerance from Python: Engine.tolerance_evaluate (issue 11 §1).

The three worked claims of docs/tolerance.md (examples/tolerance) give the
same proposals as from the CLI; errors name the field of the request; the
host's own criteria come in as EngineOptions.tolerance_texts and are checked
as the shipped ones are.
"""

from __future__ import annotations

import json

import pytest

import cadre
from cadre import types

from conftest import REPO

EXAMPLES = REPO / "examples" / "tolerance"


def _claim(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def test_the_worked_examples(engine):
    exempt = engine.tolerance_evaluate({"claim": _claim("exempt")})
    assert isinstance(exempt, types.ToleranceEvaluateResponse)
    assert exempt.evaluation.proposal == types.ToleranceProposal.EXEMPT
    assert exempt.evaluation.model_id == "cn.tolerance.2019"
    assert types.ExemptionEffect.PROMOTION in exempt.evaluation.effects
    assert exempt.draft.decision == types.ExemptionDecision.PENDING
    assert exempt.draft.grounds == [types.ExemptionGround.REFORM_TRIAL]

    excluded = engine.tolerance_evaluate({"claim": _claim("excluded")})
    assert excluded.evaluation.proposal == types.ToleranceProposal.DENIED
    assert excluded.evaluation.exclusions_hit == [
        types.ExemptionExclusion.MAJOR_SAFETY_ACCIDENT]

    waiting = engine.tolerance_evaluate({"claim": _claim("needs-judgement")}, as_dict=True)
    evaluation = waiting["evaluation"]
    assert evaluation["proposal"] == "TOLERANCE_PROPOSAL_NEEDS_JUDGEMENT"
    missing = {m["key"]: m.get("judgement", False) for m in evaluation["missing"]}
    assert missing["superior_decision_manifestly_illegal"] is True
    assert "personal_gain" in missing


def test_as_of_leaves_out_the_facts_recorded_later(engine):
    # Without as_of every fact counts.
    answer = engine.tolerance_evaluate({"claim": _claim("exempt")})
    assert answer.as_of == "" and answer.not_yet_recorded == []
    # On the claim's day none of its facts was recorded yet.
    day_of_claim = engine.tolerance_evaluate(
        {"claim": _claim("exempt"), "as_of": "2024-04-08"})
    assert len(day_of_claim.not_yet_recorded) == 10
    assert day_of_claim.not_yet_recorded[0] == "claim.facts[0]"
    assert day_of_claim.evaluation.proposal == types.ToleranceProposal.NEEDS_JUDGEMENT
    # Five days before the discipline body's review: the exclusions it rules out still wait.
    before_review = engine.tolerance_evaluate(
        {"claim": _claim("exempt"), "as_of": "2024-04-24"})
    assert before_review.not_yet_recorded == [
        "claim.facts[2]", "claim.facts[3]", "claim.facts[5]"]
    assert before_review.evaluation.proposal == types.ToleranceProposal.NEEDS_JUDGEMENT
    later = engine.tolerance_evaluate({"claim": _claim("exempt"), "as_of": "2024-05-01"})
    assert later.not_yet_recorded == []
    assert later.evaluation.proposal == types.ToleranceProposal.EXEMPT


def test_errors_name_the_field(engine):
    claim = _claim("exempt")
    claim["facts"][0]["recorded_on"] = "2024-04-31"
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.tolerance_evaluate({"claim": claim})
    assert info.value.field == "claim.facts[0].recorded_on"
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.tolerance_evaluate({"claim": _claim("exempt"), "as_of": "2024-04-01"})
    assert info.value.field == "as_of"
    with pytest.raises(cadre.NotFoundError) as info:
        engine.tolerance_evaluate({"claim": dict(_claim("exempt"), model_id="no.such")})
    assert info.value.field == "claim.model_id"


HOST_MODEL = """
models {
  id: "host.360000.tolerance"
  version: "1"
  title { zh_cn: "容错纠错认定标准（使用方）" en: "a host's criteria" }
  jurisdiction: "360000"
  effective_from: "2020-01-01"
  citations { key: "host-rule" verification: VERIFICATION_SAW_LOCAL }
  facts { key: "remedied" name { zh_cn: "已补救" en: "remedied" } type: FACT_TYPE_BOOL judgement: true }
  groups {
    key: "remedy"
    role: TOLERANCE_ROLE_MITIGATION
    mitigation: MITIGATION_KIND_REMEDIED
    outcomes: TOLERANCE_PROPOSAL_LIGHTER
    name { zh_cn: "补救" en: "remedy" }
    text { zh_cn: "及时补救" en: "remedied in time" }
    criteria { key: "remedy.done" fact: "remedied" test: CRITERION_TEST_TRUE name { zh_cn: "已补救" en: "remedied" } text { zh_cn: "已补救" en: "remedied" } citations { key: "host-rule" verification: VERIFICATION_RECALLED } }
    citations { key: "host-rule" verification: VERIFICATION_SAW_LOCAL }
  }
  softened_effects: EXEMPTION_EFFECT_PROMOTION
  shortenings { outcome: TOLERANCE_PROPOSAL_LIGHTER percent: 50 text { zh_cn: "影响期减半" en: "half the period" } citations { key: "host-rule" verification: VERIFICATION_RECALLED } }
  documents { key: "host-rule" title: "某省容错纠错办法" verification: VERIFICATION_SAW_LOCAL jurisdiction: "360000" }
}
"""


def test_the_hosts_criteria_reach_the_engine():
    claim = {"id": "c-2", "concerns": {"kind": "RECORD_KIND_ACCOUNTABILITY_DECISION",
                                       "id": "ad-2"},
             "claimed_on": "2024-03-01", "jurisdiction": "360102", "impact_months": 7,
             "facts": [{"key": "remedied", "type": "FACT_TYPE_BOOL", "yes": True,
                        "recorded_by": "org-1"}]}
    with cadre.Engine({"tolerance_texts": [HOST_MODEL]}) as engine:
        answer = engine.tolerance_evaluate({"claim": claim})
        assert answer.evaluation.model_id == "host.360000.tolerance"
        assert answer.evaluation.proposal == types.ToleranceProposal.LIGHTER
        assert answer.evaluation.shortened_months == 4
    with pytest.raises(cadre.InvalidArgumentError) as info:
        cadre.Engine({"tolerance_texts": ["models { id: "]})
    assert info.value.field == "options.tolerance_texts[0]"
    bad = HOST_MODEL.replace('fact: "remedied"', 'fact: "remediated"')
    with pytest.raises(cadre.InvalidArgumentError) as info:
        cadre.Engine({"tolerance_texts": [bad]})
    assert info.value.field == "options.tolerance_texts[0].models[0].groups[0].criteria[0].fact"
