#!/usr/bin/env bash
# Times FOI Desk's PDF export beside LibreOffice converting the same letters, for
# docs/benchmarks.md ("Response letters to PDF"). Not a test: it reports numbers and the goals
# they meet or miss, and fails only when something cannot be run at all.
#
#   tests/bench/compare-libreoffice.sh [BUILD_DIR] [WORK_DIR]
#
# BUILD_DIR (default build/bench-letters) is configured as a Release build; WORK_DIR (default a
# new temporary folder) receives the letters, the PDF files and the raw timings. LETTERS=N
# changes the number of letters (default 1000). Debian or Ubuntu: LibreOffice Writer and
# hyperfine are installed with apt-get when missing; they are only needed here, so the project's
# own install script leaves them out.
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${1:-$source_dir/build/bench-letters}
work_dir=${2:-$(mktemp -d -t foidesk-letters-XXXXXX)}
# The script changes into the work folder, so both folders are made absolute first.
mkdir -p "$build_dir" "$work_dir"
build_dir=$(cd "$build_dir" && pwd)
work_dir=$(cd "$work_dir" && pwd)
letters=${LETTERS:-1000}
reference=EB-100000 # the first generated letter

say() { printf '\n== %s\n' "$*" >&2; }

if ! command -v soffice >/dev/null || ! command -v hyperfine >/dev/null; then
    say "Installing LibreOffice Writer (without a GUI) and hyperfine"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends \
        libreoffice-writer-nogui hyperfine
fi

say "Building foidesk and bench_letters (Release) in $build_dir"
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DFOIDESK_BUILD_TESTS=ON -DFOIDESK_BUILD_BENCH=ON >/dev/null
cmake --build "$build_dir" -j2 --target foidesk bench_letters
foidesk=$build_dir/app/foidesk
bench=$build_dir/tests/bench/bench_letters

mkdir -p "$work_dir"
cd "$work_dir"
rm -rf pdf fodt json single all lo-single lo-all lo-profile lo-fresh log.sqlite*

say "bench_letters: $letters letters through the bulk path, in one process"
"$bench" --letters "$letters" --out pdf --fodt fodt --json json --profile profile.json \
    | tee bench_letters.md

say "A log holding the same requests, with the same organisation profile"
"$foidesk" --db log.sqlite settings import profile.json
"$foidesk" --db log.sqlite import json/*.json >/dev/null

mkdir -p single lo-single
lo=(soffice "-env:UserInstallation=file://$work_dir/lo-profile" --headless --norestore)

say "One letter from the command line, process start included"
# LibreOffice sets up its user profile on its very first start; the warm-up does that, so every
# timed run is a new LibreOffice process on an existing profile (its usual cold start).
hyperfine --warmup 2 --runs 20 --export-csv single.csv --export-markdown single.md \
    -n "foidesk export-pdf" \
    "$foidesk --db log.sqlite export-pdf $reference -o single/foidesk.pdf" \
    -n "LibreOffice --convert-to pdf" \
    "${lo[*]} --convert-to pdf --outdir lo-single fodt/$reference.fodt"

say "One letter, LibreOffice's first start ever (a new user profile each run)"
hyperfine --runs 5 --export-csv first-start.csv \
    --prepare "rm -rf $work_dir/lo-fresh" \
    -n "LibreOffice first start" \
    "soffice -env:UserInstallation=file://$work_dir/lo-fresh --headless --norestore --convert-to pdf --outdir lo-single fodt/$reference.fodt"

say "$letters letters in one run"
hyperfine --runs 3 --export-csv bulk-foidesk.csv \
    --prepare "rm -rf $work_dir/all" \
    -n "foidesk export-pdf --all" \
    "$foidesk --db log.sqlite export-pdf --all --out-dir all"
# LibreOffice 7.4 ends a --convert-to run after 246 documents, with exit code 0 and the rest
# left unconverted, so the letters go to it in batches of 200, one run after the other.
batch=200
rm -rf batches && mkdir batches
(cd fodt && ls -- *.fodt) | sed 's|^|fodt/|' | split -l "$batch" - batches/part-
cat >lo-batches.sh <<SCRIPT
for list in batches/part-*; do
    ${lo[*]} --convert-to pdf --outdir lo-all \$(cat "\$list") >/dev/null
done
SCRIPT
hyperfine --runs 1 --export-csv bulk-libreoffice.csv \
    --prepare "rm -rf $work_dir/lo-all" \
    -n "LibreOffice batches" \
    "bash lo-batches.sh"
batches=$(find batches -type f | wc -l)

# The same letters on both sides: count the files and the pages of the first.
count_pdf() { find "$1" -maxdepth 1 -name '*.pdf' | wc -l; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
# The mean of the row named $2 in hyperfine's CSV $1, in seconds.
mean() { awk -F, -v name="$2" '$1 == name {print $2}' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
verdict() { awk -v r="$1" -v goal="$2" 'BEGIN {print (r >= goal ? "met" : "missed")}'; }
ms() { awk -v s="$1" 'BEGIN {printf "%.0f ms", s * 1000}'; }
seconds() { awk -v s="$1" 'BEGIN {printf "%.1f s", s}'; }

single_fd=$(mean single.csv "foidesk export-pdf")
single_lo=$(mean single.csv "LibreOffice --convert-to pdf")
first_lo=$(mean first-start.csv "LibreOffice first start")
bulk_fd=$(mean bulk-foidesk.csv "foidesk export-pdf --all")
bulk_lo=$(mean bulk-libreoffice.csv "LibreOffice batches")
# As if LibreOffice had converted them all in one run: one process start instead of $batches.
bulk_lo_one_start=$(awk -v t="$bulk_lo" -v s="$single_lo" -v n="$batches" 'BEGIN {print t - (n - 1) * s}')
single_ratio=$(ratio "$single_lo" "$single_fd")
bulk_ratio=$(ratio "$bulk_lo" "$bulk_fd")
bulk_ratio_one_start=$(ratio "$bulk_lo_one_start" "$bulk_fd")

cat <<EOF | tee summary.md

## Summary ($letters letters; work folder $work_dir)

| What | FOI Desk | LibreOffice | FOI Desk faster by | Goal | Result |
|---|---:|---:|---:|---|---|
| One letter, process start included (mean of 20) | $(ms "$single_fd") | $(ms "$single_lo") | ${single_ratio}x | 20x | $(verdict "$single_ratio" 20) |
| One letter, LibreOffice's first start ever (mean of 5) | $(ms "$single_fd") | $(ms "$first_lo") | $(ratio "$first_lo" "$single_fd")x | | |
| $letters letters (FOI Desk: one run, mean of 3; LibreOffice: $batches runs of $batch) | $(seconds "$bulk_fd") | $(seconds "$bulk_lo") | ${bulk_ratio}x | 5x | $(verdict "$bulk_ratio" 5) |
| The same, LibreOffice counted with one start instead of $batches | $(seconds "$bulk_fd") | $(seconds "$bulk_lo_one_start") | ${bulk_ratio_one_start}x | 5x | $(verdict "$bulk_ratio_one_start" 5) |
| Per letter in the bulk run | $(ms "$(awk -v s="$bulk_fd" -v n="$letters" 'BEGIN {print s / n}')") | $(ms "$(awk -v s="$bulk_lo" -v n="$letters" 'BEGIN {print s / n}')") | | | |

- Files: FOI Desk $(count_pdf all), LibreOffice $(count_pdf lo-all); pages of $reference: FOI Desk $(pages single/foidesk.pdf), LibreOffice $(pages lo-single/$reference.pdf)
- LibreOffice: $(soffice --version | head -n 1); hyperfine: $(hyperfine --version)
- Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)
EOF
