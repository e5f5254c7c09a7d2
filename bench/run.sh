#!/usr/bin/env bash
# Set up, build the release into dist/, then print benchmark figures
# (one `name: value` line each).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

echo "[bench] trunk build --release"
trunk build --release
echo "[bench] figures"
node bench/bench.mjs
