"""Every operation of the library's table is reachable from C, Python and the
CLI, gives the same answer through each, and is documented.

The table is the library's (``cadre_operations()``); nothing here lists the
operations by hand, so a row added to src/service/operations.cc is checked
here without a change to this file.

The operations on a case store (``needs_store``) run their examples in the
table's order on one new store, and case_import's on a second new store, in a
temporary folder as the working directory (the examples name the relative
file "cadre-cases.export"): once per interface, each on its own stores.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

import cadre
from cadre import _ffi, _operations


def _library_operations() -> list[dict]:
    ops = cadre.operations()
    assert ops, "cadre_operations() lists no operation"
    return ops


OPERATIONS = _library_operations()
IDS = [op["name"] for op in OPERATIONS]
STORE_OPERATIONS = [op for op in OPERATIONS if op.get("needs_store")]


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


def _c_store_call(symbol: str, store: cadre.Store, request: bytes) -> bytes:
    """Calls the C function of an operation on a case store (JSON in, JSON out)."""
    with store._use() as (engine_handle, store_handle):
        return cadre._LIB.call_buffer(symbol, engine_handle, store_handle, request, len(request),
                                      int(cadre.Format.JSON))


def _c_store_call_by_name(name: str, store: cadre.Store, request: bytes) -> bytes:
    with store._use() as (engine_handle, store_handle):
        return cadre._LIB.call_buffer("cadre_store_call", engine_handle, store_handle,
                                      name.encode(), request, len(request),
                                      int(cadre.Format.JSON))


@contextlib.contextmanager
def _working_directory(path: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def _cli_env() -> dict[str, str]:
    # The CLI carries its own sanitizer runtime in sanitizer builds: it must
    # not inherit the one preloaded into this interpreter.
    return {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}


def _cli_store_call(op: dict, store_path: Path, workdir: Path) -> dict:
    request = workdir / f"{op['name']}.request.json"
    request.write_text(op["example_request"], encoding="utf-8")
    run = subprocess.run(
        [os.environ["CADRE_CLI"], op["cli_command"], "--request", str(request), "--store",
         str(store_path), "--format", "json"],
        capture_output=True, timeout=120, check=False, env=_cli_env(), cwd=workdir)
    assert run.returncode == 0, run.stderr.decode()
    return json.loads(run.stdout)


def _typed_request(op: dict) -> Any:
    request_class = getattr(cadre.types, op["request_type"].rsplit(".", 1)[-1])
    return request_class.from_dict(json.loads(op["example_request"]))


#: How each interface runs one operation on a case store: (op, store, store
#: path, working directory) -> the response as a dict (as a typed message for
#: the typed interfaces: its to_dict() leaves out an empty nested message the
#: library's JSON shows, e.g. the opening event's actor).
STORE_CALLS: dict[str, Callable[[dict, cadre.Store, Path, Path], Any]] = {
    "c": lambda op, store, path, workdir: json.loads(
        _c_store_call(op["c_symbol"], store, op["example_request"].encode())),
    "c_by_name": lambda op, store, path, workdir: json.loads(
        _c_store_call_by_name(op["name"], store, op["example_request"].encode())),
    "python": lambda op, store, path, workdir: getattr(store, op["name"])(
        json.loads(op["example_request"]), as_dict=True),
    "python_typed": lambda op, store, path, workdir: getattr(store, op["name"])(
        _typed_request(op)),
    "python_call": lambda op, store, path, workdir: store.call(
        op["name"], op["example_request"]),
    "cli": lambda op, store, path, workdir: _cli_store_call(op, path, workdir),
}


@pytest.fixture(scope="module")
def store_answers() -> Iterator[Callable[[str], dict[str, Any]]]:
    """The responses to the examples of the operations on a case store, by
    operation name, through one interface (a key of STORE_CALLS); each
    interface runs them once, on its own new stores."""
    answers: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="cadre-ops-") as tmp, cadre.Engine() as engine:
        def run(interface: str) -> dict[str, Any]:
            if interface not in answers:
                workdir = Path(tmp) / interface
                shutil.rmtree(workdir, ignore_errors=True)  # a run that failed before
                workdir.mkdir()
                call = STORE_CALLS[interface]
                got: dict[str, Any] = {}
                with _working_directory(workdir):
                    for name, ops in (("first.db", [o for o in STORE_OPERATIONS
                                                    if o["name"] != "case_import"]),
                                      ("second.db", [o for o in STORE_OPERATIONS
                                                     if o["name"] == "case_import"])):
                        with cadre.Store(workdir / name, engine) as store:
                            for op in ops:
                                got[op["name"]] = call(op, store, workdir / name, workdir)
                answers[interface] = got
            return answers[interface]
        yield run


def test_the_binding_table_is_the_library_table():
    ours = [(op.name, op.symbol, op.cli_command, op.request_type, op.response_type,
             op.needs_store) for op in _operations.OPERATIONS]
    theirs = [(op["name"], op["c_symbol"], op["cli_command"], op["request_type"],
               op["response_type"], op.get("needs_store", False)) for op in OPERATIONS]
    assert ours == theirs


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_reachable_from_c(op, engine, store_answers):
    # The symbol is bound with the operations' shape, and exported.
    fn = getattr(cadre._LIB, op["c_symbol"])
    cdll = ctypes.CDLL(cadre.library_path(), mode=ctypes.RTLD_LOCAL)
    assert hasattr(cdll, op["c_symbol"])
    request = op["example_request"].encode("utf-8")
    if op.get("needs_store"):
        assert fn.argtypes == _ffi.STORE_OPERATION_ARGTYPES
        # Its own function and cadre_store_call by name give the same answers.
        answer = store_answers("c")[op["name"]]
        assert answer  # a response, not empty
        assert store_answers("c_by_name")[op["name"]] == answer
        # cadre_call has no store to give it.
        with pytest.raises(cadre.FailedPreconditionError) as info:
            _c_call_by_name(op["name"], engine, request)
        assert info.value.field == "store"
        return
    assert fn.argtypes == _ffi.OPERATION_ARGTYPES
    named = _c_call(op["c_symbol"], engine, request)
    by_name = _c_call_by_name(op["name"], engine, request)
    assert named == by_name
    assert json.loads(named)  # a response, not empty


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_reachable_from_python(op, engine, store_answers):
    if op.get("needs_store"):
        method = getattr(cadre.Store, op["name"])
        assert not hasattr(engine, op["name"])
        assert " ".join(op["brief"].split()) in " ".join((method.__doc__ or "").split())
        expected = store_answers("c")[op["name"]]
        assert store_answers("python")[op["name"]] == expected
        # The typed response: the dataclass of the response message, the same content.
        response_class = getattr(cadre.types, op["response_type"].rsplit(".", 1)[-1])
        typed = store_answers("python_typed")[op["name"]]
        assert type(typed) is response_class
        assert typed == response_class.from_dict(expected)
        assert store_answers("python_call")[op["name"]] == typed
        return
    method = getattr(engine, op["name"])
    assert callable(method)
    assert not hasattr(cadre.Store, op["name"])
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
def test_reachable_from_the_cli(op, engine, tmp_path, store_answers):
    env = _cli_env()
    if op.get("needs_store"):
        # cadre case-open --request FILE --store DB ...
        assert store_answers("cli")[op["name"]] == store_answers("c")[op["name"]]
    else:
        path = tmp_path / "request.json"
        path.write_text(op["example_request"], encoding="utf-8")
        run = subprocess.run(
            [os.environ["CADRE_CLI"], op["cli_command"], "--request", str(path), "--format",
             "json"],
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


@pytest.mark.skipif(not cadre.protobuf_available(), reason="needs google.protobuf")
@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_messages_are_in_the_library_schema(op):
    # cadre_descriptor_set() holds every request and response: as_message works.
    for name in (op["request_type"], op["response_type"]):
        assert name in cadre.messages(), name
