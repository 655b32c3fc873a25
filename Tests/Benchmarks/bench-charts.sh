#!/usr/bin/env bash
# Times rendering charts in release mode: `irsite-bench charts --count N`
# (the benchmark target Sources/irsite-bench, not shipped) renders N sample
# charts (SVG + description + table) and prints what it rendered.
#
# Usage: Tests/Benchmarks/bench-charts.sh [count]     (default 1000)
# IRSITE_SCRATCH=/some/dir builds there instead of .build.
set -euo pipefail
count="${1:-1000}"
cd "$(dirname "$0")/../.."
flags=(-c release)
if [ -n "${IRSITE_SCRATCH:-}" ]; then flags+=(--scratch-path "$IRSITE_SCRATCH"); fi

swift build "${flags[@]}" --product irsite-bench >/dev/null
bin="$(swift build "${flags[@]}" --show-bin-path)/irsite-bench"

start=$(date +%s.%N)
"$bin" charts --count "$count"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$count" \
    'BEGIN { t = e - s; printf "%d charts in %.3f s (%.3f ms per chart, including process start)\n", n, t, 1000 * t / n }'
