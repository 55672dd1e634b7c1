"""Precise identification from Python: Engine.identify (issue 12 §2).

A team of four with five raters each shows its reverse evaluation; with four
raters it shows none and says so; a cadre graded 基本称职 two years running
gets the 平庸型 signal, which needs verification and is never a verdict;
errors name the field of the request. docs/identification.md defines every
indicator, the floor and the quota.
"""

from __future__ import annotations

import pytest

import cadre
from cadre import types

from conftest import make_cadre


def _member(cadre_id: str, raters: int, votes: int, grade: str, score: float) -> dict:
    c = make_cadre(cadre_id)
    c["assessments"] = [{
        "id": f"a{y}", "year": y, "grade": grade, "decided_on": f"{y + 1}-01-15",
        "scores": {k: score for k in ("morality", "ability", "diligence", "achievement",
                                      "integrity")},
        "rank_in_team": {"rank": 1, "of": 4, "group_id": "t1"},
        "reverse_evaluation": {"raters": raters, "votes_as_weakest": votes},
    } for y in (2023, 2024)]
    return c


def _team(raters: int) -> list[dict]:
    return [_member("c1", raters, 3, "ASSESSMENT_GRADE_BASICALLY_COMPETENT", 70),
            _member("c2", raters, 1, "ASSESSMENT_GRADE_COMPETENT", 80),
            _member("c3", raters, 1, "ASSESSMENT_GRADE_COMPETENT", 85),
            _member("c4", raters, 0, "ASSESSMENT_GRADE_EXCELLENT", 90)]


def test_five_raters_show_the_reverse_evaluation(engine):
    r = engine.identify({"as_of": "2025-06-30", "cadres": _team(5)})
    assert isinstance(r, types.IdentifyResponse)
    assert r.year == 2024 and r.from_year == 2022
    team = r.teams[0]
    assert team.team_id == "t1"
    assert list(team.weakest) == ["c1"]
    assert [c.votes_as_weakest for c in team.reverse] == [3, 1, 1, 0]
    assert team.suppressed == 0
    assert [v.cadre_id for v in team.vertical] == ["c4", "c3", "c2", "c1"]
    assert team.vertical[0].difference == pytest.approx(90 - 81.25)
    signals = [(s.cadre_id, s.type) for s in r.signals]
    assert signals == [("c1", types.FourType.MEDIOCRE)]
    assert r.signals[0].status == types.IdentificationStatus.NEEDS_VERIFICATION
    assert "待核实" in r.signals[0].explanation.zh_cn
    # 1 优秀 of 4 leading cadres: 25%, over the recalled 20%.
    quota = r.quotas[0]
    assert (quota.excellent, quota.graded, quota.exceeds) == (1, 4, True)
    assert quota.citation.key == "khtl-2019"
    assert quota.citation.verification == types.Verification.RECALLED


def test_four_raters_show_nothing_and_say_so(engine):
    r = engine.identify({"as_of": "2025-06-30", "cadres": _team(4)})
    team = r.teams[0]
    assert team.suppressed == 4
    assert all(c.suppressed == types.Suppression.FEWER_RATERS for c in team.reverse)
    assert all(c.votes_as_weakest == 0 and c.raters == 0 for c in team.reverse)
    assert list(team.weakest) == []
    assert r.suppressed_cells == 4
    assert "4" in r.anonymity_note.en and "5" in r.anonymity_note.en


def test_errors_name_the_field(engine):
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.identify({"as_of": "2025-06-30", "parameters": {"anonymity_floor": 1}})
    assert info.value.field == "parameters.anonymity_floor"
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.identify({"cadres": _team(5)})
    assert info.value.field == "as_of"
