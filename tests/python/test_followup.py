"""Follow-up management from Python: Engine.followup_plan, followup_record,
followup_due and followup_outcome (issue 11 §2/§3).

The worked example of docs/followup.md (examples/followup) carried to
re-appointment gives the same answers as from C++ and the CLI; refusals name
the field of the request and never echo a value.
"""

from __future__ import annotations

import json

import pytest

import cadre
from cadre import types

from conftest import REPO

EXAMPLES = REPO / "examples" / "followup"

# The records of the example with the day each is recorded (as run.sh records them).
RECORDS = [
    ("01-talk-principal.json", "2023-03-20"),
    ("02-talk-in-charge.json", "2023-03-29"),
    ("03-talk-organisation.json", "2023-04-10"),
    ("04-task.json", "2023-06-01"),
    ("05-talk-principal.json", "2023-06-20"),
    ("06-talk-in-charge.json", "2023-06-21"),
    ("07-training.json", "2023-09-08"),
    ("08-talk-principal.json", "2023-09-20"),
    ("09-talk-in-charge.json", "2023-09-21"),
    ("10-talk-organisation.json", "2023-10-10"),
    ("11-task-assessment.json", "2023-12-08"),
    ("12-talk-principal.json", "2023-12-20"),
    ("13-talk-in-charge.json", "2023-12-21"),
]


def _json(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _cadre() -> dict:
    return _json(EXAMPLES / "roster.json")["cadres"][0]


def _planned(engine) -> dict:
    cadre_ = _cadre()
    answer = engine.followup_plan(
        {"as_of": "2023-03-13", "cadre": cadre_, "adjustment_id": "a1", "plan_id": "f1"},
        as_dict=True)
    cadre_["follow_up_plans"] = [answer["plan"]]
    return cadre_


def test_the_plan_is_dated_and_cited(engine):
    answer = engine.followup_plan(
        {"as_of": "2023-03-13", "cadre": _cadre(), "adjustment_id": "a1", "plan_id": "f1"})
    assert isinstance(answer, types.FollowUpPlanResponse)
    schedule = answer.schedule
    assert schedule.template_id == "cn.followup.accountability.removal"
    assert schedule.end == "2025-03-13"
    items = {i.key: i for i in schedule.items}
    assert items["talk.principal#1"].due_by == "2023-03-27"
    assert items["talk.principal#1"].kind == types.FollowUpItemKind.TALK
    assert items["talk.organisation#1"].due_by == "2023-04-11"  # 清明节 2023-04-05 is off
    assert items["task#1"].is_optional
    for item in schedule.items:
        assert item.citations
        assert all(c.verification != types.Verification.UNSPECIFIED for c in item.citations)
    assert answer.plan.id == "f1" and answer.plan.adjustment_id == "a1"


def test_the_worked_example_carried_to_reappointment(engine):
    cadre_ = _planned(engine)
    for name, day in RECORDS:
        if day == "2023-03-29":
            late = engine.followup_due(
                {"as_of": "2023-03-28", "overdue_only": True, "cadres": [cadre_]})
            assert [i.status.item.key for i in late.items] == ["talk.in_charge#1"]
            assert late.items[0].status.state == types.FollowUpItemState.OVERDUE
            assert late.items[0].status.working_days_late == 1
        request = _json(EXAMPLES / "records" / name)
        request.update({"as_of": day, "plan_id": "f1", "cadre": cadre_})
        answer = engine.followup_record(request, as_dict=True)
        cadre_["follow_up_plans"] = [answer["plan"]]
    assert engine.followup_due(
        {"as_of": "2024-03-12", "overdue_only": True, "cadres": [cadre_]}).items == []

    request = _json(EXAMPLES / "facts.json")
    request.update({"as_of": "2024-03-12", "cadre": cadre_, "plan_id": "f1",
                    "kind": "FOLLOW_UP_OUTCOME_KIND_REAPPOINTED", "record_id": "p2"})
    with pytest.raises(cadre.FailedPreconditionError) as info:
        engine.followup_outcome(request)
    assert info.value.field == "kind"
    check = engine.followup_outcome(dict(request, check_only=True))
    assert not check.reappointment.allowed
    assert check.reappointment.earliest == "2024-03-13"
    first = check.reappointment.conditions[0]
    assert (first.key, first.state, first.met_from) == (
        "impact_period", types.ConditionState.NOT_MET, "2024-03-13")

    decided = engine.followup_outcome(dict(request, as_of="2024-03-13"))
    assert decided.reappointment.allowed
    assert all(c.state == types.ConditionState.MET and c.citations
               for c in decided.reappointment.conditions)
    assert decided.plan.outcome.kind == types.FollowUpOutcomeKind.REAPPOINTED
    assert decided.plan.outcome.record_id == "p2"
    kinds = [e.kind for e in decided.history]
    assert kinds[0] == types.FollowUpHistoryKind.ADJUSTED
    assert kinds[-1] == types.FollowUpHistoryKind.REAPPOINTED
    assert types.FollowUpHistoryKind.TALK in kinds
    assert decided.method_flags == []


def test_refusals_name_the_field_and_never_echo_the_value(engine):
    cadre_ = _planned(engine)
    talk = {"id": "t1", "held_on": "2023-03-20", "actor": "FOLLOW_UP_ACTOR_UNIT_PRINCIPAL",
            "notes_ref": "谈话中本人表示 接受组织决定"}
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.followup_record(
            {"as_of": "2023-03-20", "plan_id": "f1", "cadre": cadre_, "talk": talk})
    assert info.value.field == "talk.notes_ref"
    assert "接受" not in str(info.value)
    with pytest.raises(cadre.NotFoundError) as info:
        engine.followup_record({"as_of": "2023-03-20", "plan_id": "f9", "cadre": cadre_,
                                "talk": dict(talk, notes_ref="n1")})
    assert info.value.field == "plan_id"
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.followup_plan({"as_of": "2023-03-13", "cadre": _cadre()})
    assert info.value.field == "adjustment_id"
    with pytest.raises(cadre.FailedPreconditionError) as info:
        engine.followup_plan({"as_of": "2023-03-12", "cadre": _cadre(), "adjustment_id": "a1"})
    assert info.value.field == "cadre.adjustments[0].executed_on"
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.followup_due({"as_of": "2023-02-30"})
    assert info.value.field == "as_of"
    # A bad record does not fail the call: it is an error entry, the others are listed.
    bad = dict(_cadre(), id="c2", birth_date="1975-02-30")
    answer = engine.followup_due({"as_of": "2023-03-28", "cadres": [cadre_, bad]})
    assert [e.field_path for e in answer.errors] == ["cadres[1].birth_date"]
    assert answer.items
