#!/usr/bin/env bash
# Re-blesses the cross-platform trace hash in crates/sim/tests/determinism.rs
# after an intended change to the model (the wasm32 run must then agree).
set -euo pipefail
cd "$(dirname "$0")/.."
h=$( (cargo test -q -p kafka-sim --test determinism -- --nocapture 2>&1 || true) | grep -o "trace hash 0x[0-9a-f]*" | awk '{print $3}')
[ -n "$h" ] || { echo "no hash printed" >&2; exit 1; }
python3 - "$h" <<'PY'
import re, sys
h = sys.argv[1][2:].rjust(16, "0")
h = "0x" + "_".join(h[i:i + 4] for i in range(0, 16, 4))
p = "crates/sim/tests/determinism.rs"
s = open(p).read()
s = re.sub(r"const EXPECTED: u64 = 0x[0-9a-f_]+;", f"const EXPECTED: u64 = {h};", s)
open(p, "w").write(s)
print("EXPECTED =", h)
PY
