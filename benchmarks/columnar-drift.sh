#!/usr/bin/env bash
# Issue 27's scale target, not run by CI: a complete drift report over 3,000,000 rows x 1,000 columns per side
# (generated, compressible Parquet: values rounded to 3 significant digits, a third of the columns low-cardinality or
# categorical, some missing) with ColumnarDriftRunner, in <= 10 minutes and <= 2 GiB peak RSS on the 2-core machine.
#   benchmarks/columnar-drift.sh [ROWS] [COLUMNS] [DIR]
# Prints the generation time, the file sizes, the run's wall and CPU time and peak RSS, and the machine load; deletes the
# files. One command for the full target (about 20 GB of Parquet in a temporary folder, ~70 GB free needed at most):
#   benchmarks/columnar-drift.sh
# and a scaled-down profile per phase (read / fit / compare, CPU and wall time) on the same generated data:
#   PHASES=1 benchmarks/columnar-drift.sh 3000000 12
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-3000000}
columns=${2:-1000}
dir=${3:-$(mktemp -d /tmp/aigov-columnar.XXXXXX)}
mkdir -p "$dir"
trap 'rm -f "$dir/reference.parquet" "$dir/current.parquet"' EXIT
echo "disk free in $dir: $(df -h "$dir" | awk 'NR==2 {print $4}')"
dotnet build benchmarks/AiGovernance.ColumnarBenchmark -c Release -v q -nologo >/dev/null
bin=benchmarks/AiGovernance.ColumnarBenchmark/bin/Release/net10.0/AiGovernance.ColumnarBenchmark.dll
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$bin" generate "$dir" "$rows" "$columns"
echo "reference.parquet $(du -h "$dir/reference.parquet" | cut -f1), current.parquet $(du -h "$dir/current.parquet" | cut -f1)"
if [ -n "${PHASES:-}" ]; then
  dotnet "$bin" phases "$dir"
fi
echo "load at start of run: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$bin" run "$dir"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
head -12 "$dir/drift-report.md"
