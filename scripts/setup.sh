#!/usr/bin/env bash
# Install everything Baton needs to build, serve, test and benchmark.
# Idempotent: every step checks first and skips what is already present.
# Only crates.io, npm and Debian package registries are used.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk)

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

SECONDS=0

# ---------------------------------------------------------------------------
# 1. Rust wasm target
# ---------------------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found (expected rustup's toolchain in ~/.cargo/bin)"
if rustup target list --installed 2>/dev/null | grep -qx 'wasm32-unknown-unknown'; then
  log "wasm32-unknown-unknown target: present"
else
  log "wasm32-unknown-unknown target: installing"
  rustup target add wasm32-unknown-unknown
fi

# ---------------------------------------------------------------------------
# 2. Debian packages (Chromium for e2e tests, CJK fonts for screenshots)
# ---------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]} == 0)); then
  log "apt packages (${APT_PACKAGES[*]}): present"
else
  log "apt packages: installing ${missing[*]}"
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${missing[*]}"
    SUDO=(sudo)
  fi
  "${SUDO[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

# ---------------------------------------------------------------------------
# 3. wasm-opt from npm binaryen (project-local .tools/), never Debian's binaryen
# ---------------------------------------------------------------------------
binaryen_installed() {
  [[ -x .tools/node_modules/.bin/wasm-opt ]] || return 1
  local v
  v="$(node -p "require('./.tools/node_modules/binaryen/package.json').version" 2>/dev/null)" || return 1
  [[ "$v" == "$BINARYEN_VERSION" ]]
}
if binaryen_installed; then
  log "wasm-opt (npm binaryen@$BINARYEN_VERSION in .tools/): present"
else
  log "wasm-opt: installing npm binaryen@$BINARYEN_VERSION into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --save-exact --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
  binaryen_installed || die "binaryen@$BINARYEN_VERSION did not install into .tools/"
fi
wasm_opt_path="$(command -v wasm-opt || true)"
[[ "$wasm_opt_path" == "$BATON_ROOT/.tools/node_modules/.bin/wasm-opt" ]] \
  || die "wasm-opt on PATH is '$wasm_opt_path', expected .tools/node_modules/.bin/wasm-opt"

# ---------------------------------------------------------------------------
# 4. npm dev dependencies for e2e tests and benchmarks (repo root package.json)
# ---------------------------------------------------------------------------
npm_stamp() { cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1; }
stamp_file=node_modules/.baton-setup-stamp
if [[ -d node_modules && -f "$stamp_file" && -f package-lock.json && "$(cat "$stamp_file")" == "$(npm_stamp)" ]]; then
  log "npm dev dependencies (node_modules): up to date"
else
  if [[ -f package-lock.json ]]; then
    log "npm dev dependencies: npm ci"
    npm ci --no-audit --no-fund
  else
    log "npm dev dependencies: npm install (no package-lock.json yet)"
    npm install --no-audit --no-fund
  fi
  npm_stamp >"$stamp_file"
fi

# ---------------------------------------------------------------------------
# 5. wasm-bindgen CLI at exactly the Cargo.lock version of wasm-bindgen
# ---------------------------------------------------------------------------
[[ -f Cargo.lock ]] || die "Cargo.lock not found: it pins the wasm-bindgen version"
WASM_BINDGEN_VERSION="$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/^version = "|"$/, ""); print; exit }
  /^\[\[package\]\]/ { found = 0 }
' Cargo.lock)"
[[ -n "$WASM_BINDGEN_VERSION" ]] || die "could not read the wasm-bindgen version from Cargo.lock"

if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  log "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  log "wasm-bindgen-cli $WASM_BINDGEN_VERSION: installing (a few minutes)"
  if ! cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked; then
    log "wasm-bindgen-cli: --locked install failed; retrying without --locked"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]] \
    || die "wasm-bindgen --version does not report $WASM_BINDGEN_VERSION after install"
fi

# ---------------------------------------------------------------------------
# 6. Trunk (pinned: 0.22.x needs a newer rustc than 1.95)
# ---------------------------------------------------------------------------
trunk_ok() { [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; }
# Another process may be installing Trunk right now: wait for it rather than
# starting a second build. The pattern only matches a cargo process itself,
# not a shell whose command line merely mentions it.
trunk_install_running() { pgrep -f '(^|/)cargo install trunk' >/dev/null 2>&1; }
if ! trunk_ok && trunk_install_running; then
  log "trunk: another 'cargo install trunk' is running; waiting for it to finish"
  waited=0
  while trunk_install_running; do
    sleep 10
    waited=$((waited + 10))
    if ((waited % 60 == 0)); then log "trunk: still waiting (${waited}s)"; fi
    if ((waited >= 3600)); then die "gave up waiting for the other trunk install after ${waited}s"; fi
  done
fi
if trunk_ok; then
  log "trunk $TRUNK_VERSION: present"
else
  log "trunk $TRUNK_VERSION: installing (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
  trunk_ok || die "trunk --version does not report $TRUNK_VERSION after install"
fi

# ---------------------------------------------------------------------------
# 7. wasm-split-cli (crate wasm_split_cli_support): the Trunk post-build hook
#    scripts/split-wasm.mjs cuts the build into on-demand pages with it
# ---------------------------------------------------------------------------
WASM_SPLIT_VERSION="0.2.4"
wasm_split_ok() {
  command -v wasm-split-cli >/dev/null 2>&1 \
    && cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"
}
if wasm_split_ok; then
  log "wasm-split-cli $WASM_SPLIT_VERSION: present"
else
  log "wasm-split-cli $WASM_SPLIT_VERSION: installing (about 2 minutes)"
  # Its own target dir: not the project's CARGO_TARGET_DIR.
  env -u CARGO_TARGET_DIR cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
  wasm_split_ok || die "wasm-split-cli $WASM_SPLIT_VERSION is not installed after cargo install"
fi

# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------
log "tools: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, $(wasm-opt --version 2>/dev/null | head -n1), node $(node --version), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?')"
if [[ -x /usr/bin/wasm-opt ]]; then
  log "note: /usr/bin/wasm-opt (Debian binaryen) exists; it is shadowed by .tools/ on PATH"
fi
log "done in ${SECONDS}s"
