#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already
# installed at the right version. Safe to run any number of times.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
timed() { local start=$SECONDS; "$@"; say "  took $((SECONDS - start)) s"; }

# Rust: the wasm target and the lint/format components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  timed rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || timed rustup component add "$component"
done

# wasm-bindgen CLI: exactly the version Cargo.lock resolved, or the JS glue
# and the wasm disagree. (`--locked` fails against the registry mirror.)
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes about 5 minutes"
  timed cargo install wasm-bindgen-cli --version "=$want"
fi

# JavaScript tools (wasm-opt from npm binaryen, playwright-core, vite, tsc, ...)
# from the committed lock file.
if ! npm ls --depth=0 >/dev/null 2>&1; then
  say "installing npm packages from package-lock.json"
  timed npm ci --no-audit --no-fund
fi

# Debian's Chromium and ChromeDriver, for wasm tests in a browser and page tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian chromium and chromium-driver"
  sudo_=""
  [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  timed bash -c "$sudo_ apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq chromium chromium-driver brotli >/dev/null"
fi
if ! command -v brotli >/dev/null; then
  say "installing brotli (for the size check)"
  sudo_=""
  [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get install -y -qq brotli >/dev/null
fi
say "ready"
