#!/usr/bin/env bash
# Times the window's start on a large log: the first start of the day (which makes the daily
# backup) and later starts. The log comes from bench_requestlog (50,000 requests by default).
#
#   tests/bench/startup.sh [BUILD_DIR] [RUNS] [LOG]
#
# BUILD_DIR defaults to build/release, RUNS to 5. Without LOG, bench_requestlog builds one and
# keeps it. Each start runs `foidesk --db LOG` under xvfb-run with FOIDESK_STARTUP_TRACE, which
# makes the window report when it first painted and when the day's backup finished, and quit.
# A first start of the day is made by removing today's daily backup before it.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
runs=${2:-5}
log=${3:-}
[ -n "${STARTUP_NO_BUILD:-}" ] || cmake --build "$build" --target foidesk bench_requestlog > /dev/null
if [ -z "$log" ]; then
    log=$("$build/tests/bench/bench_requestlog" --keep --repeat 1 2> /dev/null \
        | sed -n 's/^- The log was kept: //p')
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -m 700 "$work/runtime"
backups="$(dirname "$log")/$(basename "$log" .sqlite)-backups"

cat > "$work/run.sh" << EOS
for kind in first later; do
    for i in \$(seq $runs); do
        if [ \$kind = first ]; then rm -f "$backups"/*-daily-*.sqlite; fi
        sync
        start=\$(date +%s%3N)
        FOIDESK_STARTUP_TRACE=\$start timeout 120 "$build/app/foidesk" --db "$log" 2>&1 \
            | sed -n "s/^foidesk startup: \(.*\) after \([0-9]*\) ms/\$kind \1 \2/p"
    done
done
EOS
env HOME="$work" XDG_RUNTIME_DIR="$work/runtime" QT_LOGGING_RULES="qt.qpa.*=false" \
    xvfb-run -a -s "-screen 0 1366x768x24" bash "$work/run.sh" > "$work/times"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
worst() { sort -n | tail -1; }
echo "| Start | Runs | Window painted: median | worst | Daily backup finished: median | worst |"
echo "|---|---:|---:|---:|---:|---:|"
for kind in first later; do
    painted=$(awk -v k=$kind '$1==k && $2=="window" {print $NF}' "$work/times")
    backup=$(awk -v k=$kind '$1==k && $2=="daily" {print $NF}' "$work/times")
    label=$([ $kind = first ] && echo "First of the day (makes the backup)" || echo "Later the same day")
    echo "| $label | $runs | $(echo "$painted" | median) ms | $(echo "$painted" | worst) ms |" \
        "$(echo "$backup" | median) ms | $(echo "$backup" | worst) ms |"
done
