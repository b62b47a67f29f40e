#!/usr/bin/env bash
# The accessibility test of the published disclosure log (ctest: a11y_published_log).
# Publishes the requests of tests/data with the real command line, then checks the site with
# check-site.mjs. Exits 77 (skipped) only when node or Chromium is missing.
#
#   run-a11y.sh FOIDESK_BINARY TEST_DATA_DIR WORK_DIR
set -euo pipefail

foidesk=$1
data=$2
work=$3
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}

if ! command -v node >/dev/null 2>&1; then
    echo "SKIP: node is not installed (scripts/install-deps.sh installs it)"
    exit 77
fi
if [ ! -x "$chromium" ]; then
    echo "SKIP: Chromium is not installed at $chromium (scripts/install-deps.sh installs it)"
    exit 77
fi
if [ ! -d "$here/node_modules/axe-core" ] || [ ! -d "$here/node_modules/puppeteer-core" ]; then
    echo "a11y: installing the pinned checkers (npm ci)"
    (cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

rm -rf "$work"
mkdir -p "$work"
db="$work/log.sqlite"
export QT_QPA_PLATFORM=offscreen

# The fixtures are answered requests (status sent); those that withhold anything stay out
# until their letter is checked, which the gate reports.
"$foidesk" --db "$db" import "$data"/letters/*.json >/dev/null
"$foidesk" --db "$db" publish --out "$work/site"

node "$here/check-site.mjs" "$work/site" "$work/screenshots"
echo "Screenshots: $work/screenshots"
