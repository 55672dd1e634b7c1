"""The 容错认定 case from Python: the pending claim of examples/tolerance/case opens the
case, its decision is a step, the answer carries the decided claim for the exemption module,
and the remedial measures (纠错) the decision sets are due as tasks of the case.
"""

from __future__ import annotations

import json

import pytest

import cadre
from cadre import types

from conftest import REPO

EXAMPLE = REPO / "examples" / "tolerance" / "case"


def _cadre() -> dict:
    roster = json.loads((EXAMPLE / "roster.json").read_text(encoding="utf-8"))
    return roster["cadres"][0]


def _event(name: str) -> dict:
    return json.loads((EXAMPLE / "events" / name).read_text(encoding="utf-8"))


@pytest.fixture()
def store(tmp_path):
    with cadre.Store(tmp_path / "cases.db") as s:
        yield s


def test_from_the_claim_to_the_decision_and_its_remedial_measures(store):
    case = store.open_case("rc-c9101", _cadre(), exemption_claim_id="c9101-rc1")
    view = case.view
    assert view.procedure_id == "cn.exemption-review"
    assert view.current_stage == "acceptance"
    assert not view.exemption.decided
    assert view.exemption.claim.id == "c9101-rc1"
    assert view.exemption.claim.decision == types.ExemptionDecision.PENDING
    for name in ("1-acceptance.json", "2-verification.json", "3-deliberation.json"):
        assert case.record(_event(name)).accepted, name
    refused = case.record(_event("4-decision-bad-deadline.json"))
    assert not refused.accepted
    assert refused.rejection.field == "event.facts[1].date"
    answer = case.record(_event("5-decision.json"))
    assert answer.accepted, answer.rejection
    decision = answer.case.exemption
    assert decision.decided
    assert decision.claim.decision == types.ExemptionDecision.EXEMPT
    assert decision.claim.decided_on == "2025-09-26"
    assert decision.claim.concerns.id == "c9101-d1"
    assert decision.remedial_measures == ["r1", "r2"]
    due = {d.task: d for d in case.show(as_of="2025-10-11").due if d.task}
    assert due["r1"].deadline == "2025-10-10" and due["r1"].working_days_overdue == 1
    assert due["r2"].deadline == "2025-10-09" and due["r2"].working_days_overdue == 2
    for name in ("6-notification.json", "7-filing.json", "8-remedy-r1.json", "9-remedy-r2.json"):
        assert case.record(_event(name)).accepted, name
    final = case.show()
    assert final.ended
    assert [(l.task, l.working_days) for l in final.late] == [("r2", 3)]
    assert case.verify().ok


def test_a_claim_that_is_not_pending_is_refused_naming_the_field(store):
    record = _cadre()
    record["exemption_claims"][0]["decision"] = "EXEMPTION_DECISION_DENIED"
    record["exemption_claims"][0]["decided_on"] = "2025-07-01"
    with pytest.raises(cadre.InvalidArgumentError) as e:
        store.open_case("rc-x", record, exemption_claim_id="c9101-rc1")
    assert e.value.field == "cadre.exemption_claims[0].decision"
