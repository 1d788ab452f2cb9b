#!/usr/bin/env bash
# The HTML report as people read it: Dorotea's annual report 2024 and Copenhagen's council report
# 2023 in headless Chromium at a phone's width (390 px) and a laptop's (1280 px), and printed to
# PDF (A4 landscape). The pictures are kept as artifacts for a person to look at; the layout itself
# is covered by the report tests (tables become cards on narrow screens, nothing external).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${PEJL_REPORT_ARTIFACTS:-target/report-screenshots}
mkdir -p "$OUT"
if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
fi
PEJL=${PEJL:-target/release/pejl}
[ -x "$PEJL" ] || cargo build --release --locked --bin pejl
"$PEJL" report examples/dorotea.pejl --data examples/data/dorotea.csv --data examples/data/dorotea-aktiviteter.csv --year 2024 --report annual -o "$OUT/dorotea-2024.html"
"$PEJL" report examples/kobenhavn.pejl --data examples/data/kobenhavn.csv \
  --data examples/data/kobenhavn-aul01.csv --data examples/data/kobenhavn-uddakt20.csv \
  --statbank-map examples/data/kobenhavn-statbank.json --year 2023 --report br -o "$OUT/kobenhavn-2023.html"
chrome() { timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>/dev/null; }
for report in dorotea-2024 kobenhavn-2023; do
  page="file://$PWD/$OUT/$report.html"
  chrome --window-size=390,3000 --screenshot="$OUT/$report-390.png" "$page"
  chrome --window-size=1280,2000 --screenshot="$OUT/$report-1280.png" "$page"
  chrome --print-to-pdf="$OUT/$report.pdf" --no-pdf-header-footer "$page"
done
ls -l "$OUT"
