#!/usr/bin/env bash
# Installs what this project needs, and only what is missing. Idempotent; about
# 1 s when everything is already there, ~10 min on a fresh Debian machine (almost
# all of it building trunk and wasm-bindgen-cli). See docs/toolchain.md.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14            # 0.22 needs rustc >= 1.96.1
BINARYEN_NPM_VERSION=132.0.0     # gives wasm-opt version_132 (Trunk.toml [tools].wasm_opt)
PLAYWRIGHT_CORE_VERSION=1.65.2   # drives the system Chromium in tests/embed.mjs (no browser download)
AXE_CORE_VERSION=4.14.1          # the accessibility rules tests/a11y.mjs injects (one JS file, no dependencies)
TOOLS_PREFIX="${TOOLS_PREFIX:-$HOME/.local}"
export PATH="$HOME/.cargo/bin:$TOOLS_PREFIX/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31msetup: %s\033[0m\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo not found. Fix: install Rust with rustup (https://rustup.rs), then re-run."
command -v rustup >/dev/null || die "rustup not found: the wasm32 target is installed through rustup. Fix: install Rust with rustup."

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '$0=="name = \"wasm-bindgen\""{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || die "no wasm-bindgen entry in Cargo.lock. Fix: run 'cargo generate-lockfile' at the project root."

# 1. System packages: Chromium + chromedriver for browser tests and screenshots,
#    CJK fonts so Korean labels render in screenshots.
missing_pkgs=()
command -v chromium >/dev/null || missing_pkgs+=(chromium)
command -v chromedriver >/dev/null || missing_pkgs+=(chromium-driver)
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing_pkgs+=(fonts-noto-cjk)
if [ ${#missing_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing_pkgs[*]} with apt-get (about 1 min)"
    apt-get update -qq || die "apt-get update failed. Fix: check the Debian mirror in /etc/apt/sources.list."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing_pkgs[@]}" fonts-dejavu-core >/dev/null \
      || die "apt-get install ${missing_pkgs[*]} failed. Fix: run it by hand to see why."
  else
    die "missing ${missing_pkgs[*]}. Fix: sudo apt-get install ${missing_pkgs[*]}"
  fi
fi

# 2. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target (a few seconds)"
  rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown failed."
fi

# 2b. The standard library's source: scripts/build.sh rebuilds std for size (-Zbuild-std).
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "adding the rust-src component (a few seconds)"
  rustup component add rust-src || die "rustup component add rust-src failed."
fi

# 3. trunk, pinned.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "building trunk $TRUNK_VERSION (about 7 min on 2 cores)"
  cargo install trunk --version "=$TRUNK_VERSION" --locked \
    || die "cargo install trunk $TRUNK_VERSION failed (see above). Fix: check that crates.io is reachable."
fi

# 4. wasm-bindgen-cli at exactly the Cargo.lock version (gives wasm-bindgen-test-runner too).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 min on 2 cores)"
  # --locked can fail when the CLI's own lock file names a crate version the
  # registry lacks; the unlocked build works (TOOLCHAIN.md, pitfall 2).
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" \
    || die "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION failed (see above)."
fi

# 5. wasm-opt from npm's binaryen (Debian's binaryen 108 cannot read current wasm).
if ! wasm-opt --version 2>/dev/null | grep -q "(version_${BINARYEN_NPM_VERSION%%.*})"; then
  command -v npm >/dev/null || die "npm not found; it installs wasm-opt. Fix: apt-get install nodejs npm"
  say "installing wasm-opt (npm binaryen@$BINARYEN_NPM_VERSION, a few seconds)"
  npm install --global --prefix "$TOOLS_PREFIX" --no-audit --no-fund --silent "binaryen@$BINARYEN_NPM_VERSION" \
    || die "npm install binaryen@$BINARYEN_NPM_VERSION failed. Fix: check that the npm registry is reachable."
  wasm-opt --version | grep -q "(version_${BINARYEN_NPM_VERSION%%.*})" \
    || die "wasm-opt on PATH is $(command -v wasm-opt), not version_${BINARYEN_NPM_VERSION%%.*}. Fix: put $TOOLS_PREFIX/bin before /usr/bin on PATH."
fi

# 5b. playwright-core for the host-page browser test (tests/embed.mjs); it uses the
#     system Chromium and never downloads a browser.
PW_DIR="$TOOLS_PREFIX/lib/node_modules/playwright-core"
if ! grep -q "\"version\": \"$PLAYWRIGHT_CORE_VERSION\"" "$PW_DIR/package.json" 2>/dev/null; then
  say "installing playwright-core@$PLAYWRIGHT_CORE_VERSION (npm, a few seconds)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --global --prefix "$TOOLS_PREFIX" --no-audit --no-fund --silent \
    "playwright-core@$PLAYWRIGHT_CORE_VERSION" \
    || die "npm install playwright-core@$PLAYWRIGHT_CORE_VERSION failed. Fix: check that the npm registry is reachable."
fi

# 5c. axe-core for the accessibility audit (tests/a11y.mjs), next to playwright-core.
AXE_DIR="$TOOLS_PREFIX/lib/node_modules/axe-core"
if ! grep -q "\"version\": \"$AXE_CORE_VERSION\"" "$AXE_DIR/package.json" 2>/dev/null; then
  say "installing axe-core@$AXE_CORE_VERSION (npm, a few seconds)"
  npm install --global --prefix "$TOOLS_PREFIX" --no-audit --no-fund --silent "axe-core@$AXE_CORE_VERSION" \
    || die "npm install axe-core@$AXE_CORE_VERSION failed. Fix: check that the npm registry is reachable."
fi

# 6. Crate sources, so trunk's offline cargo build works.
cargo fetch --locked -q 2>/dev/null || {
  say "fetching crate sources (cargo fetch --locked)"
  cargo fetch --locked || die "cargo fetch --locked failed. Fix: if Cargo.toml changed, run 'cargo generate-lockfile' and commit Cargo.lock."
}

# 7. The std crates' own dependencies (dlmalloc, hashbrown, …), so scripts/build.sh's
#    offline -Zbuild-std build works. RUSTC_BOOTSTRAP=1 enables -Z on stable for this
#    command only.
RUSTC_BOOTSTRAP=1 cargo fetch --locked -q -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown 2>/dev/null || {
  say "fetching the standard library's dependencies (cargo fetch -Zbuild-std)"
  RUSTC_BOOTSTRAP=1 cargo fetch --locked -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown \
    || die "cargo fetch -Zbuild-std failed (see above). Fix: check that crates.io is reachable and rust-src is installed."
}

say "ok: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | sed 's/.*(\(.*\))/\1/'), $(chromedriver --version | cut -d' ' -f1-2)"
