"""The golden end-to-end run of issue 11 from Python (examples/golden/golden.json).

An accountability decision (问责, 免职), a 容错 claim evaluated, the 容错认定 case deciding
从轻 with a shortened impact period, the decided claim merged into the cadre's record, the
follow-up plan and its talks and training, re-appointment (重新任用) refused the day before
the shortened period ends and decided on the day it ends. The steps and the answers expected
are data (golden.json); the C ABI (tests/golden/golden_test.cc) and the command line
(tests/cli/golden.cmake) run the same steps against the same answers.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import cadre

from conftest import REPO

GOLDEN = REPO / "examples" / "golden"
_MISSING = object()


def _json(name: str) -> Any:
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def _at(value: Any, path: list) -> Any:
    """The value at a path of member names and indexes; _MISSING when absent."""
    for part in path:
        if isinstance(part, int):
            if not isinstance(value, list) or part >= len(value):
                return _MISSING
            value = value[part]
        else:
            if not isinstance(value, dict) or part not in value:
                return _MISSING
            value = value[part]
    return value


def _check(step: dict, answer: Any) -> None:
    """Every check of a step against its answer (protobuf JSON: a field at its default is
    left out, so a missing value equals false, 0, "" or [])."""
    for check in step["checks"]:
        got = _at(answer, check["path"])
        where = f"{step['step']} {step.get('file', step.get('as_of', ''))} {check['path']}"
        if "equals" in check:
            want = check["equals"]
            if got is _MISSING:
                assert want in (False, 0, "", []) and not isinstance(want, dict), where
            else:
                assert got == want, where
        if "has" in check:
            assert isinstance(got, list), where
            want = check["has"]
            assert any(all(item.get(k) == v for k, v in want.items()) for item in got), (
                where, want)


def test_the_golden_run(tmp_path):
    golden = _json("golden.json")
    roster = _json("roster.json")
    cadre_ = roster["cadres"][0]
    assert cadre_["id"] == golden["cadre"]
    decided: dict = {}
    with cadre.Store(tmp_path / "golden.db") as store:
        engine = store.engine
        for step in golden["steps"]:
            kind = step["step"]
            answer: Any = None
            request: dict
            if kind == "evaluate":
                answer = engine.call("tolerance_evaluate", {"claim": _json(step["claim"])},
                                     as_dict=True)
            elif kind == "plan":
                answer = engine.call("followup_plan", {
                    "as_of": step["as_of"], "cadre": cadre_,
                    "adjustment_id": step["adjustment"], "plan_id": golden["plan_id"]},
                    as_dict=True)
                cadre_["follow_up_plans"] = [answer["plan"]]
            elif kind == "record":
                request = _json(step["file"])
                request.update({"as_of": step["as_of"], "cadre": cadre_,
                                "plan_id": golden["plan_id"]})
                answer = engine.call("followup_record", request, as_dict=True)
                cadre_["follow_up_plans"] = [answer["plan"]]
            elif kind == "case_open":
                answer = store.call("case_open", {
                    "case_id": golden["case_id"], "cadre": cadre_,
                    "exemption_claim_id": step["claim_id"]}, as_dict=True)
            elif kind == "case_record":
                answer = store.call("case_record", {
                    "case_id": golden["case_id"], "event": _json(step["file"])}, as_dict=True)
                exemption = answer.get("case", {}).get("exemption", {})
                if exemption.get("decided"):
                    decided = exemption["claim"]
            elif kind == "merge_decision":
                # The host's part: the decided claim in place of the pending one with its id.
                claims = cadre_["exemption_claims"]
                index = [c["id"] for c in claims].index(decided["id"])
                claims[index] = decided
                continue
            elif kind == "due":
                answer = engine.call("followup_due", {
                    "as_of": step["as_of"], "cadres": [cadre_],
                    "overdue_only": step.get("overdue_only", False)}, as_dict=True)
            elif kind == "outcome":
                request = _json(step["facts"])
                request.update({"as_of": step["as_of"], "cadre": cadre_,
                                "plan_id": golden["plan_id"], "kind": step["kind"],
                                "record_id": step["record_id"],
                                "check_only": step.get("check_only", False)})
                if "status" in step:
                    with pytest.raises(cadre.CadreError) as info:
                        engine.call("followup_outcome", request, as_dict=True)
                    assert info.value.code_name == step["status"]
                    assert info.value.field == step["field"]
                    continue
                answer = engine.call("followup_outcome", request, as_dict=True)
                if not step.get("check_only"):
                    cadre_["follow_up_plans"] = [answer["plan"]]
            else:
                raise AssertionError(f"unknown step {kind}")
            assert "status" not in step, kind
            _check(step, answer)
