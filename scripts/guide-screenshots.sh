#!/usr/bin/env bash
# Remakes the pictures of the user guide (docs/guide/*.png) from the real window, so that the
# guide shows the program as it is. Draws on a virtual display (xvfb-run) of a fixed size, with
# a fresh home folder, so the pictures never depend on the machine or on anyone's settings.
#
#   scripts/guide-screenshots.sh [BUILD_DIR]      (default: build/ci)
#
# Commit the pictures it writes; the test tst_help checks that every picture the guide shows
# exists.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake --preset ci
fi
cmake --build "$build" --target guide_screenshots tst_reviewui

if ! command -v xvfb-run > /dev/null; then
    echo "guide-screenshots: xvfb-run is missing (apt-get install xvfb)" >&2
    exit 1
fi

# A fixed, throw-away home folder, so that the log path in the pictures is the same each time.
work=${TMPDIR:-/tmp}/foidesk-guide
home=$work/officer
rm -rf "$work"
mkdir -p "$home"
mkdir -m 700 "$work/runtime"
trap 'rm -rf "$work"' EXIT
mkdir -p docs/guide
env -i PATH="$PATH" HOME="$home" XDG_RUNTIME_DIR="$work/runtime" \
    LANG=en_GB.UTF-8 LC_ALL=C.UTF-8 TZ=Europe/London \
    QT_QPA_PLATFORM=xcb QT_LOGGING_RULES="qt.qpa.*=false" \
    xvfb-run -a -s "-screen 0 1366x768x24 -dpi 96" \
    "$build/tests/ui/guide_screenshots" docs/guide

# The review pictures come from the two-person review test, at the moments the guide describes.
mkdir -p "$work/review"
env -i PATH="$PATH" HOME="$home" XDG_RUNTIME_DIR="$work/runtime" \
    LANG=en_GB.UTF-8 LC_ALL=C.UTF-8 TZ=Europe/London \
    QT_QPA_PLATFORM=xcb QT_LOGGING_RULES="qt.qpa.*=false" FOIDESK_SCREENSHOT_DIR="$work/review" \
    xvfb-run -a -s "-screen 0 1366x768x24 -dpi 96" \
    "$build/tests/ui/tst_reviewui" twoPeopleReviewOneRequest > /dev/null
cp "$work/review/review-diff-supervisor.png" docs/guide/review.png
cp "$work/review/review-history.png" docs/guide/history.png
