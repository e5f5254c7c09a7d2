#!/usr/bin/env bash
# Set up everything, then run every test:
#   1. native unit/integration tests (cargo test)
#   2. release build into dist/ (trunk build --release)
#   3. end-to-end tests in headless Chromium (node --test e2e/)
# Exits non-zero if any stage fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

stage() { printf '\n==== [test] %s ====\n' "$*"; }

stage "stage 0/3: setup (scripts/setup.sh)"
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

failed=()

stage "stage 1/3: native tests (cargo test)"
if ! cargo test; then
  failed+=("cargo test")
fi

stage "stage 2/3: release build into dist/ (trunk build --release)"
build_ok=1
if ! trunk build --release; then
  build_ok=0
  failed+=("trunk build --release")
fi

stage "stage 3/3: end-to-end tests (node --test e2e/)"
if ((build_ok)); then
  if ! node --test e2e/; then
    failed+=("e2e tests")
  fi
else
  echo "[test] skipped: the release build failed, so dist/ is not current"
  failed+=("e2e tests (skipped)")
fi

echo
if ((${#failed[@]})); then
  echo "==== [test] FAILED: ${failed[*]} ===="
  exit 1
fi
echo "==== [test] all stages passed ===="
