#!/usr/bin/env python3
"""clang-tidy of one file, skipped when the very same input was found clean before.

    tidy_cached.py CLANG_TIDY BUILD_DIR SOURCE_ROOT CACHE FILE

The input of clang-tidy is the file preprocessed with its compile command
(every header it includes, cadre's and the system's), that command, the
.clang-tidy configuration and clang-tidy's version. Their SHA-256 is the key.
CACHE (tests/lint/tidy-clean.txt) lists the keys of inputs clang-tidy found
clean; a file whose key is listed passes without running clang-tidy again,
since the same input gives the same result. Any other file is checked by
clang-tidy in full, as before the cache existed. Paths of the source tree and
of the build tree are replaced by placeholders before hashing, so that a clone
elsewhere has the same keys.

With CADRE_TIDY_RECORD=PATH in the environment, the key of a file clang-tidy
finds clean is appended to PATH (scripts/tidy-cache.sh collects them into
CACHE). Standard library only: it runs under any python3.
"""
import hashlib
import json
import os
import shlex
import subprocess
import sys


def compile_args(build_dir, source):
    with open(os.path.join(build_dir, "compile_commands.json"), encoding="utf-8") as f:
        for entry in json.load(f):
            if os.path.realpath(entry["file"]) == source:
                args = entry.get("arguments") or shlex.split(entry["command"])
                return entry["directory"], args
    return None, None


def preprocess_args(args):
    """The compile command's flags, without the compiler, -o OUT, -c and the source."""
    out = []
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a.endswith((".cc", ".cpp", ".c")):
            continue
        out.append(a)
    return out


def main():
    tidy, build_dir, root, cache, source = sys.argv[1:6]
    build_dir = os.path.realpath(build_dir)
    root = os.path.realpath(root)
    source = os.path.realpath(source)
    tidy_cmd = [tidy, "-p", build_dir, "--quiet", "--extra-arg=-Wno-unknown-warning-option", source]

    directory, args = compile_args(build_dir, source)
    key = None
    if args is not None:
        flags = preprocess_args(args)
        clang = "clang++-14" if source.endswith((".cc", ".cpp")) else "clang-14"
        pre = subprocess.run([clang, *flags, "-Wno-unknown-warning-option", "-E", source],
                             cwd=directory, capture_output=True, check=False)
        if pre.returncode == 0:
            h = hashlib.sha256()

            def add(data):
                if isinstance(data, str):
                    data = data.encode()
                data = data.replace(build_dir.encode(), b"<build>").replace(root.encode(), b"<root>")
                h.update(len(data).to_bytes(8, "little"))
                h.update(data)

            add(subprocess.run([tidy, "--version"], capture_output=True, check=False).stdout)
            with open(os.path.join(root, ".clang-tidy"), "rb") as f:
                add(f.read())
            add("\0".join(flags))
            add(os.path.relpath(source, root))
            add(pre.stdout)
            key = h.hexdigest()

    if key is not None and os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            if key in (line.strip() for line in f):
                print(f"clean: input {key[:16]} was found clean by clang-tidy before ({cache})")
                return 0

    result = subprocess.run(tidy_cmd, check=False)
    if result.returncode == 0 and key is not None:
        record = os.environ.get("CADRE_TIDY_RECORD")
        if record:
            with open(record, "a", encoding="utf-8") as f:
                f.write(key + "\n")
        else:
            print(f"clean; its input {key[:16]} is not in {cache} yet (scripts/tidy-cache.sh)")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
