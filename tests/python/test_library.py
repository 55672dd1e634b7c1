"""Loading libcadre: lookup order, ABI check, the symbol table, versions."""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

import pytest

import cadre
from cadre import _ffi


def test_version_matches_project_version(expected_version: str) -> None:
    assert cadre.version() == expected_version
    major, minor, patch = (int(x) for x in expected_version.split("."))
    assert cadre.version_number() == major * 10000 + minor * 100 + patch


def test_binding_version_matches_library(expected_version: str) -> None:
    assert cadre.__version__ == expected_version


def test_abi_version(expected_abi: int) -> None:
    assert cadre.abi_version() == expected_abi
    assert cadre.ABI_VERSION == expected_abi
    assert _ffi.EXPECTED_ABI_VERSION == expected_abi


def test_status_names() -> None:
    assert cadre.status_name(0) == "OK"
    assert cadre.status_name(3) == "INVALID_ARGUMENT"
    assert cadre.status_name(13) == "INTERNAL"
    assert cadre.status_name(-1) == "UNRECOGNIZED"
    assert cadre.status_name(17) == "UNRECOGNIZED"
    assert cadre.status_name(2**40) == "UNRECOGNIZED"


def test_every_table_symbol_is_bound() -> None:
    lib = cadre._LIB
    names = [f.name for f in _ffi.FUNCTIONS]
    assert len(names) == len(set(names)), "duplicate rows in the ABI table"
    for function in _ffi.FUNCTIONS:
        fn = getattr(lib, function.name)
        assert fn.restype is function.restype
        assert tuple(fn.argtypes) == tuple(function.argtypes)


def test_every_header_function_is_in_the_table() -> None:
    header = Path(__file__).resolve().parents[2] / "include" / "cadre" / "cadre.h"
    import re
    declared = set(re.findall(r"CADRE_API\s+[^;(]*?\b(cadre_\w+)\s*\(", header.read_text()))
    assert declared, "no CADRE_API functions found in cadre.h"
    assert declared <= {f.name for f in _ffi.FUNCTIONS}


def test_pointer_results_are_never_default_int() -> None:
    for function in _ffi.FUNCTIONS:
        # Only status codes, numbers and static/owned strings; buffers are
        # always out-parameters.
        assert function.restype in (None, ctypes.c_int, ctypes.c_char_p), function.name


def test_handles_are_distinct_void_pointer_types() -> None:
    assert issubclass(_ffi.EngineHandle, ctypes.c_void_p)
    assert issubclass(_ffi.ErrorHandle, ctypes.c_void_p)
    assert _ffi.EngineHandle is not _ffi.ErrorHandle


def test_loaded_with_rtld_local() -> None:
    # With RTLD_LOCAL the library's symbols do not enter the global namespace.
    with pytest.raises(AttributeError):
        ctypes.CDLL(None).cadre_version_number  # noqa: B018


def test_candidates_env_override_is_the_only_candidate(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere" / "libcadre.so.1")
    assert list(_ffi.candidates({"CADRE_LIBRARY": missing}, tmp_path)) == [missing]


def test_candidates_order_without_override(tmp_path: Path, expected_abi: int) -> None:
    lib_dir = tmp_path / "_lib"
    lib_dir.mkdir()
    (lib_dir / f"libcadre.so.{expected_abi}.2.3").write_bytes(b"")
    got = list(_ffi.candidates({}, tmp_path, expected_abi))
    assert got[0] == str(lib_dir / f"libcadre.so.{expected_abi}")
    assert got[1] == str(lib_dir / "libcadre.so")
    assert got[2] == str(lib_dir / f"libcadre.so.{expected_abi}.2.3")
    # Then the system: find_library's answer (if any) and the soname last.
    assert got[-1] == f"libcadre.so.{expected_abi}"
    assert len(got) == len(set(got))


def test_empty_env_override_is_ignored(tmp_path: Path) -> None:
    got = list(_ffi.candidates({"CADRE_LIBRARY": ""}, tmp_path))
    assert got[0] == str(tmp_path / "_lib" / "libcadre.so.1")


def test_load_from_package_lib_folder(tmp_path: Path, expected_abi: int) -> None:
    lib_dir = tmp_path / "_lib"
    lib_dir.mkdir()
    bundled = lib_dir / f"libcadre.so.{expected_abi}"
    bundled.symlink_to(os.path.realpath(cadre.library_path()))
    lib = _ffi.load({}, tmp_path)
    assert lib.path == str(bundled)
    assert lib.abi_version == expected_abi


def test_load_failure_lists_every_path_tried(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing" / "libcadre.so.1")
    with pytest.raises(ImportError) as info:
        _ffi.load({"CADRE_LIBRARY": missing}, tmp_path)
    assert missing in str(info.value)
    assert "CADRE_LIBRARY" in str(info.value)


def test_import_fails_naming_a_missing_cadre_library(run_python, tmp_path: Path) -> None:
    from conftest import subprocess_env
    missing = str(tmp_path / "no-such-libcadre.so.1")
    result = run_python(
        "import cadre",
        env=subprocess_env(CADRE_LIBRARY=missing))
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert missing in result.stderr


def test_import_does_not_touch_environment(run_python) -> None:
    result = run_python(
        "import os; before = dict(os.environ); import cadre\n"
        "assert dict(os.environ) == before, 'environment changed'\n"
        "print(cadre.version())")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == cadre.version()


def test_check_abi() -> None:
    _ffi.check_abi(1, 1)
    with pytest.raises(ImportError) as info:
        _ffi.check_abi(2, 1, "/x/libcadre.so.2", "2.0.0")
    text = str(info.value)
    assert "ABI version 2" in text and "ABI version 1" in text and "/x/libcadre.so.2" in text


def test_load_rejects_other_abi(expected_abi: int) -> None:
    with pytest.raises(ImportError) as info:
        _ffi.load({"CADRE_LIBRARY": cadre.library_path()}, expected_abi=expected_abi + 98)
    text = str(info.value)
    assert f"ABI version {expected_abi}" in text
    assert f"ABI version {expected_abi + 98}" in text


def test_import_fails_on_abi_mismatch(run_python, expected_abi: int) -> None:
    # Monkeypatch the binding's expected ABI and re-run the package's import.
    result = run_python(
        "import importlib, cadre, cadre._ffi as f\n"
        f"f.EXPECTED_ABI_VERSION = {expected_abi + 41}\n"
        "try:\n"
        "    importlib.reload(cadre)\n"
        "except ImportError as e:\n"
        "    print(e)\n"
        "else:\n"
        "    raise SystemExit('no ImportError')\n")
    assert result.returncode == 0, result.stderr
    assert f"ABI version {expected_abi}" in result.stdout
    assert f"ABI version {expected_abi + 41}" in result.stdout


def test_missing_symbol_says_versions_do_not_match(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = _ffi.CFunction("cadre_no_such_function_v9", (), ctypes.c_int)
    monkeypatch.setattr(_ffi, "FUNCTIONS", tuple(_ffi.FUNCTIONS) + (extra,))
    with pytest.raises(ImportError) as info:
        _ffi.load({"CADRE_LIBRARY": cadre.library_path()})
    text = str(info.value)
    assert "cadre_no_such_function_v9" in text
    assert "do not match" in text


def test_descriptor_set_is_a_file_descriptor_set() -> None:
    data = cadre.descriptor_set()
    assert isinstance(data, bytes) and data
    descriptor_pb2 = pytest.importorskip("google.protobuf.descriptor_pb2")
    fds = descriptor_pb2.FileDescriptorSet.FromString(data)
    names = {f.name for f in fds.file}
    assert "cadre/v1/screening.proto" in names
    assert all(f.package == "cadre.v1" for f in fds.file if f.name.startswith("cadre/"))
