#!/bin/bash
# The notifier function's AWS_LAMBDA_EXEC_WRAPPER. Lambda runs it with the
# runtime's command line as its arguments: node, the runtime's flags (heap
# sizes from the function's memory among them), then the runtime's script,
# last. Node reads command-line flags after NODE_OPTIONS and keeps a flag's
# last value, so heap sizes in NODE_OPTIONS lose to the runtime's: this puts
# NOTIFIER_HEAP_OPTIONS after the runtime's flags, just before its script.
# Why these sizes: infra/function-runtime.ts.
set -euo pipefail
if [ "$#" -lt 2 ]; then
  echo "heap-wrapper: expected the runtime's command line (node ... script), got: $*" >&2
  exit 2
fi
# Word splitting of the options is intended: they are separate flags.
# shellcheck disable=SC2086
exec "${@:1:$#-1}" ${NOTIFIER_HEAP_OPTIONS:-} "${@: -1}"
