#!/bin/sh
# The schema checks of ctest (tests/proto/CMakeLists.txt):
#
#   run.sh lint BUF PROTO_DIR            buf lint of proto/ (rules of proto/buf.yaml)
#   run.sh breaking BUF PROTO_DIR IMAGE ABI BASELINE_ABI_FILE
#                         buf breaking of proto/ against the image of the declared v1;
#                         fails without an image; exit 77 (skipped) when the ABI
#                         version ABI is above the baselines' (BASELINE_ABI_FILE,
#                         abi/VERSION) until scripts/update-baselines.sh declares it
#   run.sh selftest BUF PROTO_DIR WORK   the gate itself: against an image of the schema
#                         as it is, a copy without a field and a copy with a renamed
#                         enum value must fail, a copy with an added field must pass
#
# buf is the version pinned in tools/buf/package.json, installed into
# tools/buf/node_modules by scripts/setup-debian.sh. A missing buf fails the
# test: it is never skipped silently.
set -u

mode=${1:?mode}
buf=${2:?path to buf}
proto=${3:?proto dir}

# Absolute paths: the checks run in the proto folder.
case "$buf" in /*) ;; *) buf="$(pwd)/$buf" ;; esac

require_buf() {
  if [ ! -x "$buf" ]; then
    echo "proto.buf-$mode: FAILED: buf is not installed ($buf does not exist)." >&2
    echo "proto.buf-$mode: run scripts/setup-debian.sh, which installs the pinned buf" \
      "(npm ci --prefix tools/buf), then run ctest again." >&2
    exit 1
  fi
}

here=$(pwd)
cd "$proto" || exit 1
case "$mode" in
  lint)
    require_buf
    echo "$ $buf lint ($proto)"
    "$buf" lint --error-format=text || exit 1
    echo "buf lint: no problems"
    ;;
  breaking)
    image=${4:?baseline image}
    abi=${5:?ABI version}
    abi_file=${6:?file with the ABI version of the baselines}
    case "$image" in /*) ;; *) image="$here/$image" ;; esac
    case "$abi_file" in /*) ;; *) abi_file="$here/$abi_file" ;; esac
    if [ ! -f "$image" ] || [ ! -f "$abi_file" ]; then
      echo "proto.buf-breaking: FAILED: no baseline ($image, $abi_file);" \
        "run scripts/update-baselines.sh" >&2
      exit 1
    fi
    declared=$(head -n1 "$abi_file")
    if [ "$abi" -gt "$declared" ]; then
      echo "proto.buf-breaking: SKIPPED: the ABI version was raised from $declared to $abi;" \
        "run scripts/update-baselines.sh to declare the schema of ABI $abi"
      exit 77
    fi
    require_buf
    echo "$ $buf breaking --against $image ($proto)"
    "$buf" breaking --error-format=text --against "$image" || {
      echo "proto.buf-breaking: FAILED: cadre.v1 changed incompatibly. Add fields and values" \
        "instead (reserve what goes), or raise the major version (CMakeLists.txt) and run" \
        "scripts/update-baselines.sh." >&2
      exit 1
    }
    echo "buf breaking: no breaking change against $image"
    ;;
  selftest)
    require_buf
    work=${4:?work dir}
    case "$work" in /*) ;; *) work="$here/$work" ;; esac
    rm -rf "$work" && mkdir -p "$work" || exit 1
    "$buf" build --exclude-source-info -o "$work/now.binpb" || exit 1
    failures=0
    # case NAME WANT EDIT-SCRIPT: copies proto/, applies the sed script to one
    # file, and runs buf breaking against the image of the schema as it is.
    case_() {
      name=$1 want=$2 file=$3 script=$4
      copy="$work/$name"
      cp -R "$proto" "$copy" || exit 1
      rm -rf "$copy/baseline"
      sed -i "$script" "$copy/$file" || exit 1
      if cmp -s "$proto/$file" "$copy/$file"; then
        echo "FAIL: $name: the edit changed nothing in $file"
        failures=$((failures + 1))
        return
      fi
      if (cd "$copy" && "$buf" breaking --error-format=text --against "$work/now.binpb") \
          >"$work/$name.log" 2>&1; then got=pass; else got=fail; fi
      if [ "$got" = "$want" ]; then
        echo "ok: $name: buf breaking ${got}es"
      else
        echo "FAIL: $name: buf breaking ${got}ed, expected $want"; cat "$work/$name.log"
        failures=$((failures + 1))
      fi
    }
    case_ removed-field fail cadre/v1/cadre.proto '0,/^  [a-z].* = [0-9]*;$/{/^  [a-z].* = [0-9]*;$/d}'
    case_ renamed-value fail cadre/v1/enums.proto '0,/  SEX_MALE = /s//  SEX_MALE_RENAMED = /'
    case_ added-field pass cadre/v1/cadre.proto '0,/^message Cadre {$/s//message Cadre {\n  string selftest_added_field = 999;/'
    [ "$failures" -eq 0 ] || exit 1
    echo "buf breaking gate: removal and rename fail, addition passes"
    ;;
  *)
    echo "run.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
