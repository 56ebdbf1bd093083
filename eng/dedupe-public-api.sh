#!/usr/bin/env bash
# After a union merge, PublicAPI files may hold a line twice (RS0025): keep one of each, sorted.
set -euo pipefail
cd "$(dirname "$0")/.."
for f in src/*/PublicAPI.*.txt; do
  { echo "#nullable enable"; { grep -v '^#nullable enable$' "$f" || true; } | { grep -v '^$' || true; } | LC_ALL=C sort -u; } > "$f.tmp" && mv "$f.tmp" "$f"
done
