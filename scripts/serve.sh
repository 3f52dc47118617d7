#!/usr/bin/env bash
# Installs the toolchain if needed, then serves the visualiser on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:${TOOLS_PREFIX:-$HOME/.local}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
echo "Kafka Visualiser: open http://127.0.0.1:8080/ (Ctrl-C stops the server)"
exec trunk serve "$@"
