#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a bounded time, from the seed corpus in
# fuzz/corpus/<name>/ (copied: the run's new inputs stay in the build directory). Fails on a crash,
# a leak or undefined behaviour; the reproducer is left in the build directory.
set -euo pipefail
build=${1:-build-asan}
seconds=${FUZZ_SECONDS:-12}
cd "$(dirname "$0")/.."
for fuzzer in "$build"/fuzz/*_fuzzer; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer" _fuzzer)
  corpus="$build/fuzz/corpus-$name"
  mkdir -p "$corpus"
  cp -n fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
  echo "fuzz: $name for ${seconds}s"
  (cd "$build/fuzz" && "./$(basename "$fuzzer")" -max_total_time="$seconds" -print_final_stats=1 \
      -rss_limit_mb=2048 "corpus-$name" 2>&1 | tail -n 12)
done
