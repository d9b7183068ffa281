#!/usr/bin/env bash
# Builds modules/perf.so with phpize, installing the build dependencies when missing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
perf_build
