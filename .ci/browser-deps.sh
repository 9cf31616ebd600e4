#!/usr/bin/env bash
# Make sure the browser tests have Debian's Chromium and axe-core; install them when we can.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium: run 'sudo apt-get install chromium' (they are skipped until then)." >&2
  fi
fi
if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/typescript/bin/tsc ]; then
  if command -v npm >/dev/null 2>&1; then
    npm ci --silent --no-audit --no-fund >/dev/null 2>&1 || npm install --silent --no-audit --no-fund >/dev/null
  else
    echo "The accessibility tests need npm to fetch axe-core (they are skipped until then)." >&2
  fi
fi
