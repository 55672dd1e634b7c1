"""The CLI and the Python binding (through the C ABI) give the same answer.

Both screen the bundled roster; the CLI goes through the C++ service layer
linked statically, Python through libcadre.so. Their JSON responses must be
equal as parsed data.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ROSTER = REPO / "data" / "example-roster.json"


@pytest.mark.skipif(not os.environ.get("CADRE_CLI"), reason="CADRE_CLI not set")
@pytest.mark.parametrize("as_of", ["2017-06-30", "2025-04-01", "2025-06-30"])
def test_cli_and_python_agree(engine, as_of: str) -> None:
    # The CLI carries its own sanitizer runtime in sanitizer builds: it must
    # not inherit the one preloaded into this interpreter.
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    out = subprocess.run(
        [os.environ["CADRE_CLI"], "screen", "--as-of", as_of, "--format", "json", str(ROSTER)],
        check=True, capture_output=True, text=True, env=env).stdout
    from_cli = json.loads(out)
    roster = json.loads(ROSTER.read_text(encoding="utf-8"))
    from_python = engine.screen({"as_of": as_of, "cadres": roster["cadres"]}, as_dict=True)
    assert from_python == from_cli
    assert from_python["summary"]["cadres_screened"] + from_python["summary"]["records_rejected"] \
        == len(roster["cadres"])
