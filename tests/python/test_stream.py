"""Streamed screening through cadre_stream_* (Engine.screen_stream)."""

from __future__ import annotations

import json

import pytest

import cadre
from conftest import make_cadre


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _record(message) -> bytes:
    body = message.SerializeToString()
    return _varint(len(body)) + body


def _stream(cadres: list[dict]) -> bytes:
    from google.protobuf import json_format
    record = cadre.message_class("cadre.v1.RosterRecord")
    header = record()
    header.header.schema = "cadre.v1"
    out = b"CADRES1\n" + _record(header)
    for c in cadres:
        r = record()
        json_format.ParseDict({"cadre": c}, r)
        out += _record(r)
    return out


@pytest.fixture()
def stream_bytes() -> bytes:
    pytest.importorskip("google.protobuf")
    cadres = [make_cadre(f"c{i}", birth_date="1960-01-01" if i % 2 else "1985-01-01")
              for i in range(10)]
    cadres[3]["birth_date"] = "1970-02-30"
    return _stream(cadres)


@pytest.mark.parametrize("chunk", [1, 5, 64, 1 << 20])
def test_same_answer_whatever_the_chunk(engine, stream_bytes: bytes, chunk: int) -> None:
    pieces = [stream_bytes[i:i + chunk] for i in range(0, len(stream_bytes), chunk)]
    stream = engine.screen_stream(pieces, "2025-06-30")
    findings = list(stream)
    assert all(isinstance(f, cadre.types.Finding) for f in findings)
    assert stream.closed
    assert [e.index for e in stream.errors] == [3]
    assert stream.errors[0].field_path == "cadres[3].birth_date"
    assert sorted(f.cadre_id for f in findings) == ["c1", "c5", "c7", "c9"]
    assert {f.channel for f in findings} == {cadre.types.Channel.AGE_LIMIT}
    assert stream.summary.cadres_down == 4
    assert stream.summary.records_rejected == 1


def test_a_stream_yields_findings_from_a_file_bytes_or_chunks(engine, stream_bytes: bytes,
                                                               tmp_path) -> None:
    path = tmp_path / "roster.cadres"
    path.write_bytes(stream_bytes)
    with open(path, "rb") as f, engine.screen_stream(f, "2025-06-30") as from_file:
        by_file = list(from_file)
    by_bytes = list(engine.screen_stream(stream_bytes, "2025-06-30"))
    as_dicts = engine.screen_stream(iter([stream_bytes]), "2025-06-30", as_dict=True)
    dicts = list(as_dicts)
    assert by_file == by_bytes
    assert dicts == [f.to_dict() for f in by_bytes]
    assert as_dicts.summary["cadres_down"] == 4


def test_a_stream_closed_early_frees_its_engine(stream_bytes: bytes) -> None:
    engine = cadre.Engine()
    stream = engine.screen_stream([stream_bytes[:40], stream_bytes[40:]], "2025-06-30")
    assert next(stream) is not None or True
    other = engine.screen_stream(stream_bytes, "2025-06-30")
    engine.close()  # closes the open streams: it does not wait for them
    assert stream.closed and other.closed
    with pytest.raises(ValueError):
        next(other)


def test_truncated_stream_names_the_record(engine, stream_bytes: bytes) -> None:
    with pytest.raises(cadre.InvalidArgumentError) as info:
        list(engine.screen_stream([stream_bytes[:-1]], "2025-06-30"))
    assert info.value.field == "records[10]"


def test_bad_magic_and_bad_date(engine) -> None:
    with pytest.raises(cadre.InvalidArgumentError) as info:
        list(engine.screen_stream([b"NOTCADRE"], "2025-06-30"))
    assert info.value.field == "magic"
    with pytest.raises(cadre.InvalidArgumentError) as info:
        list(engine.screen_stream([b""], "2025-02-30"))
    assert info.value.field == "as_of"


def _province_stream(n: int) -> bytes:
    cadres = [make_cadre(f"p{i}", birth_date="1960-01-01" if i % 3 else "1985-01-01")
              for i in range(n)]
    cadres[77]["birth_date"] = "1970-02-30"
    return _stream(cadres)


@pytest.mark.parametrize("threads", [2, 4])
def test_threads_give_the_same_findings_in_the_same_order(engine, threads: int) -> None:
    pytest.importorskip("google.protobuf")
    data = _province_stream(400)
    one = engine.screen_stream(data, "2025-06-30", as_dict=True)
    expected = list(one)
    many = engine.screen_stream(data, "2025-06-30", as_dict=True, threads=threads)
    assert list(many) == expected
    assert many.errors == one.errors
    assert many.summary == one.summary
    assert len(expected) > 100


@pytest.mark.parametrize("threads", [0, 65, -1])
def test_a_thread_count_out_of_range_names_threads(engine, threads: int) -> None:
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.screen_stream(b"", "2025-06-30", threads=threads)
    assert info.value.field == "threads"


@pytest.mark.parametrize("threads", ["2", 2.0, True, None])
def test_a_thread_count_that_is_not_a_number_names_threads(engine, threads) -> None:
    with pytest.raises(cadre.InvalidArgumentError) as info:
        engine.screen_stream(b"", "2025-06-30", threads=threads)
    assert info.value.field == "threads"


def test_a_record_that_does_not_parse_is_an_error_and_the_stream_goes_on(
        engine, stream_bytes: bytes) -> None:
    # records[11]: a cadre whose id is not UTF-8; records[12]: c0 again.
    bad = b"\x3a\x04\x0a\x02\xff\xfe"
    again = _stream([make_cadre("c0")])[len(_stream([])):]
    stream = engine.screen_stream(stream_bytes + _varint(len(bad)) + bad + again, "2025-06-30")
    findings = list(stream)
    assert sorted(f.cadre_id for f in findings) == ["c1", "c5", "c7", "c9"]
    assert [(e.index, e.field_path) for e in stream.errors] == [
        (3, "cadres[3].birth_date"), (10, "records[11]"), (11, "cadres[11].id")]
    assert stream.summary.cadres_screened == 9
    assert stream.summary.records_rejected == 3


def test_broken_framing_yields_what_came_before_then_raises(engine, stream_bytes: bytes) -> None:
    stream = engine.screen_stream([stream_bytes + b"\x80" * 11], "2025-06-30")
    seen = []
    with pytest.raises(cadre.InvalidArgumentError) as info:
        for f in stream:
            seen.append(f.cadre_id)
    assert info.value.field == "records[11]"
    assert sorted(seen) == ["c1", "c5", "c7", "c9"]
    assert stream.closed
    with pytest.raises(ValueError):
        next(stream)
