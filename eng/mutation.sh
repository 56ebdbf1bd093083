#!/usr/bin/env bash
# Mutation testing with Stryker.NET (issue #21): Statistics, Core's audit log, Gates' approvals, Deployment's canary
# analysis. Too slow for CI on 2 cores (every mutant reruns its test project), so it runs only when asked:
#
#   eng/mutation.sh --run [statistics|core-audit|gates-approvals|deployment-canary ...]   (default: all four)
#
# Each area's settings are in eng/mutation/<area>.json ("test-runner": "mtp" because the tests are xunit.v3 on
# Microsoft.Testing.Platform; coverage analysis off because per-test coverage under MTP reports covered mutants as
# NoCoverage). The summary of each run is written to benchmarks/results/mutation/<area>.md by eng/mutation/summarise.py:
# the commit and covered paths, the score, every survivor, and which survivors eng/mutation/equivalent.tsv judges
# equivalent (with the reason). eng/check-mutation-freshness.sh (run by CI) compares the summaries with the code.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--run" ]]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
shift
areas=("$@")
[[ ${#areas[@]} -eq 0 ]] && areas=(statistics core-audit gates-approvals deployment-canary)

declare -A project=(
  [statistics]=src/AiGovernance.Statistics
  [core-audit]=src/AiGovernance.Core
  [gates-approvals]=src/AiGovernance.Gates
  [deployment-canary]=src/AiGovernance.Deployment
)
declare -A covers=(
  [statistics]=src/AiGovernance.Statistics
  [core-audit]=src/AiGovernance.Core/Audit
  [gates-approvals]=src/AiGovernance.Gates/Approvals
  [deployment-canary]=src/AiGovernance.Deployment/Canary
)

dotnet tool restore
root=$(pwd)
status=0
for area in "${areas[@]}"; do
  [[ -n "${project[$area]:-}" ]] || { echo "unknown area '$area'" >&2; exit 2; }
  out=$(mktemp -d)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  (cd "${project[$area]}" && dotnet tool run dotnet-stryker --config-file "$root/eng/mutation/$area.json" --output "$out")
  report=$(find "$out" -name 'mutation-report.json' | head -n 1)
  /usr/bin/python3 eng/mutation/summarise.py --area "$area" --covers "${covers[$area]}" --report "$report" \
    --equivalent eng/mutation/equivalent.tsv --load "$load" --floor 85 \
    --out "benchmarks/results/mutation/$area.md" || status=1
  rm -rf "$out"
done
exit $status
