#!/bin/sh
# A follow-up plan carried to re-appointment (docs/followup.md), with the cadre command-line
# tool on a copy of the roster (roster.json), which --update keeps up to date:
#   - cadre c1, a county-level deputy of unit u1 in region 360102, was removed from the post
#     through accountability (问责, 免职) on Monday 2023-03-13: the plan f1 is generated from
#     template cn.followup.accountability.removal (24 months);
#   - over the year the unit's principal leader, the leader in charge and the organisation
#     department talk with him (each talk a reference to its notes, never the notes), he is
#     trained and serves on a rural revitalisation team, assessed 优秀 on its own; the leader in
#     charge's first talk is listed overdue on 2023-03-28 and recorded late;
#   - re-appointment is refused on 2024-03-12 (the impact period of one year has not ended:
#     exit status 3, the conditions printed) and decided on 2024-03-13, every condition met;
#     the history reads adjusted, followed up, re-appointed, with no label.
# usage: run.sh CADRE_BINARY WORK_DIR [--lang zh-CN|en|both]
# Every command's exit status is checked: the script stops at the first that is not the one
# expected (0, or 3 for a refused re-appointment).
set -eu
cadre=$1
work=$2
lang=${3:-both}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
roster="$work/followup-roster.json"
cp "$here/roster.json" "$roster"

# run EXPECTED-STATUS ARGS...
. "$here/../run-step.sh"

record() {  # record FILE AS-OF
  run 0 followup record "$here/records/$1" --roster "$roster" --cadre c1 --plan f1 --as-of "$2" \
    --update
}

# The plan, on the day the adjustment was carried out.
run 0 followup plan --roster "$roster" --cadre c1 --adjustment a1 --plan-id f1 \
  --as-of 2023-03-13 --update

# The first talks: the leader in charge's is overdue on 2023-03-28, and held the next day.
record 01-talk-principal.json 2023-03-20
run 0 followup due "$roster" --overdue --as-of 2023-03-28
record 02-talk-in-charge.json 2023-03-29
record 03-talk-organisation.json 2023-04-10

# The year of follow-up: a task, talks on the cadence, training, the task's assessment.
record 04-task.json 2023-06-01
record 05-talk-principal.json 2023-06-20
record 06-talk-in-charge.json 2023-06-21
record 07-training.json 2023-09-08
record 08-talk-principal.json 2023-09-20
record 09-talk-in-charge.json 2023-09-21
record 10-talk-organisation.json 2023-10-10
record 11-task-assessment.json 2023-12-08
record 12-talk-principal.json 2023-12-20
record 13-talk-in-charge.json 2023-12-21

# Nothing overdue on 2024-03-12; the first review is due.
run 0 followup due "$roster" --as-of 2024-03-12

# Re-appointment: refused on 2024-03-12, decided on 2024-03-13.
run 3 followup outcome --roster "$roster" --cadre c1 --plan f1 --kind reappointed \
  --record-id p2 --facts "$here/facts.json" --as-of 2024-03-12
run 0 followup outcome --roster "$roster" --cadre c1 --plan f1 --kind reappointed \
  --record-id p2 --facts "$here/facts.json" --as-of 2024-03-13 --update

# The plan is closed: nothing more is due.
run 0 followup due "$roster" --as-of 2024-06-30
echo "run.sh: the plan carried to re-appointment"
