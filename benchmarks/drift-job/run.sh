#!/usr/bin/env bash
# The drift job against the plain pandas + SciPy script a data platform team would otherwise write (issue #21 defect 9),
# side by side in one run on the same generated files: wall time and peak resident memory of each process
# (/usr/bin/time -v), plus the machine's load before and after.
#
# Usage: benchmarks/drift-job/run.sh [ROWS] [COLUMNS]      (defaults 1000000 and 25; writes under ${WORK:-/tmp/drift-job-bench})
# Besides the job as it runs by default, a second process runs it with --no-multivariate ("-per-column"): the same
# comparisons as the pandas script (KS/chi-squared and PSI per column), without the job's joint stage.
# SKIP_PANDAS=1 measures the drift job alone (the wide-file runs of defect 8); JOB_DLL=path JOB_LABEL=name measures another
# build of the job (for example the one before a change) instead of this checkout's. Unless SKIP_READ=1, a third process
# measures reading alone: the job with --stop-after read (both files read and assembled, nothing fitted), whose own
# elapsed time (start-up excluded) is printed under the table. Run it as `nice -n -15 benchmarks/drift-job/run.sh` on a
# shared machine and report the load it prints. Where the kernel schedules by autogroup
# (/proc/sys/kernel/sched_autogroup_enabled = 1), nice only ranks processes within one session, so give the run a session
# of its own: setsid bash -c 'echo -15 > /proc/self/autogroup; exec nice -n -15 benchmarks/drift-job/run.sh'.
# Prints a Markdown table to stdout. Needs Debian's python3-numpy, python3-pandas and python3-scipy and the .NET SDK.
set -euo pipefail
rows=${1:-1000000}
columns=${2:-25}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${WORK:-/tmp/drift-job-bench}/${rows}x${columns}
mkdir -p "$work"
if [[ ! -f "$work/reference.csv" ]]; then
  /usr/bin/python3 "$here/generate.py" --rows "$rows" --columns "$columns" --out "$work" >&2
fi
job=${JOB_DLL:-}
if [[ -z "$job" ]]; then
  dotnet build "$repo/samples/AiGovernance.Samples.DriftJob" -c Release -v q -nologo >&2
  job="$repo/samples/AiGovernance.Samples.DriftJob/bin/Release/net10.0/AiGovernance.Samples.DriftJob.dll"
fi
label=${JOB_LABEL:-drift-job}

measure() { # name, command...: runs it under /usr/bin/time -v, prints "name|seconds|MiB|exit|cpu seconds"
  local name=$1; shift
  local log="$work/$name.time"
  set +e
  /usr/bin/time -v "$@" > "$work/$name.out" 2> "$log"
  local code=$?
  set -e
  local wall rss cpu
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{printf "%.0f", $NF/1024}')
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log")
  echo "$name|$wall|$rss|$code|$cpu"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
pandas=""
if [[ -z "${SKIP_PANDAS:-}" ]]; then
  pandas=$(measure pandas /usr/bin/python3 "$here/pandas_side.py" "$work/reference.csv" "$work/current.csv")
fi
rm -rf "$work/out"
drift=$(measure "$label" dotnet "$job" --reference "$work/reference.csv" --current "$work/current.csv" --out "$work/out")
# The same comparisons as the pandas script, column by column: the job without its joint stage (PCA, classifier, MMD on
# 10,000-row samples), which the script has no counterpart for. Unless SKIP_PER_COLUMN=1.
per_column=""
if [[ -z "${SKIP_PER_COLUMN:-}" ]]; then
  rm -rf "$work/out-per-column"
  per_column=$(measure "$label-per-column" dotnet "$job" --reference "$work/reference.csv" --current "$work/current.csv" \
    --out "$work/out-per-column" --no-multivariate)
fi
read_only=""
if [[ -z "${SKIP_READ:-}" ]]; then
  read_only=$(measure "$label-read-only" dotnet "$job" --reference "$work/reference.csv" --current "$work/current.csv" --out "$work/out-read" \
    --stop-after read)
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
bytes=$(( $(stat -c %s "$work/reference.csv") + $(stat -c %s "$work/current.csv") ))

echo "Files: $rows rows x $columns columns per side ($(( bytes / 1048576 )) MiB of CSV in all); $(nproc) cores;"
echo "load average before $load_before, after $load_after ($(date -u +%Y-%m-%dT%H:%MZ))."
echo
echo "| Process | Wall (s) | CPU user+sys (s) | Peak RSS (MiB) | Exit code |"
echo "|---|---:|---:|---:|---:|"
for line in $pandas $drift $per_column $read_only; do
  IFS='|' read -r name wall rss code cpu <<< "$line"
  echo "| $name | $wall | $cpu | $rss | $code |"
done
if [[ -n "$read_only" ]]; then
  echo
  echo "Read only, in the process (start-up excluded): $(grep -o 'Stopped after read: [^;]*' "$work/$label-read-only.out" | tr -s ' ')."
fi
