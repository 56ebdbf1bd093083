#!/usr/bin/env bash
# Mutation testing with Stryker.NET (issue #21): Statistics, Core's audit log, Gates' approvals, Deployment's canary
# analysis. Too slow for CI on 2 cores (every mutant reruns its test project), so it runs only when asked:
#
#   eng/mutation.sh --run [statistics|statistics/<Folder>[,<Folder>...]|core-audit|gates-approvals|deployment-canary ...]
#
# (default: all four areas). statistics/<Folders> (e.g. statistics/Distances,Power) mutates only those folders of
# src/AiGovernance.Statistics and writes one summary per folder, statistics-<Folder>.md, so Statistics can be measured a
# few folders at a time (statistics/Root: the files directly in the project folder). Settings per area:
# eng/mutation/<area>.json. Stryker runs under `nice -n 5`, concurrency 2.
# Each area's mutants are tested against its own folder of the test project (Audit, Approvals, Canary, the Statistics
# folders named), which makes a mutant's test run seconds long; the score is a lower bound (MUTATION_ALL_TESTS=1: all).
# Runner: "mtp" (xunit.v3 on Microsoft.Testing.Platform) with coverage analysis off, so every mutant reruns all the
# tests of its folder(s). Tried and rejected (issue #21, 2026-12-06): per-test coverage under MTP reports covered mutants as
# NoCoverage; Stryker's VSTest runner (xunit.runner.visualstudio 4.0.1 + Microsoft.NET.Test.Sdk 18.12.0) runs the
# tests, but xunit.v3 runs them in a child process of the VSTest host, where neither coverage capture ("It looks like
# the test coverage capture failed") nor mutant activation reaches: core-audit came out with 0 killed, 52 survived
# (among them `expected != record.Hash`, which fails every valid chain) and 184 timeouts, i.e. no mutant was active.
# Raw reports are kept in artifacts/mutation/<part>.json (not committed). `--rerun-survivors <part>` re-runs only the
# spans of that part's survivors (Stryker's `mutate` text spans, {from..to} character offsets), after tests were added, and summarises the
# full report with the re-run's statuses laid over it.
# The summary of each run is written to benchmarks/results/mutation/<part>.md by eng/mutation/summarise.py: the commit
# and covered paths, the score, every survivor, and which survivors eng/mutation/equivalent.tsv judges equivalent (with
# the reason); benchmarks/results/mutation/README.md indexes them. eng/check-mutation-freshness.sh (run by CI) compares
# the summaries with the code.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
if [[ "$mode" != "--run" && "$mode" != "--rerun-survivors" ]]; then
  sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
shift
parts=("$@")
[[ ${#parts[@]} -eq 0 ]] && parts=(statistics core-audit gates-approvals deployment-canary)

declare -A project=(
  [statistics]=src/AiGovernance.Statistics
  [core-audit]=src/AiGovernance.Core
  [gates-approvals]=src/AiGovernance.Gates
  [deployment-canary]=src/AiGovernance.Deployment
)
# The test folders each area's mutants are tested against (AIGOV_MUTATION_TEST_FOLDERS, tests/Directory.Build.props):
# only those tests are compiled and rerun per mutant. MUTATION_ALL_TESTS=1 runs the whole test project instead.
declare -A test_folders=(
  [statistics]=""
  [core-audit]=Audit
  [gates-approvals]=Approvals
  [deployment-canary]=Canary
)
# Test files left out of an area's mutation runs (AIGOV_MUTATION_TEST_EXCLUDE): the canary's seeded Monte-Carlo error-rate
# simulations take about 20 s of the folder's 28 s per pass; every other Canary test, the real-Prometheus one included, runs.
declare -A test_exclude=(
  [deployment-canary]=Canary/UnitRoutingSimulationTests.cs
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
for part in "${parts[@]}"; do
  area=${part%%/*}
  folder=${part#"$area"}
  folder=${folder#/}
  [[ -n "${project[$area]:-}" ]] || { echo "unknown area '$area'" >&2; exit 2; }
  config="$root/eng/mutation/$area.json"
  cover=${covers[$area]}
  name=$area
  folders=()
  if [[ -n "$folder" ]]; then
    [[ "$area" == statistics ]] || { echo "only statistics is measured by folder" >&2; exit 2; }
    IFS=, read -r -a folders <<< "$folder"
    name="$area-${folder//,/+}"
    for f in "${folders[@]}"; do
      [[ "$f" == Root || -d "$cover/$f" ]] || { echo "no folder '$f' in $cover" >&2; exit 2; }
    done
    config=$(mktemp --suffix=.json)
    /usr/bin/python3 - "$root/eng/mutation/$area.json" "$config" "$root/${project[$area]}" "${folders[@]}" <<'PY'
import json, os, sys
base, out, project_dir, folders = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
with open(base, encoding="utf-8") as f:
    d = json.load(f)
c = d["stryker-config"]
# "Root": the files directly in the project folder (SortedSample.cs, DoubleSorter.cs, ...), not its subfolders.
project = os.path.basename(project_dir)
root_files = sorted(f for f in os.listdir(project_dir) if f.endswith(".cs") and os.path.isfile(os.path.join(project_dir, f)))
c["mutate"] = [m for folder in folders
               for m in ([f"**/{project}/{f}" for f in root_files] if folder == "Root" else [f"**/{folder}/**/*.cs"])]
with open(out, "w", encoding="utf-8") as f:
    json.dump(d, f, indent=2)
PY
  fi
  mkdir -p artifacts/mutation
  reports=()
  if [[ "$mode" == --rerun-survivors ]]; then
    reports=("$root/artifacts/mutation/$name.json")
    [[ -f "${reports[0]}" ]] || { echo "no earlier report ${reports[0]}: run --run $part first" >&2; exit 2; }
    rerun_config=$(mktemp --suffix=.json)
    /usr/bin/python3 - "$config" "${reports[0]}" "$root/${project[$area]}" "$rerun_config" <<'PY'
import json, os, sys
config, report, project, out = sys.argv[1:]
with open(config, encoding="utf-8") as f:
    d = json.load(f)
with open(report, encoding="utf-8") as f:
    r = json.load(f)
spans = []
for path, entry in sorted(r["files"].items()):
    # Stryker's {start..end} spans are character offsets into the file (Roslyn TextSpan), not lines.
    starts, offset = [], 0
    for text in entry["source"].splitlines(keepends=True):
        starts.append(offset)
        offset += len(text)
    def at(point):
        return starts[point["line"] - 1] + point["column"] - 1
    survivors = sorted({(at(m["location"]["start"]), at(m["location"]["end"]))
                        for m in entry["mutants"] if m["status"] in ("Survived", "NoCoverage")})
    if survivors:
        # Reports hold absolute paths of the checkout they ran in; re-root them under this project (another worktree works).
        rel = path.replace("\\", "/").rsplit("/" + os.path.basename(project) + "/", 1)[-1]
        spans.append("**/" + rel + "".join(f"{{{a}..{b}}}" for a, b in survivors))
d["stryker-config"]["mutate"] = spans or ["nothing-to-rerun.cs"]
with open(out, "w", encoding="utf-8") as f:
    json.dump(d, f, indent=2)
PY
    config=$rerun_config
  fi
  tests=${test_folders[$area]}
  [[ ${#folders[@]} -gt 0 ]] && tests=$(IFS=,; echo "${folders[*]}")
  exclude=${test_exclude[$area]:-}
  [[ -n "${MUTATION_ALL_TESTS:-}" ]] && tests="" && exclude=""
  echo "mutation: $name against ${tests:-every} test folder(s) of its test project${exclude:+, without $exclude}"
  out=$(mktemp -d)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s)
  (cd "${project[$area]}" && AIGOV_MUTATION_TEST_FOLDERS=$tests AIGOV_MUTATION_TEST_EXCLUDE=$exclude nice -n 5 dotnet tool run dotnet-stryker --config-file "$config" --output "$out")
  minutes=$(( ($(date +%s) - start + 59) / 60 ))
  report="$root/artifacts/mutation/$name${reports:+-rerun}.json"
  cp "$(find "$out" -name 'mutation-report.json' | head -n 1)" "$report"
  reports+=("$report")
  report_args=()
  for r in "${reports[@]}"; do report_args+=(--report "$r"); done
  if [[ ${#folders[@]} -eq 0 ]]; then
    /usr/bin/python3 eng/mutation/summarise.py --area "$area" --covers "$cover" "${report_args[@]}" \
      --equivalent eng/mutation/equivalent.tsv --load "$load" --minutes "$minutes" --floor 85 \
      --out "benchmarks/results/mutation/$area.md" || status=1
  fi
  for f in "${folders[@]}"; do
    # One run over several folders; the run time is the whole run's. Root covers the project folder's own files.
    covered="$cover/$f"
    [[ "$f" == Root ]] && covered=$(cd "$root" && ls "$cover"/*.cs | tr '\n' ' ' | sed 's/ $//')
    /usr/bin/python3 eng/mutation/summarise.py --area "$area-$f" --covers "$covered" "${report_args[@]}" \
      --equivalent eng/mutation/equivalent.tsv --load "$load" --minutes "$minutes" --floor 85 \
      --out "benchmarks/results/mutation/$area-$f.md" || status=1
  done
  rm -rf "$out"
done
/usr/bin/python3 eng/mutation/summarise.py --index benchmarks/results/mutation
exit $status
