#!/usr/bin/env bash
# Installs, once per machine, the pinned tools Passerelle builds and tests with. Each step is
# skipped when the right version is already there. Only package registries are used: crates.io,
# npm and Debian. Nothing downloads a prebuilt binary from anywhere else.
#
#   scripts/install-tools.sh            build tools (make run)
#   scripts/install-tools.sh --browser  also Chromium + chromedriver (make test)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
BINARYEN_VERSION=132
# The accessibility checker the browser tests inject into pages, and Lighthouse for
# scripts/page-budget.py (npm; both use Debian's Chromium, neither downloads a browser).
AXE_VERSION=4.10.2
LIGHTHOUSE_VERSION=12.2.3
TOOLS_DIR="${PASSERELLE_TOOLS_DIR:-$HOME/.cache/passerelle-tools}"
# wasm-bindgen's CLI must match the wasm-bindgen crate exactly (pinned in Cargo.toml).
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)

say() { printf '==> %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (once per machine, about 15 minutes on 2 cores)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file pins a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
  mkdir -p "$TOOLS_DIR"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION"
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and chromedriver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  npm_version() { node -p "require('$TOOLS_DIR/node_modules/$1/package.json').version" 2>/dev/null; }
  if [ "$(npm_version axe-core)" != "$AXE_VERSION" ] || [ "$(npm_version lighthouse)" != "$LIGHTHOUSE_VERSION" ]; then
    say "installing axe-core $AXE_VERSION and Lighthouse $LIGHTHOUSE_VERSION from npm"
    mkdir -p "$TOOLS_DIR"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" \
      "axe-core@$AXE_VERSION" "lighthouse@$LIGHTHOUSE_VERSION"
  fi
fi
say "tools ready"
