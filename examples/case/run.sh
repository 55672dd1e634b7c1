#!/bin/sh
# Carries two findings of the bundled example (roster.json) through every step of their
# procedures with the cadre command-line tool, into a new case store, and ends with every
# chain verified:
#   - a 问责 decision with an organisational adjustment (cadre c9001) opens a 问责 case under
#     the 2019 问责条例: start approved by the principal leader, investigation, decision,
#     delivery, execution. On the way a decision before its investigation and a decision
#     without a quorum are refused, with the rule they break; the execution, due within one
#     month of the decision, is listed overdue and then recorded late.
#   - a 诫勉 record (cadre c9002) opens the 诫勉 follow-up: the written self-examination within
#     5 working days (across the 2025 National Day holiday and its make-up working days), then
#     the review after 6 months.
# usage: run.sh CADRE_BINARY WORK_DIR [--lang zh-CN|en|both]
# Every command's exit status is checked: the script stops at the first that is not the one
# expected (0, or 3 for a refused step).
set -eu
cadre=$1
work=$2
lang=${3:-both}
here=$(cd "$(dirname "$0")" && pwd)
store="$work/cases.db"
rm -f "$store" "$store-wal" "$store-shm" "$work/cases.export" "$work/copy.db"
mkdir -p "$work"

# run EXPECTED-STATUS ARGS...
. "$here/../run-step.sh"

# 问责: the finding of the screening as of 2025-05-08 opens the case.
run 0 case open --from-finding cn-2022.accountability.adjustment --cadre c9001 \
  --roster "$here/roster.json" --as-of 2025-05-08 --id wz-c9001
run 0 case record "$here/events/wz-1-start.json" --id wz-c9001
run 3 case record "$here/events/wz-2-decision-too-early.json" --id wz-c9001
run 0 case record "$here/events/wz-3-investigation.json" --id wz-c9001
run 3 case record "$here/events/wz-4-decision-no-quorum.json" --id wz-c9001
run 0 case record "$here/events/wz-5-decision.json" --id wz-c9001
run 0 case record "$here/events/wz-6-delivery.json" --id wz-c9001

# 诫勉: the record opens the follow-up at the written self-examination.
run 0 case open --early-warning c9002-w1 --cadre c9002 --roster "$here/roster.json" --id jm-c9002
run 0 case show jm-c9002 --as-of 2025-09-30

# On 2025-07-01 the execution of the 问责 decision is overdue.
run 0 case due --overdue --as-of 2025-07-01
run 0 case record "$here/events/wz-7-execution.json" --id wz-c9001
run 0 case record "$here/events/jm-1-self-examination.json" --id jm-c9002
run 0 case record "$here/events/jm-2-review.json" --id jm-c9002
run 0 case show wz-c9001 --events --as-of 2025-07-02
run 0 case due --as-of 2026-04-01

# Export, import into another store, and verify both.
run 0 case export "$work/cases.export"
"$cadre" case import "$work/cases.export" --store "$work/copy.db" --lang "$lang"
"$cadre" case verify --all --store "$work/copy.db" --lang "$lang"
run 0 case verify --all
echo "run.sh: every step recorded, every chain verified"
