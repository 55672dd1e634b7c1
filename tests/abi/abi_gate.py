#!/usr/bin/env python3
"""The ABI gate of libcadre (tests/abi/CMakeLists.txt).

  abi_gate.py check    --lib LIB --headers DIR --baseline-dir DIR --abi-version N
  abi_gate.py selftest --lib LIB --headers DIR --work DIR
  abi_gate.py dump     --lib LIB --headers DIR --out FILE

check: compares the ABI of LIB (the C functions of the public headers, read
from its DWARF by abidw) with the baseline abi/libcadre.abixml, taken for the
ABI version in abi/VERSION. Added functions pass; a removed, renamed or
changed function, or any change abidiff calls incompatible, fails. When N is
greater than the baseline's ABI version the comparison is skipped (exit 77):
the baselines are then regenerated with scripts/update-baselines.sh.

selftest: checks the gate itself on deliberately broken copies of LIB's ABI:
a removed function, a renamed function and a parameter of another type must
fail; an added function and an identical ABI must pass.

Exit codes: 0 pass, 1 fail, 77 skipped (ABI version raised).
"""
import argparse
import pathlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

ABIDW = shutil.which("abidw") or "abidw"
ABIDIFF = shutil.which("abidiff") or "abidiff"


def dump(lib: str, headers: str, out: str) -> None:
    """Writes the ABI of the public interface of lib to out (abixml)."""
    cmd = [ABIDW, "--headers-dir", headers, "--drop-private-types", "--exported-interfaces-only",
           "--no-corpus-path",
           "--no-show-locs", "--no-comp-dir-path", "--no-architecture", "--type-id-style", "hash",
           "--out-file", out, lib]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"abi_gate: {' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    functions = function_names(out)
    if not functions:
        sys.exit(f"abi_gate: {lib} shows no function of the public headers: was it built "
                 "without debug information (-g)?")


def function_names(abixml: str) -> list[str]:
    root = ET.parse(abixml).getroot()
    return sorted({e.get("name") for e in root.iter("function-decl") if e.get("elf-symbol-id")})


SUMMARY = re.compile(r"^(Functions|Variables|Function symbols|Variable symbols) changes summary: "
                     r"(\d+) Removed(?:, (\d+) Changed[^,]*)?, (\d+) Added", re.M)


def compare(baseline: str, current: str) -> tuple[bool, str]:
    """(compatible, report): only additions are compatible."""
    done = subprocess.run([ABIDIFF, baseline, current], capture_output=True, text=True)
    report = done.stdout + done.stderr
    rc = done.returncode
    if rc & 3:
        return False, f"abidiff could not compare (exit {rc}):\n{report}"
    if rc & 8:
        return False, f"incompatible ABI change (abidiff exit {rc}):\n{report}"
    if rc & 4:
        bad = []
        for kind, removed, changed, _added in SUMMARY.findall(report):
            if int(removed):
                bad.append(f"{removed} {kind.lower()} removed")
            if changed and int(changed):
                bad.append(f"{changed} {kind.lower()} changed")
        if bad:
            return False, f"incompatible ABI change ({', '.join(bad)}):\n{report}"
        return True, f"compatible: additions only:\n{report}"
    return True, "no ABI change"


def edit(src: str, dst: str, name: str, rename: str | None) -> None:
    """Copies src to dst without the function name, or with it renamed."""
    tree = ET.parse(src)
    root = tree.getroot()
    found = 0
    for parent in root.iter():
        for child in list(parent):
            is_symbol = child.tag == "elf-symbol" and child.get("name") == name
            is_decl = child.tag == "function-decl" and child.get("name") == name
            if not (is_symbol or is_decl):
                continue
            found += 1
            if rename is None:
                parent.remove(child)
                continue
            for attr in ("name", "mangled-name"):
                if child.get(attr) == name:
                    child.set(attr, rename)
            if child.get("elf-symbol-id"):
                child.set("elf-symbol-id", child.get("elf-symbol-id").replace(name, rename, 1))
    if found < 2:
        sys.exit(f"abi_gate: selftest could not find {name} (symbol and declaration) in {src}")
    tree.write(dst, encoding="unicode")


def retype(src: str, dst: str, name: str) -> None:
    """Copies src to dst with one parameter of function name given another type."""
    tree = ET.parse(src)
    for decl in tree.getroot().iter("function-decl"):
        if decl.get("name") != name:
            continue
        params = decl.findall("parameter")
        types = [p.get("type-id") for p in params]
        for p in params[1:]:
            if p.get("type-id") != types[0]:
                p.set("type-id", types[0])
                tree.write(dst, encoding="unicode")
                return
    sys.exit(f"abi_gate: selftest found no parameter of {name} to retype in {src}")


def selftest(lib: str, headers: str, work: pathlib.Path) -> int:
    work.mkdir(parents=True, exist_ok=True)
    current = str(work / "current.abixml")
    dump(lib, headers, current)
    names = function_names(current)
    victim = "cadre_status_name" if "cadre_status_name" in names else names[0]
    removed = str(work / "removed.abixml")
    renamed = str(work / "renamed.abixml")
    edit(current, removed, victim, None)
    edit(current, renamed, victim, victim + "_renamed")
    retyped = str(work / "retyped.abixml")
    changed = "cadre_screen" if "cadre_screen" in names else names[-1]
    retype(current, retyped, changed)
    cases = [
        ("identical ABI", current, current, True),
        (f"{victim} added", removed, current, True),
        (f"{victim} removed", current, removed, False),
        (f"{victim} renamed", current, renamed, False),
        (f"a parameter of {changed} retyped", current, retyped, False),
    ]
    failures = 0
    for what, base, cur, want in cases:
        ok, report = compare(base, cur)
        verdict = "passes" if ok else "fails"
        if ok != want:
            failures += 1
            print(f"FAIL: the gate {verdict} on: {what}\n{report}")
        else:
            print(f"ok: the gate {verdict} on: {what}")
    print(f"selftest: {len(cases) - failures} of {len(cases)} cases as expected "
          f"({len(names)} functions in the ABI)")
    return 1 if failures else 0


def check(lib: str, headers: str, baseline_dir: pathlib.Path, abi_version: int,
          work: pathlib.Path) -> int:
    baseline = baseline_dir / "libcadre.abixml"
    version_file = baseline_dir / "VERSION"
    if not baseline.is_file() or not version_file.is_file():
        print(f"FAIL: no ABI baseline ({baseline}, {version_file}); "
              "run scripts/update-baselines.sh")
        return 1
    baseline_version = int(version_file.read_text().split()[0])
    if abi_version > baseline_version:
        print(f"SKIPPED: the ABI version was raised from {baseline_version} to {abi_version}: "
              "incompatible changes are allowed; run scripts/update-baselines.sh to declare "
              f"ABI {abi_version}")
        return 77
    if abi_version < baseline_version:
        print(f"FAIL: ABI version {abi_version} is lower than the baseline's {baseline_version}")
        return 1
    work.mkdir(parents=True, exist_ok=True)
    current = str(work / "current.abixml")
    dump(lib, headers, current)
    ok, report = compare(str(baseline), current)
    print(report)
    if not ok:
        print(f"FAIL: libcadre breaks ABI {abi_version} (baseline {baseline}). Keep the old "
              "entry points (add new ones, mark old ones CADRE_DEPRECATED), or raise the major "
              "version in CMakeLists.txt and run scripts/update-baselines.sh.")
        return 1
    print(f"ABI {abi_version}: compatible with {baseline} "
          f"({len(function_names(current))} functions)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["check", "selftest", "dump"])
    parser.add_argument("--lib", required=True)
    parser.add_argument("--headers", required=True)
    parser.add_argument("--baseline-dir", type=pathlib.Path)
    parser.add_argument("--abi-version", type=int)
    parser.add_argument("--work", type=pathlib.Path, default=pathlib.Path("abi-work"))
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.mode == "dump":
        dump(args.lib, args.headers, args.out)
        return 0
    if args.mode == "selftest":
        return selftest(args.lib, args.headers, args.work)
    return check(args.lib, args.headers, args.baseline_dir, args.abi_version, args.work)


if __name__ == "__main__":
    sys.exit(main())
