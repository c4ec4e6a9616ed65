#!/bin/sh
# The notifier function's AWS_LAMBDA_EXEC_WRAPPER. Lambda runs it with the
# runtime's command line as its arguments: node, the runtime's flags (heap
# sizes from the function's memory among them), then the runtime's script.
# Node reads command-line flags after NODE_OPTIONS and keeps a flag's last
# value, so heap sizes in NODE_OPTIONS lose to the runtime's. This runs the
# same command with the runtime's heap sizes replaced by
# NOTIFIER_HEAP_OPTIONS, which go right after node. Why these sizes:
# infra/function-runtime.ts. POSIX sh: it must start in any runtime image.
set -eu
if [ "$#" -lt 2 ]; then
  echo "heap-wrapper: expected the runtime's command line (node ... script), got: $*" >&2
  exit 2
fi
if [ -z "${NOTIFIER_HEAP_OPTIONS:-}" ]; then
  exec "$@"
fi
node=$1
shift
# Go once through the arguments, putting back all but the heap sizes, in order.
remaining=$#
while [ "$remaining" -gt 0 ]; do
  arg=$1
  shift
  case $arg in
    --max-semi-space-size=* | --max-old-space-size=*) ;;
    *) set -- "$@" "$arg" ;;
  esac
  remaining=$((remaining - 1))
done
# Word splitting of the options is intended: they are separate flags.
# shellcheck disable=SC2086
exec "$node" $NOTIFIER_HEAP_OPTIONS "$@"
