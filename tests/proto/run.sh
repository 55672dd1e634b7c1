#!/bin/sh
# The schema checks of ctest (tests/proto/CMakeLists.txt):
#
#   run.sh lint BUF PROTO_DIR            buf lint of proto/ (rules of proto/buf.yaml)
#   run.sh breaking BUF PROTO_DIR IMAGE  buf breaking of proto/ against the image of the
#                                        declared v1; exit 77 (skipped) while there is none
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
    case "$image" in /*) ;; *) image="$here/$image" ;; esac
    if [ ! -f "$image" ]; then
      echo "proto.buf-breaking: SKIPPED: v1 is not declared yet: there is no baseline image" \
        "$image (see proto/README.md, \"Declaring v1\")."
      exit 77
    fi
    require_buf
    echo "$ $buf breaking --against $image ($proto)"
    "$buf" breaking --error-format=text --against "$image" || exit 1
    echo "buf breaking: no breaking change against $image"
    ;;
  *)
    echo "run.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
