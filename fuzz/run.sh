#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each (default 600) on one core, and prints
# each target's executions and findings. Usage: bash fuzz/run.sh [SECONDS] [TARGET...]
# Seeds: the committed corpus/format, the examples and fixtures, and two policies above
# 256 KiB (the two-thread parse), one whose middle falls inside a multibyte character.
set -u
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(analyze format reparse data_csv data_json data_statbank lsp_framing lsp_session)
bin=target/x86_64-unknown-linux-gnu/release
[ -x "$bin/analyze" ] || RUSTC_BOOTSTRAP=1 cargo fuzz build -O
mkdir -p corpus/{analyze,format,reparse,data_csv,data_json,data_statbank,lsp_framing,lsp_session} seeds artifacts
[ -f seeds/large-middle-in-o.pejl ] || python3 seeds.py
cp -n ../examples/*.pejl ../tests/fixtures/diagnostics/*.pejl corpus/analyze/ 2>/dev/null
cp -n ../tests/fixtures/data/*.csv ../tests/fixtures/activities/*.csv ../examples/data/*.csv corpus/data_csv/ 2>/dev/null
cp -n ../tests/fixtures/data/*.json ../examples/data/*.json corpus/data_json/ 2>/dev/null
cp -n ../tests/fixtures/data/statbank*.csv corpus/data_statbank/ 2>/dev/null
for t in "${targets[@]}"; do
  extra=()
  case $t in analyze|format) extra=(seeds) ;; esac
  log=artifacts/$t.log
  "$bin/$t" "corpus/$t" "${extra[@]}" -max_total_time="$seconds" -rss_limit_mb=4096 \
    -timeout=60 -max_len=1048576 -artifact_prefix="artifacts/$t-" >"$log" 2>&1
  status=$?
  runs=$(grep -oE "Done [0-9]+ runs" "$log" | grep -oE "[0-9]+" | tail -1)
  crashes=$(ls artifacts/ 2>/dev/null | grep -cE "^$t-(crash|leak|timeout|oom|slow-unit)" )
  echo "$t: exit $status, ${runs:-?} runs, $crashes artifacts ($(date -u +%H:%M))"
done
