"""Status codes as exceptions: classes, code names, messages and field paths."""

from __future__ import annotations

import pickle

import pytest

import cadre
from cadre import errors


def test_one_class_per_code_with_the_library_s_names() -> None:
    assert sorted(errors.ERROR_CLASSES) == list(range(1, 17))
    assert len(set(errors.ERROR_CLASSES.values())) == 16
    for code, cls in errors.ERROR_CLASSES.items():
        assert issubclass(cls, cadre.CadreError)
        assert errors.CODE_NAMES[code] == cadre.status_name(code)
        # InvalidArgumentError <-> INVALID_ARGUMENT, and so on.
        camel = "".join(part.capitalize() for part in cadre.status_name(code).split("_"))
        assert cls.__name__ == camel + "Error"
        assert getattr(cadre, cls.__name__) is cls
    assert cadre.status_name(0) == errors.CODE_NAMES[0] == "OK"


def test_builtin_bases() -> None:
    assert issubclass(cadre.InvalidArgumentError, ValueError)
    assert issubclass(cadre.NotFoundError, LookupError)
    assert issubclass(cadre.ResourceExhaustedError, MemoryError)
    assert issubclass(cadre.UnimplementedError, NotImplementedError)
    assert issubclass(cadre.CadreError, Exception)
    assert not issubclass(cadre.InternalError, ValueError)


def test_error_from_status() -> None:
    err = errors.error_from_status(5, "catalogue: no rule x", "catalogue")
    assert type(err) is cadre.NotFoundError
    assert (err.code, err.code_name, err.message, err.field) == (
        5, "NOT_FOUND", "catalogue: no rule x", "catalogue")
    assert str(err) == "NOT_FOUND: catalogue: no rule x"
    unknown = errors.error_from_status(99, "later")
    assert type(unknown) is cadre.CadreError
    assert unknown.code == 99 and unknown.code_name == "UNRECOGNIZED"


def test_errors_pickle() -> None:
    err = cadre.InvalidArgumentError(3, "as_of: bad", "as_of")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cadre.InvalidArgumentError
    assert (back.code, back.message, back.field, back.code_name) == (
        3, "as_of: bad", "as_of", "INVALID_ARGUMENT")


def test_impossible_as_of_date_names_the_field(engine) -> None:
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.screen({"as_of": "2017-02-30", "cadres": []}, as_dict=True)
    err = info.value
    assert err.code == 3
    assert err.code_name == "INVALID_ARGUMENT"
    assert err.field == "as_of"
    assert err.message.startswith("as_of")
    assert isinstance(err, ValueError)


def test_impossible_as_of_date_in_binary(engine) -> None:
    pytest.importorskip("google.protobuf")
    request = cadre.message_class("cadre.v1.ScreenRequest")(as_of="2017-02-30")
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.screen(request.SerializeToString(), as_dict=True)
    assert info.value.field == "as_of"


def test_malformed_json_is_invalid_argument(engine) -> None:
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.screen('{"as_of": "2025-06-30", "cadres": [', as_dict=True)
    assert info.value.code == 3
    assert info.value.message


def test_unknown_json_field_is_invalid_argument(engine) -> None:
    with pytest.raises(cadre.InvalidArgumentError):
        engine.screen({"as_of": "2025-06-30", "no_such_field": 1}, as_dict=True)


def test_malformed_binary_is_invalid_argument(engine) -> None:
    pytest.importorskip("google.protobuf")
    with pytest.raises(cadre.InvalidArgumentError):
        engine.screen(b"\xff\xff\xff\xff\xff", as_dict=True)


def test_bad_engine_options_raise(engine) -> None:
    with pytest.raises(cadre.InvalidArgumentError):
        cadre.Engine("{not json")


def test_error_messages_carry_no_personal_data(engine) -> None:
    # A record whose birth date is impossible: the error names the record and
    # the field, but does not repeat the date.
    from conftest import make_cadre
    bad = make_cadre("r-17", birth_date="1961-02-29")
    response = engine.screen({"as_of": "2025-06-30", "cadres": [bad]}, as_dict=True)
    (entry,) = response["errors"]
    assert entry["cadre_id"] == "r-17"
    assert entry["field_path"] == "cadres[0].birth_date"
    assert "1961" not in entry["message"]
