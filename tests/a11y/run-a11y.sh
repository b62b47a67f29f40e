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

# The redacted fixtures (withheld passages, requester details) taken through the day's work:
# a profile with everything a final letter needs, the final letter exported (and so release
# checked), then marked sent. Each fixture is copied with its letter marked final and its
# status open, as a request is before it is sent.
mkdir -p "$work/in" "$work/letters"
node -e '
const fs = require("fs");
const [src, dst] = process.argv.slice(1);
for (const name of fs.readdirSync(src).filter((n) => n.endsWith(".json"))) {
  const request = JSON.parse(fs.readFileSync(`${src}/${name}`, "utf8"));
  request.letter_final = true;
  request.status = "in_progress";
  fs.writeFileSync(`${dst}/${name}`, JSON.stringify(request));
}' "$data/redacted" "$work/in"
"$foidesk" --db "$db" settings import "$data/profiles/test-authority.json" >/dev/null
"$foidesk" --db "$db" import "$work"/in/*.json >/dev/null
for file in "$work"/in/*.json; do
    ref=$(basename "$file" .json)
    "$foidesk" --db "$db" export-pdf "$ref" -o "$work/letters/$ref.pdf" >/dev/null
    "$foidesk" --db "$db" mark-sent "$ref" --date 2024-06-03 >/dev/null
done
"$foidesk" --db "$db" publish --out "$work/site"

node "$here/check-site.mjs" "$work/site" "$work/screenshots"
echo "Screenshots: $work/screenshots"
