"""The typed form of the binding: dataclasses and enums of cadre.types,
generated from the schema, returned by the operations and accepted by them."""

from __future__ import annotations

import dataclasses
import typing

import pytest

import cadre
from cadre import types
from conftest import RETIREMENT_REQUEST


def test_fields_are_typed_for_an_editor() -> None:
    hints = typing.get_type_hints(types.Finding)
    assert hints["rule_id"] is str
    assert hints["channel"] is types.Channel
    assert hints["citations"] == list[types.Citation]
    assert hints["explanation"] is types.LocalizedText
    assert "Stable rule id" in (types.Finding.__doc__ or "") or types.Finding.__doc__
    names = {f.name for f in dataclasses.fields(types.Finding)}
    assert {"cadre_id", "rule_id", "channel", "effective_date", "facts"} <= names


def test_operations_return_their_typed_response() -> None:
    overloads = typing.get_overloads(cadre.Engine.screen)
    assert overloads, "screen has no typed overloads"
    first = typing.get_type_hints(overloads[0])
    assert first["return"] is types.ScreenResponse
    for name in ("eligibility", "grade_cap", "warnings", "consistency"):
        hints = typing.get_type_hints(typing.get_overloads(getattr(cadre.Engine, name))[0])
        assert hints["return"].__name__.endswith("Response")


def test_a_finding_reads_as_attributes(engine) -> None:
    response = engine.screen(RETIREMENT_REQUEST)
    assert isinstance(response, types.ScreenResponse)
    (finding,) = [f for f in response.findings if f.cadre_id == "c1"]
    assert finding.rule_id == "cn-2022.age.retirement"
    assert finding.channel is types.Channel.AGE_LIMIT
    assert finding.channel.proto_name == "CHANNEL_AGE_LIMIT"
    assert finding.channel.label("zh-CN") == "到龄免职(退休)"
    assert finding.effective_date == "2025-04-02"
    assert finding.explanation.en and finding.explanation.zh_cn
    assert finding.citations[0].verification in set(types.Verification)
    assert response.summary.cadres_down >= 1


def test_dict_and_json_stay_available(engine) -> None:
    typed = engine.screen(RETIREMENT_REQUEST)
    as_dict = engine.screen(RETIREMENT_REQUEST, as_dict=True)
    assert typed.to_dict() == as_dict
    assert types.ScreenResponse.from_json(typed.to_json()) == typed
    assert types.ScreenResponse.from_dict(as_dict) == typed


def test_a_typed_request(engine) -> None:
    request = types.ScreenRequest(as_of="2025-06-30", cadres=[types.Cadre(
        id="t1", sex=types.Sex.MALE, birth_date="1960-01-01",
        birth_date_source=types.BirthDateSource.PERSONNEL_FILE,
        posts=[types.Post(id="p1", rank_level=types.RankLevel.COUNTY_PRINCIPAL,
                          kind=types.PostKind.LEADERSHIP, start_date="2020-01-01")])])
    response = engine.screen(request)
    assert [f.rule_id for f in response.findings] == ["cn-2022.age.retirement"]
    with pytest.raises(TypeError):
        engine.eligibility(request)  # a ScreenRequest is not an EligibilityRequest


def test_enums_from_names_numbers_and_unknown_numbers() -> None:
    assert types.Channel.from_json("CHANNEL_TERM") is types.Channel.TERM
    assert types.Channel.from_json(3) is types.Channel.ACCOUNTABILITY
    assert types.Channel.from_json(99) == 99  # a newer library's value is kept
    with pytest.raises(ValueError):
        types.Channel.from_json("CHANNEL_NO_SUCH")
    finding = types.Finding.from_dict({"channel": 99, "rule_id": "x"})
    assert finding.channel == 99
    assert finding.to_dict() == {"rule_id": "x", "channel": 99}


def test_json_mapping_of_scalars() -> None:
    header = types.RosterHeader.from_dict({"seed": "18446744073709551615"})
    assert header.seed == 2**64 - 1
    assert header.to_dict()["seed"] == "18446744073709551615"
    scores = types.DimensionScores.from_dict({"morality": "NaN", "ability": 0.5})
    assert scores.to_dict()["morality"] == "NaN" and scores.ability == 0.5
    record = types.RosterRecord.from_dict({"header": {}})
    assert record.to_dict() == {"header": {}}  # a oneof member set to its default is kept
    with pytest.raises(ValueError):
        types.Finding.from_dict({"no_such_field": 1})
    bulletin = types.Bulletin.from_dict({"from": "2024-01-01"})
    assert bulletin.from_ == "2024-01-01" and bulletin.to_dict() == {"from": "2024-01-01"}
