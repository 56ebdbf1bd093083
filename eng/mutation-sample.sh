#!/usr/bin/env bash
# Statistics' mutation score from a random sample of its mutants (issue #21). The project has about 10,000 testable
# mutants; with each mutant rerunning its folder's tests that is many hours on 2 cores, so the area's score is estimated
# from a seeded sample of them instead, with a 95% interval (eng/mutation/sample.py explains the design). Folders can
# still be measured in full with `eng/mutation.sh --run statistics/<Folder>` (their summaries sit beside this one).
#
#   eng/mutation-sample.sh --list                 Stryker lists every mutant of the project without testing any
#                                                 (artifacts/mutation/statistics-listing.json)
#   eng/mutation-sample.sh --draw [SEED] [FRACTION]
#                                                 draws the sample: eng/mutation/statistics-sample.tsv (committed;
#                                                 defaults: seed 21, 6% of each folder's spans, 3% of
#                                                 the five folders whose tests take seconds a pass)
#   eng/mutation-sample.sh --run GROUP...         tests the drawn mutants, one Stryker run per group of folders
#                                                 (e.g. Distances,Binning); each group's mutants are tested against
#                                                 those folders' tests (and the test project's root files), as in
#                                                 eng/mutation.sh; then summarises
#   eng/mutation-sample.sh --rerun-survivors GROUP...
#                                                 re-runs, with coverage analysis off, the drawn mutants that the runs
#                                                 left Survived or NoCoverage (per-test coverage misses what tests reach
#                                                 on other threads), each group against its folders' tests;
#                                                 MUTATION_RERUN_STATUSES=Timeout re-runs the timeouts of a loaded run
#   eng/mutation-sample.sh --verify GROUP...      re-tests every drawn mutant of those folders without Stryker, one at a
#                                                 time in a fresh test process (eng/mutation/verify.py): the verdicts in
#                                                 eng/mutation/statistics-verified.tsv override Stryker's; a group without
#                                                 a Stryker run is read from the listing; mutants already verified are
#                                                 skipped (MUTATION_VERIFY_AGAIN=1: re-test them all;
#                                                 MUTATION_VERIFY_CHANGED_SINCE=<commit>: re-test the survivors and every
#                                                 mutant of a file changed since that commit, as done for the summary)
#   eng/mutation-sample.sh --summarise            benchmarks/results/mutation/statistics.md from every group's report
#                                                 and the verified verdicts
#
# Stryker runs under `nice -n 5`, one mutant at a time (eng/mutation/sample.py set_timeouts); reports go to
# artifacts/mutation/statistics-sample-<group>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
project=src/AiGovernance.Statistics
manifest=eng/mutation/statistics-sample.tsv
listing=artifacts/mutation/statistics-listing.json
verified_tsv=eng/mutation/statistics-verified.tsv
mkdir -p artifacts/mutation

# Runs Stryker with a config against the given test folders (empty: the whole test project), adds its minutes to the
# run-time tally and keeps its report as artifacts/mutation/<report>.json.
run_stryker() {
  local config=$1 tests=$2 report=$3 out start
  out=$(mktemp -d)
  start=$(date +%s)
  (cd "$project" && AIGOV_MUTATION_TEST_FOLDERS=$tests \
    nice -n 5 dotnet tool run dotnet-stryker --config-file "$config" --output "$out")
  echo $(( ($(date +%s) - start + 59) / 60 )) >> artifacts/mutation/statistics-sample.minutes
  cp "$(find "$out" -name 'mutation-report.json' | head -n 1)" "artifacts/mutation/$report.json"
  rm -rf "$out" "$config"
}

summarise() {
  local args=() groups=() load minutes
  # The runs over the drawn spans first, then the re-runs of their survivors, whose statuses override.
  for r in $(ls artifacts/mutation/statistics-sample-*.json 2>/dev/null | grep -v -- '-rerun-'; \
             ls artifacts/mutation/statistics-sample-rerun-*.json 2>/dev/null); do
    args+=(--report "$r")
    g=$(basename "$r" .json)
    groups+=(--group "${g#statistics-sample-}")
  done
  [[ ${#args[@]} -gt 0 ]] || { echo "no sampled runs in artifacts/mutation yet: --run first" >&2; exit 2; }
  load=$(cat artifacts/mutation/statistics-sample.load 2>/dev/null || echo "?")
  minutes=$(awk '{ s += $1 } END { print s + 0 }' artifacts/mutation/statistics-sample.minutes 2>/dev/null || echo 0)
  local verified=()
  [[ -f "$verified_tsv" ]] && verified=(--verified "$verified_tsv" --listing "$listing")
  /usr/bin/python3 eng/mutation/sample.py summarise --manifest "$manifest" "${args[@]}" "${groups[@]}" "${verified[@]}" \
    --equivalent eng/mutation/equivalent.tsv --load "$load" --minutes "$minutes" --floor 85 \
    --out benchmarks/results/mutation/statistics.md
}

case "${1:-}" in
  --list)
    dotnet tool run dotnet-stryker --version >/dev/null 2>&1 || dotnet tool restore
    config=$(mktemp --suffix=.json)
    # Per-test coverage under the MTP runner finds no test covering any mutant (see eng/mutation.sh), so every mutant is
    # reported NoCoverage without being run: a listing. Only one small test file of the project's root is compiled, so
    # that the few mutants its tests cover are tested quickly (a run without tests stops before listing).
    /usr/bin/python3 - eng/mutation/statistics.json "$config" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    d = json.load(f)
d["stryker-config"].update({"coverage-analysis": "perTest", "reporters": ["json"]})
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(d, f, indent=2)
PY
    out=$(mktemp -d)
    exclude=$(cd tests/AiGovernance.Statistics.Tests && ls *Tests.cs | grep -vx SplitMix64RandomTests.cs | paste -sd, -)
    (cd "$project" && AIGOV_MUTATION_TEST_FOLDERS=Root AIGOV_MUTATION_TEST_EXCLUDE=$exclude \
      nice -n 5 dotnet tool run dotnet-stryker --config-file "$config" --output "$out")
    cp "$(find "$out" -name 'mutation-report.json' | head -n 1)" "$listing"
    git rev-parse HEAD > "$listing.commit"
    rm -rf "$out" "$config"
    ;;
  --draw)
    [[ -f "$listing" ]] || { echo "no $listing: run --list first" >&2; exit 2; }
    # The folders whose tests take seconds per pass (every drawn mutant reruns them) get a smaller fraction.
    /usr/bin/python3 eng/mutation/sample.py draw --listing "$listing" --seed "${2:-21}" --fraction "${3:-0.06}" \
      --fraction-for "${4:-HypothesisTests=0.03,KolmogorovSmirnov=0.03,Multivariate=0.03,PerformanceEstimation=0.03,Profiles=0.03}" \
      --commit "$(cat "$listing.commit")" --out "$manifest"
    ;;
  --run)
    shift
    [[ $# -gt 0 ]] || { echo "name at least one group of folders, e.g. Distances,Binning" >&2; exit 2; }
    [[ -f "$manifest" ]] || { echo "no $manifest: --list and --draw first" >&2; exit 2; }
    dotnet tool run dotnet-stryker --version >/dev/null 2>&1 || dotnet tool restore
    for group in "$@"; do
      config=$(mktemp --suffix=.json)
      /usr/bin/python3 eng/mutation/sample.py config --manifest "$manifest" --base eng/mutation/statistics.json \
        --folders "$group" --coverage "${MUTATION_COVERAGE:-off}" --out "$config"
      [[ -f artifacts/mutation/statistics-sample.load ]] || cut -d' ' -f1-3 /proc/loadavg > artifacts/mutation/statistics-sample.load
      # "All": every folder's drawn mutants in one run against the whole test project.
      tests=$group
      [[ "$group" == All ]] && tests=""
      run_stryker "$config" "$tests" "statistics-sample-${group//,/+}"
    done
    summarise || true
    /usr/bin/python3 eng/mutation/summarise.py --index benchmarks/results/mutation
    ;;
  --rerun-survivors)
    # Per-test coverage misses what tests reach on other threads (validated on Distances: 8 of 285 killed mutants came
    # out NoCoverage or Survived), so the drawn mutants it left Survived or NoCoverage are re-run with coverage off,
    # each group against its folders' tests.
    shift
    [[ $# -gt 0 ]] || { echo "name at least one group of folders, e.g. Distances,Binning" >&2; exit 2; }
    runs=()
    for r in artifacts/mutation/statistics-sample-*.json; do [[ "$r" == *-rerun-* ]] || runs+=(--report "$r"); done
    for group in "$@"; do
      config=$(mktemp --suffix=.json)
      set +e
      /usr/bin/python3 eng/mutation/sample.py survivors --manifest "$manifest" --base eng/mutation/statistics.json \
        --folders "$group" "${runs[@]}" --statuses "${MUTATION_RERUN_STATUSES:-Survived,NoCoverage}" --out "$config"
      code=$?
      set -e
      [[ $code -eq 3 ]] && continue  # nothing survived in these folders
      [[ $code -eq 0 ]] || exit $code
      run_stryker "$config" "$group" "statistics-sample-rerun-${group//,/+}"
    done
    summarise || true
    /usr/bin/python3 eng/mutation/summarise.py --index benchmarks/results/mutation
    ;;
  --verify)
    shift
    [[ $# -gt 0 ]] || { echo "name at least one group of folders, e.g. Distances,Binning" >&2; exit 2; }
    again=(--skip-verified)
    [[ -n "${MUTATION_VERIFY_AGAIN:-}" ]] && again=()
    # After new tests or code: the verdicts that were not detections, and every mutant of a file changed since a commit.
    [[ -n "${MUTATION_VERIFY_CHANGED_SINCE:-}" ]] && \
      again=(--again Survived,Stale,CompileError,Crashed --changed-since "$MUTATION_VERIFY_CHANGED_SINCE")
    for group in "$@"; do
      report=artifacts/mutation/statistics-sample-${group//,/+}.json
      if [[ -f "$report" ]]; then
        nice -n 5 /usr/bin/python3 eng/mutation/verify.py --report "$report" --statuses Killed,Survived,Timeout,NoCoverage,RuntimeError \
          "${again[@]}" --out "$verified_tsv"
      else
        nice -n 5 /usr/bin/python3 eng/mutation/verify.py --report "$listing" --manifest "$manifest" --folders "$group" \
          --statuses NoCoverage,Survived,Killed,Timeout "${again[@]}" --out "$verified_tsv"
      fi
    done
    summarise || true
    /usr/bin/python3 eng/mutation/summarise.py --index benchmarks/results/mutation
    ;;
  --summarise)
    summarise || true
    /usr/bin/python3 eng/mutation/summarise.py --index benchmarks/results/mutation
    ;;
  *)
    sed -n '2,33p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
