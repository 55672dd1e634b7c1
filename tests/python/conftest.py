"""Shared fixtures of the Python binding's tests.

Run by ctest (tests/python/CMakeLists.txt sets CADRE_LIBRARY, PYTHONPATH and
the expected versions), or by hand:

    CADRE_LIBRARY=build/src/libcadre.so /usr/bin/python3 -m pytest -q \
        -p no:cacheprovider tests/python
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

REPO = Path(__file__).resolve().parents[2]
BINDINGS = REPO / "bindings" / "python"

# Let a developer run pytest without setting PYTHONPATH.
if str(BINDINGS) not in sys.path and not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(BINDINGS))
sys.dont_write_bytecode = True  # never write into the source tree


def _from_cmakelists(pattern: str) -> str:
    text = (REPO / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(pattern, text)
    assert match, f"{pattern!r} not found in CMakeLists.txt"
    return match.group(1)


@pytest.fixture(scope="session")
def expected_version() -> str:
    """PROJECT_VERSION, from ctest's environment or the top-level CMakeLists.txt."""
    return (os.environ.get("CADRE_EXPECTED_VERSION")
            or _from_cmakelists(r"project\(\s*cadre\s+VERSION\s+([0-9.]+)"))


@pytest.fixture(scope="session")
def expected_abi() -> int:
    """CADRE_ABI_VERSION, from ctest's environment or the top-level CMakeLists.txt
    (where it is the major version)."""
    return int(os.environ.get("CADRE_EXPECTED_ABI")
               or _from_cmakelists(r"project\(\s*cadre\s+VERSION\s+(\d+)\."))


@pytest.fixture()
def engine():
    import cadre
    with cadre.Engine() as eng:
        yield eng


def make_cadre(cadre_id: str = "c1", sex: str = "SEX_MALE",
               birth_date: str = "1965-03-02",
               rank_level: str = "RANK_LEVEL_COUNTY_PRINCIPAL") -> dict[str, Any]:
    """One cadre holding one leadership post, as protobuf JSON."""
    return {
        "id": cadre_id,
        "sex": sex,
        "birth_date": birth_date,
        "birth_date_source": "BIRTH_DATE_SOURCE_PERSONNEL_FILE",
        "posts": [{
            "id": "p1",
            "unit_id": "u1",
            "title": "县长",
            "rank_level": rank_level,
            "kind": "POST_KIND_LEADERSHIP",
            "start_date": "2019-01-01",
        }],
    }


#: The request of the issue: a male county head born 1965-03-02.
RETIREMENT_REQUEST: dict[str, Any] = {"as_of": "2025-06-30", "cadres": [make_cadre()]}


@pytest.fixture()
def retirement_request() -> dict[str, Any]:
    return copy.deepcopy(RETIREMENT_REQUEST)


def subprocess_env(**overrides: str) -> dict[str, str]:
    """The environment for a child Python: this one plus the bindings on the path."""
    env = dict(os.environ)
    paths = [str(BINDINGS)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(overrides)
    return env


@pytest.fixture()
def run_python() -> Callable[..., subprocess.CompletedProcess]:
    """Runs code in a fresh interpreter (the one running the tests)."""
    def run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", code], env=env or subprocess_env(),
                              capture_output=True, text=True, timeout=120, check=False)
    return run
