#!/bin/sh
# A 容错认定 case carried from the claim to its decision and its remedial measures (纠错) with
# the cadre command-line tool, in a new case store (docs/tolerance.md, "The decision: a case"):
#   - the pending claim c9101-rc1 of roster.json (a 问责 decision of 2025-06-03: 诫勉 and
#     removal) opens the case; the application is shown completed by the claim;
#   - acceptance, verification, deliberation; a decision whose remedial measure would be due
#     before the decision is refused, naming the fact; the decision of Friday 2025-09-26 (免责)
#     sets two remedial measures: r1 within 5 working days (across the 2025 National Day
#     holiday: 2025-10-10), r2 by 2025-10-09;
#   - feedback and filing end the main line; the case stays open while the measures are:
#     as of 2025-10-11 (a Saturday worked in exchange) r1 is one working day overdue and r2 two;
#   - r1 recorded done, r2 recorded late; the case ends and its chain verifies.
# The case's answer carries the decided claim (CaseView.exemption) that a host merges into the
# cadre's record (cadre::merge_exemption_decisions()): it applies from 2025-09-26, not before.
# usage: run.sh CADRE_BINARY WORK_DIR [--lang zh-CN|en|both]
set -eu
cadre=$1
work=$2
lang=${3:-both}
here=$(cd "$(dirname "$0")" && pwd)
store="$work/tolerance-cases.db"
rm -f "$store" "$store-wal" "$store-shm"
mkdir -p "$work"

# run EXPECTED-STATUS ARGS...
. "$here/../../run-step.sh"

run 0 case open --exemption-claim c9101-rc1 --cadre c9101 --roster "$here/roster.json" --id rc-c9101
run 0 case record "$here/events/1-acceptance.json" --id rc-c9101
run 0 case record "$here/events/2-verification.json" --id rc-c9101
run 0 case record "$here/events/3-deliberation.json" --id rc-c9101
run 3 case record "$here/events/4-decision-bad-deadline.json" --id rc-c9101
run 0 case record "$here/events/5-decision.json" --id rc-c9101
run 0 case record "$here/events/6-notification.json" --id rc-c9101
run 0 case record "$here/events/7-filing.json" --id rc-c9101
run 0 case due --overdue --as-of 2025-10-11
run 0 case record "$here/events/8-remedy-r1.json" --id rc-c9101
run 0 case record "$here/events/9-remedy-r2.json" --id rc-c9101
run 0 case show rc-c9101 --as-of 2025-10-13
run 0 case verify --all
echo "run.sh: the claim decided, its remedial measures followed, the chain verified"
