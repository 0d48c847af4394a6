#!/usr/bin/env bash
# Writes `ehcp check --format json` (and the exit status) for every sample
# plan, every held-out plan and every 5th file of the wild corpus into DIR,
# so that a speed change can be proven not to change a single finding:
#
#   addin/bench/findings-snapshot.sh /tmp/before     # on the old commit
#   addin/bench/findings-snapshot.sh /tmp/after      # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
#
# EHCP: the binary to run (default: a debug build of the CLI, built here).
# Set EHCP_FEATURES=ehcp-core/lite-regex to check with regex-lite natively,
# the engine of the add-in's WebAssembly.
set -euo pipefail
out=${1:?usage: findings-snapshot.sh DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${EHCP_SHARED:-}
if [ -z "$shared" ]; then
  d=$root
  while [ "$d" != / ]; do
    if [ -d "$d/shared/corpus/wild" ]; then shared=$d/shared; break; fi
    d=$(dirname "$d")
  done
fi
if [ -z "${EHCP:-}" ]; then
  target=$(cd "$root" && realpath -m "${CARGO_TARGET_DIR:-target}")
  (cd "$root" && cargo build -q --bin ehcp ${EHCP_FEATURES:+--features "$EHCP_FEATURES"})
  EHCP=$target/debug/ehcp
fi
mkdir -p "$out"
files=("$root"/samples/*.docx "$root"/tests/heldout/*.docx)
if [ -n "$shared" ]; then
  mapfile -t wild < <(cd "$shared/corpus/wild" && find . -name '*.docx' | LC_ALL=C sort | awk 'NR % 5 == 1')
  for w in "${wild[@]}"; do files+=("$shared/corpus/wild/${w#./}"); done
fi
n=0
for f in "${files[@]}"; do
  name=${f#"$root"/}
  name=${name#"$shared"/}
  name=${name//\//__}
  # Relative to its own folder, so the JSON's file name does not depend on
  # where the worktree is.
  rc=0
  (cd "$(dirname "$f")" && "$EHCP" check --format json "$(basename "$f")") >"$out/$name.json" 2>"$out/$name.err" || rc=$?
  echo "$rc" >"$out/$name.rc"
  n=$((n + 1))
done
echo "$n files checked into $out" >&2
