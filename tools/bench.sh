#!/usr/bin/env bash
# The benchmarks of issue 14 (tools/bench.py): Anyqtama beside the peers in ../shared/peers, in one
# run. Builds the release binary; installs the peers' tools when run as root (LibreOffice Writer
# and the PT fonts, sqlite3, valgrind) and openpyxl in a venv; prints the table of ratios.
#   tools/bench.sh                 BENCH_CASES=100000 BENCH_REPS=5 by default; BENCH_MILLION=1 adds
#                                  the one-million-case search (its store takes ~17 min once)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
debs=(libreoffice-writer-nogui fonts-paratype sqlite3 valgrind python3-venv time)
missing=()
for d in "${debs[@]}"; do dpkg -s "$d" >/dev/null 2>&1 || missing+=("$d"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  else
    echo "missing Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2; exit 1
  fi
fi
venv="$TARGET/bench-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check openpyxl==3.1.5
cargo build --release -q -p anyqtama-cli
BENCH_PYTHON="$venv/bin/python" exec "$venv/bin/python" tools/bench.py
