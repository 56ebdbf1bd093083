#!/usr/bin/env bash
# CI check that the committed mutation summaries (benchmarks/results/mutation/*.md, written by eng/mutation.sh) still
# describe the code. The rule: a summary names the commit it was measured at and the paths it covers; it is stale when
# more than MAX_CHANGED (default 10) C# files under those paths changed since that commit (git diff --name-only), and a
# stale summary fails the check. A commit this clone does not hold (a shallow clone) is a warning, not a failure.
# Areas without a summary yet are listed as not measured. Statistics may be summarised per folder (statistics-<Folder>.md,
# covering src/AiGovernance.Statistics/<Folder>); each summary is checked against the paths it names.
set -euo pipefail
cd "$(dirname "$0")/.."
max=${MAX_CHANGED:-10}
status=0
for area in statistics core-audit gates-approvals deployment-canary; do
  if ! compgen -G "benchmarks/results/mutation/$area.md" >/dev/null && ! compgen -G "benchmarks/results/mutation/$area-*.md" >/dev/null; then
    echo "mutation: $area not measured yet (no benchmarks/results/mutation/$area.md)"
  fi
done
# Statistics may be summarised as a whole (statistics.md) or folder by folder (statistics-<Folder>.md); every summary is checked.
for summary in benchmarks/results/mutation/*.md; do
  [[ -f "$summary" && "$(basename "$summary")" != README.md ]] || continue
  area=$(basename "$summary" .md)
  commit=$(sed -n 's/^Measured at commit: \([0-9a-f]\{40\}\)$/\1/p' "$summary")
  covers=$(sed -n 's/^Covers: //p' "$summary")
  if [[ -z "$commit" || -z "$covers" ]]; then
    echo "mutation: $summary names no commit or covered paths" >&2
    status=1
    continue
  fi
  if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "warning: mutation: $summary was measured at $commit, which this clone does not hold; not checked" >&2
    continue
  fi
  changed=$(git diff --name-only "$commit" HEAD -- $covers | grep -c '\.cs$' || true)
  if (( changed > max )); then
    echo "mutation: $summary is stale: $changed C# files under $covers changed since $commit (at most $max); rerun eng/mutation.sh --run ${area/#statistics-/statistics/}" >&2
    status=1
  else
    echo "mutation: $area summary current ($changed C# files changed since it was measured)"
  fi
done
exit $status
