#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the running window:
# installs what is missing, builds, and starts FOI Desk on its default log
# (in the per-user data folder; pass --db FILE to open another).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh dev
exec build/dev/app/foidesk "$@"
