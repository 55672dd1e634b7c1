"""Rosters through the C ABI: validation and conversion between the three forms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cadre

ROSTER = Path(__file__).resolve().parents[2] / "data" / "example-roster.json"


def test_validate_names_every_bad_field() -> None:
    result = cadre.validate_roster(ROSTER.read_bytes(), cadre.Format.JSON)
    assert result["records_rejected"] == 1
    [error] = result["errors"]
    assert error["field_path"] == "cadres[10].birth_date"
    assert error["cadre_id"] == "c0011"
    assert "1970-02-30" not in error["message"]  # values are never echoed


def test_validate_with_as_of_checks_the_future() -> None:
    roster = {"cadres": [{"id": "c1", "sex": "SEX_MALE", "birth_date": "1990-01-01"}]}
    data = json.dumps(roster).encode()
    assert cadre.validate_roster(data, cadre.Format.JSON).get("errors") is None
    result = cadre.validate_roster(data, cadre.Format.JSON, as_of="1985-01-01")
    assert result["errors"][0]["field_path"] == "cadres[0].birth_date"
    with pytest.raises(cadre.InvalidArgumentError) as info:
        cadre.validate_roster(data, cadre.Format.JSON, as_of="1985-02-30")
    assert info.value.field == "as_of"


def test_convert_round_trips_through_every_form() -> None:
    text = ROSTER.read_bytes()
    stream = cadre.convert_roster(text, cadre.Format.JSON, cadre.Format.STREAM)
    assert stream.startswith(b"CADRES1\n")
    binary = cadre.convert_roster(stream, cadre.Format.STREAM, cadre.Format.BINARY)
    back = cadre.convert_roster(binary, cadre.Format.BINARY, cadre.Format.JSON)
    assert json.loads(back)["cadres"] == json.loads(text)["cadres"]
    # The same errors whatever the form.
    assert (cadre.validate_roster(stream, cadre.Format.STREAM)["errors"]
            == cadre.validate_roster(text, cadre.Format.JSON)["errors"])


def test_convert_refuses_garbage_and_unknown_formats() -> None:
    with pytest.raises(cadre.InvalidArgumentError):
        cadre.convert_roster(b"CADRES2\n", cadre.Format.STREAM, cadre.Format.JSON)
    with pytest.raises(cadre.InvalidArgumentError) as info:
        cadre.convert_roster(b"{}", cadre.Format.JSON, 7)
    assert info.value.field == "out_format"
