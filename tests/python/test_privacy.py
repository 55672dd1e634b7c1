"""No personal data leaves in an error (issue 14 §3).

Values that look like a name, an identity-card number (身份证号), a birth date
and a telephone number are put into every field of a cadre, one field at a
time, in every way the field can be wrong (wrong type, unknown enum name,
not a date, too long, invalid UTF-8, a control character in an id), and sent
through every C ABI operation that takes a request or a roster, in both
formats, and through the stream API. Not one of those values may come back in
a failure message, a field path, or an error entry of a response.

The C functions are called directly with ctypes (not through the binding's
API), and the schema comes from cadre_descriptor_set(), so the test follows
the library, whatever the binding looks like.
"""

from __future__ import annotations

import copy
import ctypes
import json
import os
from typing import Any, Iterator

import pytest

pb = pytest.importorskip("google.protobuf")
from google.protobuf import descriptor_pb2, descriptor_pool, json_format  # noqa: E402
from google.protobuf import message_factory  # noqa: E402

from conftest import make_cadre  # noqa: E402

#: Things that must never come back. Each carries the word "field", which the
#: old clean-up of protobuf's JSON errors kept the text after.
NAME = "张三丰"
ID_NUMBER = "11010119900307123X"
BIRTH = "1990-03-07"
PHONE = "13800138000"
MARKERS = (NAME, ID_NUMBER, "110101199003071", BIRTH, PHONE, "Zhang Sanfeng")
VALUES = (
    f"field {NAME} {ID_NUMBER}",
    f"{NAME}:{BIRTH} field",
    f'field: "{ID_NUMBER}" {PHONE}',
    f"Zhang Sanfeng field {BIRTH}",
)

BINARY, JSON = 0, 1


class _Buffer(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("size", ctypes.c_size_t)]


@pytest.fixture(scope="module")
def lib() -> ctypes.CDLL:
    path = os.environ.get("CADRE_LIBRARY")
    if not path:
        pytest.skip("CADRE_LIBRARY is not set (ctest sets it)")
    cdll = ctypes.CDLL(path)
    cdll.cadre_error_message.restype = ctypes.c_char_p
    cdll.cadre_error_field.restype = ctypes.c_char_p
    return cdll


def _call(lib: ctypes.CDLL, fn: str, *args: Any) -> tuple[int, bytes, str]:
    """(status, response bytes, "field: message" of a failure)."""
    buf = _Buffer()
    err = ctypes.c_void_p()
    status = getattr(lib, fn)(ctypes.byref(buf), *args, ctypes.byref(err))
    text = ""
    if err:
        text = ((lib.cadre_error_field(err) or b"") + b": " +
                (lib.cadre_error_message(err) or b"")).decode("utf-8", "replace")
        lib.cadre_error_free(err)
    data = ctypes.string_at(buf.data, buf.size) if buf.data else b""
    lib.cadre_buffer_dispose(ctypes.byref(buf))
    return status, data, text


@pytest.fixture(scope="module")
def schema(lib: ctypes.CDLL) -> dict[str, Any]:
    status, data, text = _call(lib, "cadre_descriptor_set")
    assert status == 0, text
    files = descriptor_pb2.FileDescriptorSet.FromString(data)
    pool = descriptor_pool.DescriptorPool()
    for f in files.file:
        pool.Add(f)
    factory = message_factory.MessageFactory(pool)
    return {name: factory.GetPrototype(pool.FindMessageTypeByName("cadre.v1." + name))
            for name in ("Cadre", "ScreenRequest", "ScreenResponse", "EligibilityRequest",
                         "EligibilityResponse", "GradeCapRequest", "GradeCapResponse",
                         "WarningsRequest", "WarningsResponse", "ConsistencyRequest",
                         "ConsistencyResponse", "Roster", "ValidateResponse", "RosterRecord")}


@pytest.fixture(scope="module")
def engine(lib: ctypes.CDLL) -> Iterator[ctypes.c_void_p]:
    handle = ctypes.c_void_p()
    err = ctypes.c_void_p()
    assert lib.cadre_engine_new(ctypes.byref(handle), None, ctypes.c_size_t(0), JSON,
                                ctypes.byref(err)) == 0
    yield handle
    lib.cadre_engine_free(handle)


# --------------------------------------------------------------------------
# Mutations of one cadre


def _base_cadre() -> dict[str, Any]:
    return make_cadre("c1")


def _mutations(cadre_type: Any) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(what, cadre as a JSON dict, also expressible in binary)."""
    from google.protobuf.descriptor import FieldDescriptor as F

    def leaves(desc: Any, depth: int) -> Iterator[tuple[list[str], Any]]:
        for field in desc.fields:
            yield [field.name], field
            if field.type == F.TYPE_MESSAGE and depth < 2:
                for sub, leaf in leaves(field.message_type, depth + 1):
                    yield [field.name] + sub, leaf

    def put(cadre: dict[str, Any], path: list[str], value: Any, desc: Any) -> None:
        node: Any = cadre
        for i, name in enumerate(path):
            field = desc.fields_by_name[name]
            last = i == len(path) - 1
            repeated = field.label == F.LABEL_REPEATED
            if last:
                node[name] = [value] if repeated else value
                return
            if repeated:
                items = node.setdefault(name, [])
                if not items:
                    items.append({})
                node = items[0]
            else:
                node = node.setdefault(name, {})
            desc = field.message_type

    for i, (path, field) in enumerate(leaves(cadre_type.DESCRIPTOR, 0)):
        value = VALUES[i % len(VALUES)]
        where = ".".join(path)
        if field.type == F.TYPE_STRING:
            c = _base_cadre()
            put(c, path, value, cadre_type.DESCRIPTOR)
            yield f"{where} = text", c, True
            c = _base_cadre()
            put(c, path, value * 40, cadre_type.DESCRIPTOR)  # over every length limit
            yield f"{where} = long text", c, True
            c = _base_cadre()
            put(c, path, value + "\x00" + value, cadre_type.DESCRIPTOR)
            yield f"{where} = text with NUL", c, True
        else:
            c = _base_cadre()
            put(c, path, value, cadre_type.DESCRIPTOR)  # wrong type or unknown enum name
            yield f"{where} = text instead of {field.type}", c, False
    # A key that is no field, and an id with a control character.
    c = _base_cadre()
    c[f"field{NAME}{ID_NUMBER}"] = BIRTH
    yield "unknown key", c, False
    c = _base_cadre()
    c["posts"][0][f"field {ID_NUMBER}"] = {"x": NAME}
    yield "unknown nested key", c, False


OPERATIONS = {
    # name: (function, request type, response type, request around the cadres)
    "screen": ("cadre_screen", "ScreenRequest", "ScreenResponse",
               lambda cs: {"as_of": "2025-06-30", "cadres": cs}),
    "eligibility": ("cadre_eligibility", "EligibilityRequest", "EligibilityResponse",
                    lambda cs: {"as_of": "2025-06-30", "cadres": cs,
                                "target": "ELIGIBILITY_TARGET_HIGHER_LEVEL"}),
    "grade_cap": ("cadre_grade_cap", "GradeCapRequest", "GradeCapResponse",
                  lambda cs: {"year": 2024, "cadres": cs}),
    "warnings": ("cadre_warnings", "WarningsRequest", "WarningsResponse",
                 lambda cs: {"as_of": "2025-06-30", "horizon_months": 12, "cadres": cs}),
    "consistency": ("cadre_consistency", "ConsistencyRequest", "ConsistencyResponse",
                    lambda cs: {"as_of": "2025-06-30", "cadres": cs}),
}


def _leaks(text: str) -> list[str]:
    return [m for m in MARKERS if m in text]


def _error_text(response: Any) -> str:
    """Everything of a response's error entries that a host would log."""
    return "\n".join(f"{e.cadre_id}|{e.field_path}|{e.message}" for e in response.errors)


def _encode(request: dict[str, Any], message_type: Any, invalid_utf8: bool) -> bytes:
    msg = json_format.ParseDict(request, message_type())
    data = msg.SerializeToString()
    if invalid_utf8:
        # Same length, so the framing stays valid: the string is no UTF-8.
        assert NAME.encode() in data
        data = data.replace(NAME.encode(), b"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7")
    return data


def _check(what: str, status: int, data: bytes, failure: str, response_type: Any,
           fmt: int) -> list[str]:
    leaks = [f"{what}: failure message: {m}" for m in _leaks(failure)]
    if status == 0:
        if fmt == JSON:
            response = json_format.Parse(data.decode("utf-8"), response_type())
        else:
            response = response_type.FromString(data)
        leaks += [f"{what}: error entry: {m}" for m in _leaks(_error_text(response))]
    return leaks


def _requests(schema: dict[str, Any], wrap: Any, request_type: Any
              ) -> Iterator[tuple[str, int, bytes]]:
    for what, cadre, binary_ok in _mutations(schema["Cadre"]):
        request = wrap([_base_cadre(), cadre])
        yield what + " (JSON)", JSON, json.dumps(request, ensure_ascii=False).encode("utf-8")
        if binary_ok:
            yield what + " (binary)", BINARY, _encode(request, request_type, False)
            if any(NAME in v for v in VALUES) and NAME in json.dumps(cadre, ensure_ascii=False):
                yield what + " (binary, invalid UTF-8)", BINARY, _encode(request, request_type,
                                                                         True)


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_no_value_comes_back_from_requests(lib, schema, engine, operation: str) -> None:
    fn, request_name, response_name, wrap = OPERATIONS[operation]
    leaks: list[str] = []
    checked = errors = 0
    for what, fmt, data in _requests(schema, wrap, schema[request_name]):
        status, out, failure = _call(lib, fn, engine, data, ctypes.c_size_t(len(data)), fmt)
        checked += 1
        errors += status != 0 or b"errors" in out or bool(out and fmt == BINARY)
        leaks += _check(what, status, out, failure, schema[response_name], fmt)
    assert checked > 300
    assert not leaks, "\n".join(leaks[:20])


@pytest.mark.parametrize("operation", ["validate", "convert"])
def test_no_value_comes_back_from_rosters(lib, schema, operation: str) -> None:
    leaks: list[str] = []
    checked = 0
    for what, fmt, data in _requests(schema, lambda cs: {"cadres": cs}, schema["Roster"]):
        if operation == "validate":
            status, out, failure = _call(lib, "cadre_roster_validate", data,
                                         ctypes.c_size_t(len(data)), fmt, fmt, b"2025-06-30")
            leaks += _check(what, status, out, failure, schema["ValidateResponse"], fmt)
        else:
            status, out, failure = _call(lib, "cadre_roster_convert", data,
                                         ctypes.c_size_t(len(data)), fmt, 2)
            leaks += [f"{what}: failure message: {m}" for m in _leaks(failure)]
        checked += 1
    assert checked > 300
    assert not leaks, "\n".join(leaks[:20])


def test_no_value_comes_back_from_streams(lib, schema, engine) -> None:
    record_type = schema["RosterRecord"]

    def frame(msg: Any) -> bytes:
        body = msg.SerializeToString()
        n, head = len(body), b""
        while True:
            byte = n & 0x7F
            n >>= 7
            head += bytes([byte | (0x80 if n else 0)])
            if not n:
                return head + body

    leaks: list[str] = []
    checked = 0
    header = record_type()
    header.header.SetInParent()
    for what, cadre, binary_ok in _mutations(schema["Cadre"]):
        if not binary_ok:
            continue
        record = record_type()
        json_format.ParseDict({"cadre": cadre}, record)
        for invalid_utf8 in (False, True):
            data = b"CADRES1\n" + frame(header) + frame(record)
            if invalid_utf8:
                if NAME.encode() not in data:
                    continue
                data = data.replace(NAME.encode(), b"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7")
            stream = ctypes.c_void_p()
            err = ctypes.c_void_p()
            assert lib.cadre_stream_new(ctypes.byref(stream), engine, b"2025-06-30", BINARY,
                                        ctypes.byref(err)) == 0
            try:
                status, out, failure = _call(lib, "cadre_stream_push", stream, data,
                                             ctypes.c_size_t(len(data)))
                leaks += _check(what + " (push)", status, out, failure, schema["ScreenResponse"],
                                BINARY)
                status, out, failure = _call(lib, "cadre_stream_finish", stream)
                leaks += _check(what + " (finish)", status, out, failure,
                                schema["ScreenResponse"], BINARY)
            finally:
                lib.cadre_stream_free(stream)
            checked += 1
    assert checked > 100
    assert not leaks, "\n".join(leaks[:20])


def test_the_markers_would_be_seen(lib, schema, engine) -> None:
    """The check can fail: a valid record's own id does come back in a finding."""
    cadre = copy.deepcopy(_base_cadre())
    cadre["id"] = ID_NUMBER
    cadre["birth_date"] = "1950-01-01"
    data = json.dumps({"as_of": "2025-06-30", "cadres": [cadre]}).encode()
    status, out, _ = _call(lib, "cadre_screen", engine, data, ctypes.c_size_t(len(data)), JSON)
    assert status == 0
    assert _leaks(out.decode("utf-8")) == [ID_NUMBER, "110101199003071"]
