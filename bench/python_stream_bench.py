"""Screens a roster file in the stream form from Python through the binding
(Engine.screen_stream, 1 MiB chunks, each finding a cadre.types.Finding);
reports the rate and the peak memory.
A benchmark, not a test.

    CADRE_LIBRARY=build/release/src/libcadre.so.1 PYTHONPATH=bindings/python \\
        /usr/bin/python3 bench/python_stream_bench.py ROSTER.cadres CADRES [AS_OF] [REPEAT]
"""

import resource
import sys
import time

import cadre


def main() -> int:
    path, cadres = sys.argv[1], int(sys.argv[2])
    as_of = sys.argv[3] if len(sys.argv) > 3 else "2025-06-30"
    repeat = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    best = None
    with cadre.Engine() as engine:
        for _ in range(repeat):
            start = time.perf_counter()
            with open(path, "rb") as f, engine.screen_stream(f, as_of) as stream:
                findings = sum(1 for _ in stream)  # typed findings, one by one
            seconds = time.perf_counter() - start
            best = seconds if best is None else min(best, seconds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"python_stream: best of {repeat}: {best:.3f} s, {cadres / best:.0f} cadres/s, "
          f"{findings} findings, peak RSS {peak} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
