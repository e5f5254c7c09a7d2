#!/usr/bin/env bash
# Set up everything, then serve the app at http://127.0.0.1:${PORT:-8080}.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

PORT="${PORT:-8080}"
echo "[serve] trunk serve --release at http://127.0.0.1:$PORT (Ctrl-C to stop)"
exec trunk serve --release --address 127.0.0.1 --port "$PORT"
