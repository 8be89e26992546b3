#!/usr/bin/env bash
# Installs what motcua needs to build, run and test, from Debian packages and the npm registry.
# Idempotent and quiet when everything is present; non-interactive (CI has no terminal).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages, one per line: what builds, tests and runs motcua.
packages=(
  build-essential cmake pkg-config git ca-certificates curl
  clang clang-format libclang-rt-14-dev lld
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  nlohmann-json3-dev libcpp-httplib-dev libssl-dev
  libsqlite3-dev sqlite3
  libpq-dev postgresql postgresql-contrib
  libsodium-dev
  libcurl4-openssl-dev libjemalloc-dev
  libicu-dev
  libxlsxwriter-dev libzip-dev libexpat1-dev
  libcairo2-dev libpango1.0-dev libqrencode-dev fonts-noto-core poppler-utils zbar-tools
  chromium
  nodejs npm
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# A node from elsewhere on PATH is good enough; do not replace it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do
    case "$p" in nodejs|npm) ;; *) filtered+=("$p") ;; esac
  done
  missing=("${filtered[@]}")
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages of each folder with a package.json (test helpers, the web UI).
for dir in tools/js web; do
  [ -f "$dir/package.json" ] || continue
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package.json" -nt "$dir/node_modules" ] ||
     { [ -f "$dir/package-lock.json" ] && [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; }; then
    echo "install-deps: npm packages in $dir"
    if [ -f "$dir/package-lock.json" ]; then
      # The registry reached here lacks some platforms' optional packages (rollup's), so a lock
      # written here omits them and `npm ci` calls it out of sync; `npm install` then installs
      # the locked versions all the same.
      (cd "$dir" && { npm ci --no-audit --no-fund --loglevel=silent >/dev/null 2>&1 ||
                      npm install --no-audit --no-fund --loglevel=error >/dev/null; })
    else
      (cd "$dir" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
    fi
    touch "$dir/node_modules"
  fi
done
