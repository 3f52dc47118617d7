#!/usr/bin/env bash
# Release-builds the app, serves dist/ on loopback and takes headless Chromium
# screenshots: English and Korean at desktop width, and a 390 px phone width.
# Usage: scripts/screenshot.sh [OUT_DIR]   (default target/screenshots)
#        ONLY='shop-*' SKIP_BUILD=1 scripts/screenshot.sh OUT   only the shots whose name matches
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:${TOOLS_PREFIX:-$HOME/.local}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
out="${1:-target/screenshots}"
mkdir -p "$out"
[ -n "${SKIP_BUILD:-}" ] || scripts/build.sh >/dev/null
port=8097
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
shot() { # name width height query [dark]
  [[ -z "${ONLY:-}" || "$1" == $ONLY ]] || return 0
  local theme=()
  # prefers-color-scheme: dark (the stylesheet's dark theme).
  [ -z "${5:-}" ] || theme=(--force-dark-mode --blink-settings=preferredColorScheme=0)
  chromium --headless "${theme[@]}" --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$(mktemp -d)" \
    --window-size="$2,$3" --virtual-time-budget=${BUDGET_MS:-6000} --screenshot="$out/$1.png" \
    "http://127.0.0.1:$port/$4" >/dev/null 2>&1
  echo "$out/$1.png"
}
# tab=… skips the first visit's welcome (shot on its own below).
shot desktop-en 1280 800 "?lang=en&preset=shop&play=1&tab=inspector"
shot desktop-ko 1280 800 "?lang=ko&preset=shop&play=1&tab=inspector"
shot phone-en 390 844 "?lang=en&play=1&tab=inspector"
shot phone-ko 390 844 "?lang=ko&play=1&tab=inspector"
shot welcome-en 1280 800 "?lang=en"
shot welcome-ko 390 844 "?lang=ko"
# Each chapter's first question, in both languages, desktop and phone.
for q in ch1:2 ch2:2 ch3:1 ch4:1 ch5:2 ch6:2; do
  for lang in en ko; do
    shot "lesson-${q%%:*}-$lang" 1280 900 "?lesson=${q%%:*}&step=${q##*:}&lang=$lang"
    shot "lesson-${q%%:*}-$lang-phone" 390 844 "?lesson=${q%%:*}&step=${q##*:}&lang=$lang"
  done
done
shot embed-800 800 600 "?lesson=ch2&step=3&lang=ko&embed=1"
shot embed-390 390 700 "?lesson=ch2&step=3&lang=en&embed=1"
shot stress-en 1600 1000 "?lang=en&preset=stress&play=1&tab=inspector"
# The shop: two topics (clicks, payments) on one stage, desktop and phone, light and dark.
for lang in en ko; do
  for theme in light dark; do
    dark=""; [ "$theme" = light ] || dark=1
    shot "shop-$lang-$theme" 1440 900 "?lang=$lang&preset=shop&play=1&tab=inspector" $dark
    shot "shop-$lang-$theme-phone" 390 844 "?lang=$lang&preset=shop&play=1&tab=inspector" $dark
  done
done
# The Brokers tab (bytes in/out, disk, leaders) on the shop, and chapter 1's diagrams.
for lang in en ko; do
  shot "brokers-$lang" 1440 1900 "?lang=$lang&preset=shop&play=1&tab=brokers"
  shot "brokers-$lang-phone-dark" 390 3000 "?lang=$lang&preset=shop&play=1&tab=brokers" 1
  shot "ch1-direct-$lang" 1280 900 "?lesson=ch1&step=1&lang=$lang"
  shot "ch1-hub-$lang-phone" 390 844 "?lesson=ch1&step=4&lang=$lang"
done
