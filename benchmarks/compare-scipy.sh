#!/usr/bin/env bash
# Runs the SciPy/NumPy side (benchmarks/compare/scipy_side.py, Debian's python3-scipy) and the .NET side
# (benchmarks/AiGovernance.Compare) on the same inputs and prints a Markdown table of times and ratios.
# Usage: benchmarks/compare-scipy.sh [rounds] [repeat]
#   The two sides alternate: each round runs every SciPy workload, then every .NET workload (each best of `repeat`
#   runs, default 1, after a warm-up on the .NET side), and each side's time per workload is its best over all rounds
#   (default 3). On a shared machine whose load swings within minutes, alternating keeps both sides under comparable
#   load instead of timing one side entirely in a quiet minute and the other in a busy one.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
repeat="${2:-1}"
python="${PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "building the .NET runner..." >&2
dotnet build "$repo/benchmarks/AiGovernance.Compare" -c Release --nologo -v quiet >&2
runner="$repo/benchmarks/AiGovernance.Compare/bin/Release/net10.0/AiGovernance.Compare.dll"

echo "load before: $(uptime)" >&2
for round in $(seq 1 "$rounds"); do
  echo "round $round/$rounds: SciPy side (writes the inputs to $work)... $(uptime)" >&2
  "$python" "$repo/benchmarks/compare/scipy_side.py" --work "$work" --repeat "$repeat" > "$work/scipy.$round.json"
  echo "round $round/$rounds: .NET side... $(uptime)" >&2
  dotnet "$runner" --work "$work" --scipy "$work/scipy.$round.json" --repeat "$repeat" > "$work/dotnet.$round.json"
done
echo "load after: $(uptime)" >&2

"$python" - "$work" "$rounds" <<'PY'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
scipy_runs = [json.load(open(f"{work}/scipy.{r}.json")) for r in range(1, rounds + 1)]
net_runs = [json.load(open(f"{work}/dotnet.{r}.json")) for r in range(1, rounds + 1)]
scipy, net = scipy_runs[-1], net_runs[-1]
scipy["timings"] = {k: min(run["timings"][k] for run in scipy_runs) for k in scipy["timings"]}
net["timings"] = {k: min(run["timings"][k] for run in net_runs) for k in net["timings"]}
# Results must agree with SciPy in every round, not only the last.
for key in net.get("agreement", {}):
    if key != "max_relative_deviation":
        net["agreement"][key] = all(run["agreement"][key] for run in net_runs)
if "agreement" in net:
    net["agreement"]["max_relative_deviation"] = max(run["agreement"]["max_relative_deviation"] for run in net_runs)
net["fitted"]["results_equal_unfitted_batch"] = all(run["fitted"]["results_equal_unfitted_batch"] for run in net_runs)
net["repeat"] = f"{rounds} alternating rounds x {net['repeat']}"
st, nt, agree = scipy["timings"], net["timings"], net.get("agreement", {})
fit = net["fitted"]
rows = [
    ("KS two-sample asymptotic, 1M x 1M", st["ks_1m"], nt["ks_1m"], 20, agree.get("ks_1m")),
    ("Mann-Whitney U, 1M x 1M", st["mwu_1m"], nt["mwu_1m"], 20, agree.get("mwu_1m")),
    ("Cramer-von Mises two-sample, 1M x 1M", st["cvm_1m"], nt["cvm_1m"], 10, agree.get("cvm_1m")),
    ("PSI 10 quantile bins, 1M x 1M", st["psi_1m"], nt["psi_1m"], 5, agree.get("psi_1m")),
    ("batch 100 cols x 100k, KS + PSI", st["batch_100x100k"], nt["batch_100x100k"], 20, agree.get("batch_100x100k")),
    # SciPy has no fitted reference: its equivalent is the batch loop run once per window.
    ("fitted reference, 10 windows (fit + 10 windows; SciPy = 10 x batch)", 10 * st["batch_100x100k"],
     nt["fitted_total"], 20, agree.get("fitted_total")),
]
print(f"SciPy {scipy['scipy']} / NumPy {scipy['numpy']} vs {net['runtime']}, {net['processors']} processors, "
      f"best of {net['repeat']}")
print()
print("| workload | SciPy s | .NET s | ratio | target | met? | results agree |")
print("|---|---:|---:|---:|---:|:-:|:-:|")
for name, s, n, target, ok in rows:
    ratio = s / n
    print(f"| {name} | {s:.4f} | {n:.4f} | {ratio:.1f}x | >= {target}x | {'yes' if ratio >= target else 'no'} | "
          f"{'yes' if ok else ('n/a' if ok is None else 'NO')} |")
print()
per_window = nt["fitted_10_windows"] / fit["windows"]
print(f"Fitted reference: fit (sort 100 reference columns once) {nt['fitted_fit']:.4f} s, then {per_window:.4f} s "
      f"per window; managed allocation per window {fit['allocated_bytes_per_window'] / 1e6:.3f} MB vs "
      f"{fit['current_data_bytes_per_window'] / 1e6:.1f} MB of current data; per-column results identical to the "
      f"unfitted batch: {'yes' if fit['results_equal_unfitted_batch'] else 'NO'}.")
print(f"Max relative deviation from SciPy over the checked values: {agree.get('max_relative_deviation', float('nan')):.2e} "
      f"(KS/MWU/CvM: project tolerance 1e-9 + 1e-7*|x|; PSI: 1e-9 relative).")
PY
