#!/usr/bin/env bash
# Runs each cargo-fuzz target for SECONDS (default 300) on nightly Rust, keeping what it finds in
# fuzz/corpus/<target>/ (the corpora run as ordinary tests on stable: crates/app/tests/fuzz_corpora.rs).
#   tools/fuzz.sh [SECONDS] [TARGET...]      (cargo install cargo-fuzz first)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-300}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(bundle evaluate qr law_toml typed_values)
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "==> $t for ${secs}s"
  # A finding fails the run (pipefail); its input is kept under fuzz/artifacts/<target>/.
  cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=1048576 -rss_limit_mb=2048 2>&1 | tail -4
done
