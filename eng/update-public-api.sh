#!/usr/bin/env bash
# Records new public API in each library's PublicAPI.Unshipped.txt (RS0016) and drops entries that no longer
# exist (RS0017), by building once and reading the analyzers' diagnostics. Review the diff before committing:
# the files are the package's API contract.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet build "${1:-AiGovernance.sln}" -c Release --no-incremental -p:TreatWarningsAsErrors=false 2>&1 > "$log" || true
python3 - "$log" <<'PY'
import re, sys, os, collections
add = collections.defaultdict(set); rem = collections.defaultdict(set)
pat = re.compile(r"^(?P<file>/\S+?)\(\d+,\d+\): (?:error|warning) (?P<id>RS0016|RS0017): Symbol '(?P<sym>.*)' is (?:not )?part of the declared (?:public )?API.*\[(?P<proj>/\S+\.csproj)\]")
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = pat.match(line.strip())
    if not m: continue
    d = os.path.dirname(m["proj"])
    (add if m["id"] == "RS0016" else rem)[d].add(m["sym"])
for d in set(add) | set(rem):
    p = os.path.join(d, "PublicAPI.Unshipped.txt")
    lines = [l.rstrip("\n") for l in open(p, encoding="utf-8")] if os.path.exists(p) else ["#nullable enable"]
    body = [l for l in lines[1:] if l and l not in rem[d]]
    body = sorted(set(body) | add[d])
    open(p, "w", encoding="utf-8").write("\n".join(["#nullable enable"] + body) + "\n")
    print(f"{p}: +{len(add[d])} -{len(rem[d])}")
PY
rm -f "$log"
