#!/usr/bin/env bash
# Installs what FOI Desk needs to build, run and test on Debian 12.
# Safe to run again: apt-get skips what is already there.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev qt6-charts-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libgl-dev
    fonts-liberation2 fonts-dejavu-core
    poppler-utils qpdf
    qt6-pdf-dev zlib1g-dev libminizip-dev libdtl-dev
    xvfb xauth
    sqlite3
    desktop-file-utils appstream
    chromium
)
# The accessibility test (tests/a11y) runs on node; Debian's nodejs and npm unless a node is
# already installed from elsewhere.
if ! command -v node >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

a11y_modules() {
    # The pinned axe-core, puppeteer-core and html-validate of tests/a11y/package-lock.json.
    local here
    here=$(cd "$(dirname "$0")/.." && pwd)/tests/a11y
    if [ ! -d "$here/node_modules/axe-core" ]; then
        echo "install-deps: npm ci in tests/a11y"
        (cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund)
    fi
}

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: everything is already installed"
    a11y_modules
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
a11y_modules
