#!/usr/bin/python3
"""The CLI reads a roster and a --request file record by record (issue 14 §2).

Writes a JSON roster and a JSON screen request of many small cadres, then runs
the CLI under a limit on its heap and other private writable memory
(RLIMIT_DATA; a mapped input file is not counted): `convert` into binary, the
stream form and back into JSON, `validate` of each form, and the list commands
on the JSON and binary rosters and the request. The limit is below what
holding the input whole takes (its bytes, then every cadre parsed into one
message), and above what one cadre at a time takes. Each command must finish
and answer every cadre; the converted files must equal one another.

Usage: bounded_input.py CADRE_BINARY WORK_DIR [CADRES] [LIMIT_MIB]
"""
import json
import os
import resource
import subprocess
import sys

cli, work = sys.argv[1], sys.argv[2]
cadres = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
limit_mib = int(sys.argv[4]) if len(sys.argv) > 4 else 64
os.makedirs(work, exist_ok=True)


def cadre(i):
    # Born 1955-1990, so that some go down (retirement) and most do not.
    year = 1955 + i % 36
    return {
        "id": "s%07d" % i,
        "sex": "SEX_MALE" if i % 2 else "SEX_FEMALE",
        "birth_date": "%d-%02d-%02d" % (year, 1 + i % 12, 1 + i % 28),
        "birth_date_source": "BIRTH_DATE_SOURCE_PERSONNEL_FILE",
        "posts": [
            {"id": "p1", "rank_level": "RANK_LEVEL_COUNTY_DEPUTY",
             "kind": "POST_KIND_LEADERSHIP", "start_date": "2012-03-01",
             "end_date": "2018-02-28"},
            {"id": "p2", "rank_level": "RANK_LEVEL_COUNTY_PRINCIPAL",
             "kind": "POST_KIND_LEADERSHIP", "start_date": "2018-03-01"},
        ],
    }


def write(path, head):
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + '"cadres":[')
        for i in range(cadres):
            if i:
                f.write(",")
            f.write(json.dumps(cadre(i), separators=(",", ":")))
        f.write("]}")
    return os.path.getsize(path)


roster = os.path.join(work, "many.json")
binary = os.path.join(work, "many.pb")
stream = os.path.join(work, "many.cadres")
back = os.path.join(work, "many-back.json")
request = os.path.join(work, "many-request.json")
size = write(roster, '{"header":{"name":"bounded input","schema":"cadre.v1"},')
write(request, '{"as_of":"2025-06-30",')


def limited():
    limit = limit_mib << 20
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


failed = 0
answered = "Summary: as of 2025-06-30, %d cadres screened" % cadres
for what, args, expect in [
    ("convert JSON to binary", ["convert", roster, binary], ""),
    ("convert binary to the stream form", ["convert", binary, stream], ""),
    ("convert the stream form to JSON", ["convert", stream, back], ""),
    ("validate JSON", ["validate", "--as-of", "2025-06-30", roster], "\n0 errors\n"),
    ("validate binary", ["validate", "--as-of", "2025-06-30", binary], "\n0 errors\n"),
    ("validate the stream form", ["validate", "--as-of", "2025-06-30", stream],
     "\n0 errors\n"),
    ("JSON roster", ["screen", "--as-of", "2025-06-30", "--summary-only", "--lang", "en",
                     roster], answered),
    ("binary roster", ["screen", "--as-of", "2025-06-30", "--summary-only", "--lang", "en",
                       binary], answered),
    ("--request", ["screen", "--request", request, "--summary-only", "--lang", "en"], answered),
    ("table rows", ["eligibility", "--as-of", "2025-06-30", "--lang", "en", binary],
     "s%07d  " % (cadres - 1)),
]:
    run = subprocess.run([cli] + args, preexec_fn=limited, capture_output=True, text=True,
                         check=False)
    ok = run.returncode == 0 and expect in "\n" + run.stdout
    print("%s: %s (exit %d, %d cadres, %.1f MB file, data limited to %d MiB)"
          % ("ok" if ok else "FAILED", what, run.returncode, cadres, size / 1e6, limit_mib))
    if not ok:
        failed += 1
        print(run.stderr[-2000:])
with open(roster, "rb") as a, open(back, "rb") as b:
    if a.read() != b.read():
        print("FAILED: JSON converted to binary, the stream form and back differs")
        failed += 1
sys.exit(1 if failed else 0)
