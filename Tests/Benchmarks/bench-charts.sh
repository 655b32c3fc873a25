#!/usr/bin/env bash
# Times rendering charts in release mode: `irsite bench-charts --count N`
# renders N sample charts (SVG + description + table) through
# IRSiteKit's ChartBenchmark.run(count:) and prints what it rendered.
#
# Usage: Tests/Benchmarks/bench-charts.sh [count]     (default 1000)
# IRSITE_SCRATCH=/some/dir builds there instead of .build.
set -euo pipefail
count="${1:-1000}"
cd "$(dirname "$0")/../.."
flags=(-c release)
if [ -n "${IRSITE_SCRATCH:-}" ]; then flags+=(--scratch-path "$IRSITE_SCRATCH"); fi

swift build "${flags[@]}" --product irsite >/dev/null
bin="$(swift build "${flags[@]}" --show-bin-path)/irsite"

start=$(date +%s.%N)
if ! "$bin" bench-charts --count "$count"; then
    echo "bench-charts: irsite needs a (hidden) 'bench-charts --count N' subcommand calling ChartBenchmark.run(count:)" >&2
    exit 2
fi
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$count" \
    'BEGIN { t = e - s; printf "%d charts in %.3f s (%.3f ms per chart, including process start)\n", n, t, 1000 * t / n }'
