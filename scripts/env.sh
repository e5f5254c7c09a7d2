# shellcheck shell=bash
# Source this file (do not execute it): `source scripts/env.sh`.
# It puts the project's tools first on PATH so that Trunk finds the pinned
# wasm-bindgen (~/.cargo/bin) and the npm wasm-opt (.tools/node_modules/.bin)
# instead of downloading anything or picking up Debian's broken binaryen.
# Safe to source more than once.

BATON_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BATON_ROOT

_baton_cargo_bin="${CARGO_HOME:-${HOME:-/root}/.cargo}/bin"
_baton_tools_bin="$BATON_ROOT/.tools/node_modules/.bin"

# Drop earlier copies of our two entries, then prepend them (idempotent).
_baton_path=":${PATH:-}:"
_baton_path="${_baton_path//:$_baton_tools_bin:/:}"
_baton_path="${_baton_path//:$_baton_cargo_bin:/:}"
_baton_path="${_baton_path#:}"
_baton_path="${_baton_path%:}"
export PATH="$_baton_tools_bin:$_baton_cargo_bin${_baton_path:+:$_baton_path}"
unset _baton_path _baton_cargo_bin _baton_tools_bin

# Trunk: no update check against the network.
export TRUNK_SKIP_VERSION_CHECK=true
# Browsers for tests (Debian packages; never downloaded).
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
