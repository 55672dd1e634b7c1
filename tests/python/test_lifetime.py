"""Engine.close() and streams (issue 14 §3): nothing blocks, nothing leaks.

Each scenario runs in a thread joined with a timeout, so that a hang fails
the test instead of hanging the suite.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

import pytest

import cadre

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 30.0


def _stream_bytes() -> bytes:
    roster = (REPO / "data" / "example-roster.json").read_bytes()
    return cadre.convert_roster(roster, cadre.Format.JSON, cadre.Format.STREAM)


def _chunks(data: bytes, size: int = 512) -> list[bytes]:
    return [data[i:i + size] for i in range(0, len(data), size)]


def _within_timeout(scenario: Callable[[], Any]) -> Any:
    """Runs scenario in a thread; fails when it does not end within TIMEOUT."""
    result: dict[str, Any] = {}

    def body() -> None:
        try:
            result["value"] = scenario()
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            result["error"] = exc

    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    thread.join(TIMEOUT)
    assert not thread.is_alive(), f"blocked for more than {TIMEOUT} s"
    if "error" in result:
        raise result["error"]
    return result.get("value")


def test_close_with_a_suspended_stream_does_not_block() -> None:
    data = _stream_bytes()

    def scenario() -> str:
        e = cadre.Engine()
        it = e.screen_stream(_chunks(data), "2025-06-30")
        first = next(it)
        assert first.rule_id  # a finding
        e.close()  # the stream is suspended in this thread: must not wait for it
        assert e.closed
        assert it.closed  # closing the engine closed its stream
        for _ in range(2):  # never a silent, short answer
            with pytest.raises(ValueError, match="closed"):
                next(it)
        assert it.summary is None
        it.close()
        return "done"

    assert _within_timeout(scenario) == "done"


def test_an_exception_inside_with_while_a_stream_is_alive_propagates() -> None:
    data = _stream_bytes()

    class Boom(Exception):
        pass

    def scenario() -> str:
        with pytest.raises(Boom):
            with cadre.Engine() as e:
                it = e.screen_stream(_chunks(data), "2025-06-30")
                next(it)
                raise Boom()
        return "done"

    assert _within_timeout(scenario) == "done"


def test_a_stream_finished_after_another_thread_closed_the_engine() -> None:
    data = _stream_bytes()
    e = cadre.Engine()
    it = e.screen_stream(_chunks(data), "2025-06-30")
    next(it)
    _within_timeout(e.close)
    with pytest.raises(ValueError, match="closed"):
        list(it)


def test_close_still_waits_for_a_call_in_flight() -> None:
    """close() from another thread waits for a running C call, then frees."""
    e = cadre.Engine()
    data = _stream_bytes()
    answers: list[int] = []
    started = threading.Event()

    outcome: list[str] = []

    def screen() -> None:
        it = e.screen_stream(_chunks(data, 64), "2025-06-30")
        started.set()
        try:
            for finding in it:
                answers.append(len(finding.rule_id))
            outcome.append("finished")
        except ValueError as exc:  # close() came between two pushes
            outcome.append("closed" if "closed" in str(exc) else str(exc))

    worker = threading.Thread(target=screen)
    worker.start()
    started.wait(TIMEOUT)
    _within_timeout(e.close)
    worker.join(TIMEOUT)
    assert not worker.is_alive()
    assert e.closed
    assert outcome in (["finished"], ["closed"])


def test_a_whole_stream_still_screens() -> None:
    data = _stream_bytes()
    with cadre.Engine() as e:
        stream = e.screen_stream(_chunks(data, 100), "2025-06-30")
        findings = list(stream)
    # The example roster holds 40 cadres, one of them deliberately invalid.
    assert stream.summary.cadres_screened == 39
    assert stream.summary.records_rejected == 1
    assert len(stream.errors) == 1
    assert findings and all(f.cadre_id for f in findings)


@pytest.mark.parametrize("as_of", ["二〇二五-06-30", "2025-06-30\0xyz", None, 20250630,
                                   b"2025-06-30"])
def test_a_bad_as_of_is_an_invalid_argument_naming_as_of(as_of: Any) -> None:
    data = _stream_bytes()
    with cadre.Engine() as e:
        with pytest.raises(cadre.InvalidArgumentError) as info:
            list(e.screen_stream(_chunks(data), as_of))
        assert info.value.field == "as_of"
        assert info.value.code == 3
        # The engine is still usable, and free of the failed stream.
        stream = e.screen_stream(_chunks(data), "2025-06-30")
        assert list(stream)
        assert stream.summary.cadres_screened == 39


@pytest.mark.parametrize("as_of", ["二〇二五-06-30", "2025-06-30\0xyz", 20250630])
def test_validate_refuses_a_bad_as_of(as_of: Any) -> None:
    roster = (REPO / "data" / "example-roster.json").read_bytes()
    with pytest.raises(cadre.InvalidArgumentError) as info:
        cadre.validate_roster(roster, cadre.Format.JSON, as_of)
    assert info.value.field == "as_of"
