"""Every operation of the library's table is reachable from C, Python and the
CLI, gives the same answer through each, and is documented.

The table is the library's (``cadre_operations()``); nothing here lists the
operations by hand, so a row added to src/service/operations.cc is checked
here without a change to this file.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

import cadre
from cadre import _ffi, _operations


def _library_operations() -> list[dict]:
    ops = cadre.operations()
    assert ops, "cadre_operations() lists no operation"
    return ops


OPERATIONS = _library_operations()
IDS = [op["name"] for op in OPERATIONS]


def _c_call(symbol: str, engine: cadre.Engine, request: bytes) -> bytes:
    """Calls an operation's own C function (JSON in, JSON out)."""
    lib = cadre._LIB
    with engine._use() as handle:
        return lib.call_buffer(symbol, handle, request, len(request), int(cadre.Format.JSON))


def _c_call_by_name(name: str, engine: cadre.Engine, request: bytes) -> bytes:
    lib = cadre._LIB
    with engine._use() as handle:
        return lib.call_buffer("cadre_call", handle, name.encode(), request, len(request),
                               int(cadre.Format.JSON))


def test_the_binding_table_is_the_library_table():
    ours = [(op.name, op.symbol, op.cli_command, op.request_type, op.response_type)
            for op in _operations.OPERATIONS]
    theirs = [(op["name"], op["c_symbol"], op["cli_command"], op["request_type"],
               op["response_type"]) for op in OPERATIONS]
    assert ours == theirs


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_reachable_from_c(op, engine):
    # The symbol is bound with the operations' shape, and exported.
    fn = getattr(cadre._LIB, op["c_symbol"])
    assert fn.argtypes == _ffi.OPERATION_ARGTYPES
    cdll = ctypes.CDLL(cadre.library_path(), mode=ctypes.RTLD_LOCAL)
    assert hasattr(cdll, op["c_symbol"])
    request = op["example_request"].encode("utf-8")
    named = _c_call(op["c_symbol"], engine, request)
    by_name = _c_call_by_name(op["name"], engine, request)
    assert named == by_name
    assert json.loads(named)  # a response, not empty


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_reachable_from_python(op, engine):
    method = getattr(engine, op["name"])
    assert callable(method)
    assert " ".join(op["brief"].split()) in " ".join((method.__doc__ or "").split())
    request = json.loads(op["example_request"])
    expected = json.loads(_c_call(op["c_symbol"], engine, op["example_request"].encode()))
    assert method(request, as_dict=True) == expected
    assert engine.call(op["name"], request, as_dict=True) == expected
    # The typed response: the dataclass of the response message, the same content.
    typed = method(request)
    assert type(typed).__name__ == op["response_type"].rsplit(".", 1)[-1]
    assert typed.to_dict() == expected
    assert engine.call(op["name"], request) == typed
    # A typed request gives the same.
    request_class = getattr(cadre.types, op["request_type"].rsplit(".", 1)[-1])
    assert method(request_class.from_dict(request)) == typed


@pytest.mark.skipif(not os.environ.get("CADRE_CLI"), reason="CADRE_CLI not set")
@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_reachable_from_the_cli(op, engine, tmp_path):
    path = tmp_path / "request.json"
    path.write_text(op["example_request"], encoding="utf-8")
    # The CLI carries its own sanitizer runtime in sanitizer builds: it must
    # not inherit the one preloaded into this interpreter.
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    run = subprocess.run(
        [os.environ["CADRE_CLI"], op["cli_command"], "--request", str(path), "--format", "json"],
        capture_output=True, timeout=120, check=False, env=env)
    assert run.returncode == 0, run.stderr.decode()
    expected = json.loads(_c_call(op["c_symbol"], engine, op["example_request"].encode()))
    assert json.loads(run.stdout) == expected
    # The CLI's usage lists the command.
    usage = subprocess.run([os.environ["CADRE_CLI"], "help"], capture_output=True, timeout=60,
                           check=True, env=env)
    assert re.search(rf"^  {re.escape(op['cli_command'])} ", usage.stdout.decode(), re.M)


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_documented(op):
    assert op["brief"]
    codes = [s["name"] for s in op["statuses"]]
    assert codes[0] == "OK" and "INVALID_ARGUMENT" in codes and "INTERNAL" in codes
    header = os.environ.get("CADRE_OPERATIONS_HEADER")
    page = os.environ.get("CADRE_OPERATIONS_PAGE")
    if not header or not page:
        pytest.skip("CADRE_OPERATIONS_HEADER / CADRE_OPERATIONS_PAGE not set")
    text = Path(header).read_text(encoding="utf-8")
    decl = re.search(r"/\*\*((?:(?!\*/).)*)\*/\s*CADRE_API int " + op["c_symbol"] + r"\(",
                     text, re.S)
    assert decl, f"{op['c_symbol']} is not declared with its documentation"
    for status in op["statuses"]:
        assert f"@retval CADRE_{status['name']} " in decl.group(1)
    md = Path(page).read_text(encoding="utf-8")
    section = md.split(f"## {op['name']} ", 1)
    assert len(section) == 2, f"the docs page has no section for {op['name']}"
    body = section[1].split("\n## ", 1)[0]
    for status in op["statuses"]:
        assert f"`CADRE_{status['name']}`" in body
    assert op["example_request"] in body


def test_an_unknown_operation_is_not_found(engine):
    with pytest.raises(cadre.NotFoundError) as info:
        engine.call("frobnicate", {})
    assert info.value.field == "operation"
