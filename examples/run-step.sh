# Sourced by the examples' run.sh scripts (POSIX sh): run EXPECTED-STATUS ARGS... runs
# "$cadre ARGS... --lang $lang" (and "--store $store" when store is set), echoing the command,
# and stops the script with "run.sh: FAILED" unless the command exits with EXPECTED-STATUS
# (0, or 3 for a step, a decision or a re-appointment the rules refuse).
run() {
  expected=$1
  shift
  echo "\$ cadre $*"
  status=0
  if [ -n "${store:-}" ]; then
    "$cadre" "$@" --store "$store" --lang "$lang" || status=$?
  else
    "$cadre" "$@" --lang "$lang" || status=$?
  fi
  if [ "$status" -ne "$expected" ]; then
    echo "run.sh: FAILED: 'cadre $*' exited with $status, expected $expected" >&2
    exit 1
  fi
}
