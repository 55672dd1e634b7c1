"""Screening end to end: the statutory retirement age, inputs, outputs, engines."""

from __future__ import annotations

import datetime
import gc
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import cadre
from conftest import make_cadre

RULE = "cn-2022.age.retirement"


def findings_for(response: dict[str, Any], cadre_id: str) -> list[dict[str, Any]]:
    return [f for f in response.get("findings", []) if f["cadre_id"] == cadre_id]


def retirement_date(engine: cadre.Engine, sex: str, birth_date: str, rank_level: str,
                    as_of: str) -> str | None:
    """The effective date of the statutory-age finding, or None."""
    response = engine.screen({"as_of": as_of, "cadres": [
        make_cadre("x", sex, birth_date, rank_level)]}, as_dict=True)
    assert not response.get("errors")
    dates = [f["effective_date"] for f in findings_for(response, "x") if f["rule_id"] == RULE]
    assert len(dates) <= 1
    return dates[0] if dates else None


# ---------------------------------------------------------------- retirement


def test_retirement_finding_end_to_end(engine, retirement_request) -> None:
    response = engine.screen(retirement_request, as_dict=True)
    assert response["as_of"] == "2025-06-30"
    assert not response.get("errors")
    (finding,) = findings_for(response, "c1")
    assert finding["rule_id"] == RULE
    assert finding["channel"] == "CHANNEL_AGE_LIMIT"
    assert finding["effective_date"] == "2025-04-02"
    explanation = finding["explanation"]
    assert explanation["zh_cn"] and explanation["en"]
    assert "1965-03-02" in explanation["zh_cn"]
    assert "1965-03-02" in explanation["en"]
    summary = response["summary"]
    assert summary["cadres_screened"] == 1
    assert summary["cadres_down"] == 1


def test_no_finding_the_day_before_the_limit(engine, retirement_request) -> None:
    retirement_request["as_of"] = "2025-04-01"
    response = engine.screen(retirement_request, as_dict=True)
    assert findings_for(response, "c1") == []
    assert not response.get("errors")


def test_finding_on_the_day_the_limit_is_reached(engine, retirement_request) -> None:
    retirement_request["as_of"] = "2025-04-02"
    (finding,) = findings_for(engine.screen(retirement_request, as_dict=True), "c1")
    assert finding["effective_date"] == "2025-04-02"


@pytest.mark.parametrize(("birth_date", "as_of", "expected"), [
    # Born before 1965: 60, no phase-in.
    ("1964-12-31", "2025-06-30", "2024-12-31"),
    # 1965-01..04: +1 month; 1965-05..08: +2 months.
    ("1965-01-01", "2025-06-30", "2025-02-01"),
    ("1965-04-30", "2025-06-30", "2025-05-30"),
    ("1965-05-10", "2025-07-09", None),
    ("1965-05-10", "2025-07-10", "2025-07-10"),
    ("1965-09-01", "2026-01-01", "2025-12-01"),
    # 1976-08: +35 months; from 1976-09: capped at 63.
    ("1976-08-01", "2040-01-01", "2039-07-01"),
    ("1976-09-01", "2040-01-01", "2039-09-01"),
    ("1980-01-15", "2043-01-14", None),
    ("1980-01-15", "2043-01-15", "2043-01-15"),
])
def test_male_phase_in(engine, birth_date: str, as_of: str, expected: str | None) -> None:
    assert retirement_date(engine, "SEX_MALE", birth_date,
                           "RANK_LEVEL_COUNTY_PRINCIPAL", as_of) == expected


@pytest.mark.parametrize(("birth_date", "as_of", "expected"), [
    ("1969-12-15", "2025-06-30", "2024-12-15"),  # 55
    ("1970-01-15", "2025-02-14", None),
    ("1970-01-15", "2025-06-30", "2025-02-15"),  # 55 + 1 month
    ("1970-05-01", "2025-06-30", None),
    ("1970-05-01", "2025-07-01", "2025-07-01"),  # 55 + 2 months
    ("1981-09-01", "2045-01-01", "2039-09-01"),  # capped at 58
])
def test_female_cadre_phase_in(engine, birth_date: str, as_of: str,
                               expected: str | None) -> None:
    assert retirement_date(engine, "SEX_FEMALE", birth_date,
                           "RANK_LEVEL_TOWNSHIP_PRINCIPAL", as_of) == expected


@pytest.mark.parametrize("rank_level", [
    "RANK_LEVEL_PROVINCE_PRINCIPAL",
    "RANK_LEVEL_BUREAU_DEPUTY",
    "RANK_LEVEL_COUNTY_PRINCIPAL",
    "RANK_LEVEL_COUNTY_DEPUTY",
])
def test_female_county_level_and_above_retire_at_60_without_phase_in(
        engine, rank_level: str) -> None:
    assert retirement_date(engine, "SEX_FEMALE", "1970-06-01", rank_level,
                           "2030-05-31") is None
    assert retirement_date(engine, "SEX_FEMALE", "1970-06-01", rank_level,
                           "2031-01-01") == "2030-06-01"


def test_female_below_county_level_is_not_60(engine) -> None:
    assert retirement_date(engine, "SEX_FEMALE", "1965-03-02",
                           "RANK_LEVEL_TOWNSHIP_DEPUTY", "2031-01-01") == "2020-03-02"
    assert retirement_date(engine, "SEX_FEMALE", "1965-03-02",
                           "RANK_LEVEL_COUNTY_DEPUTY", "2031-01-01") == "2025-03-02"


# ---------------------------------------------------------------- bad records


def test_bad_record_is_reported_and_others_are_screened(engine) -> None:
    request = {"as_of": "2025-06-30", "cadres": [
        make_cadre("bad", birth_date="1965-02-30"),
        make_cadre("c1"),
    ]}
    response = engine.screen(request, as_dict=True)
    (error,) = response["errors"]
    assert error["cadre_id"] == "bad"
    assert error["field_path"] == "cadres[0].birth_date"
    assert error["code"] == 3
    assert error.get("index", 0) == 0
    assert error["message"]
    assert [f["cadre_id"] for f in response["findings"]] == ["c1"]
    assert response["summary"]["records_rejected"] == 1


def test_bad_record_index_is_its_position(engine) -> None:
    request = {"as_of": "2025-06-30", "cadres": [
        make_cadre("c1"), make_cadre("c2"), make_cadre("bad", birth_date="x")]}
    (error,) = engine.screen(request, as_dict=True)["errors"]
    assert error["index"] == 2
    assert error["field_path"].startswith("cadres[2].")


# ---------------------------------------------------------------- input forms


def test_dict_json_bytes_and_message_give_the_same_response(engine, retirement_request) -> None:
    from_dict = engine.screen(retirement_request, as_dict=True)
    from_text = engine.screen(json.dumps(retirement_request, ensure_ascii=False), as_dict=True)
    assert from_text == from_dict
    pytest.importorskip("google.protobuf")
    from google.protobuf import json_format
    message = json_format.ParseDict(retirement_request,
                                    cadre.message_class("cadre.v1.ScreenRequest")())
    from_message = engine.screen(message, as_dict=True)
    from_bytes = engine.screen(message.SerializeToString(), as_dict=True)
    from_bytearray = engine.screen(bytearray(message.SerializeToString()), as_dict=True)
    assert from_message == from_dict
    assert from_bytes == from_dict
    assert from_bytearray == from_dict
    assert findings_for(from_bytes, "c1")[0]["effective_date"] == "2025-04-02"


def test_as_message(engine, retirement_request) -> None:
    pytest.importorskip("google.protobuf")
    response_class = cadre.message_class("cadre.v1.ScreenResponse")
    for request in (retirement_request, json.dumps(retirement_request)):
        response = engine.screen(request, as_message=True)
        assert isinstance(response, response_class)
        assert response.findings[0].rule_id == RULE
        assert response.findings[0].effective_date == "2025-04-02"
        channel = cadre.message_class("Finding").DESCRIPTOR.fields_by_name["channel"]
        assert channel.enum_type.values_by_number[response.findings[0].channel].name == \
            "CHANNEL_AGE_LIMIT"


def test_date_objects_in_dicts(engine, retirement_request) -> None:
    retirement_request["as_of"] = datetime.date(2025, 6, 30)
    retirement_request["cadres"][0]["birth_date"] = datetime.date(1965, 3, 2)
    (finding,) = findings_for(engine.screen(retirement_request, as_dict=True), "c1")
    assert finding["effective_date"] == "2025-04-02"


def test_datetime_objects_are_refused(engine, retirement_request) -> None:
    retirement_request["as_of"] = datetime.datetime(2025, 6, 30)
    with pytest.raises(TypeError):
        engine.screen(retirement_request, as_dict=True)


def test_unsupported_request_type(engine) -> None:
    with pytest.raises(TypeError):
        engine.screen(42, as_dict=True)


def test_wrong_message_type_is_refused(engine) -> None:
    pytest.importorskip("google.protobuf")
    with pytest.raises(TypeError):
        engine.screen(cadre.message_class("cadre.v1.Cadre")(), as_dict=True)


def test_screen_raw_json_and_binary(engine, retirement_request) -> None:
    raw = engine.screen_raw(json.dumps(retirement_request), cadre.Format.JSON)
    assert isinstance(raw, bytes)
    assert json.loads(raw) == engine.screen(retirement_request, as_dict=True)
    pytest.importorskip("google.protobuf")
    from google.protobuf import json_format
    request = json_format.ParseDict(retirement_request, cadre.message_class("ScreenRequest")())
    raw_binary = engine.screen_raw(request.SerializeToString())
    response = cadre.message_class("ScreenResponse").FromString(raw_binary)
    assert response.findings[0].effective_date == "2025-04-02"


def test_empty_response_is_a_dict(engine) -> None:
    response = engine.screen({"as_of": "2025-06-30"}, as_dict=True)
    assert response.get("findings", []) == []
    assert response.get("errors", []) == []


# ---------------------------------------------------------------- engines


def test_engine_options(retirement_request) -> None:
    with cadre.Engine({"language": "en"}) as engine:
        assert findings_for(engine.screen(retirement_request, as_dict=True), "c1")
    with cadre.Engine('{"language": "zh-CN"}') as engine:
        assert findings_for(engine.screen(retirement_request, as_dict=True), "c1")
    with pytest.raises(cadre.InvalidArgumentError):
        cadre.Engine({"no_such_option": True})
    with pytest.raises(TypeError):
        cadre.Engine(3.5)


def test_close_is_idempotent_and_final(retirement_request) -> None:
    engine = cadre.Engine()
    assert not engine.closed
    engine.close()
    engine.close()
    assert engine.closed
    with pytest.raises(ValueError):
        engine.screen(retirement_request, as_dict=True)


def test_context_manager_closes() -> None:
    with cadre.Engine() as engine:
        pass
    assert engine.closed


def test_garbage_collection_frees_the_engine() -> None:
    engine = cadre.Engine()
    finalizer = engine._finalizer
    assert finalizer.alive
    del engine
    gc.collect()
    assert not finalizer.alive


def test_engine_keeps_the_library() -> None:
    with cadre.Engine() as engine:
        assert engine._lib is cadre._LIB


def test_one_engine_shared_by_threads(retirement_request) -> None:
    engine = cadre.Engine()
    expected = engine.screen(retirement_request, as_dict=True)
    barrier = threading.Barrier(4, timeout=60)

    def work(i: int) -> bool:
        if i < 4:
            barrier.wait()  # the first four calls start together
        request = dict(retirement_request)
        text = json.dumps(request)
        return (engine.screen(request, as_dict=True) == expected and
                json.loads(engine.screen_raw(text, cadre.Format.JSON)) == expected)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(64)))
    assert all(results)
    engine.close()


def test_close_waits_for_calls_in_flight(retirement_request) -> None:
    engine = cadre.Engine()
    entered, release = threading.Event(), threading.Event()

    class SlowLibrary:
        """The real library, with calls held until the test releases them."""

        def __init__(self, lib: Any) -> None:
            self._lib = lib

        def __getattr__(self, name: str) -> Any:
            return getattr(self._lib, name)

        def call_buffer(self, *args: Any) -> bytes:
            entered.set()
            assert release.wait(60)
            return self._lib.call_buffer(*args)

    engine._lib = SlowLibrary(cadre._LIB)
    out: dict[str, Any] = {}
    screener = threading.Thread(target=lambda: out.update(r=engine.screen(retirement_request, as_dict=True)))
    closer = threading.Thread(target=engine.close)
    screener.start()
    assert entered.wait(60)
    closer.start()
    closer.join(0.3)
    assert closer.is_alive(), "close() returned while a call was in flight"
    assert engine._finalizer.alive
    release.set()
    screener.join(60)
    closer.join(60)
    assert not engine._finalizer.alive
    assert findings_for(out["r"], "c1")[0]["effective_date"] == "2025-04-02"
