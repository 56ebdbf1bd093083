#!/usr/bin/env python3
"""Re-tests mutants of a Stryker report one at a time, each in a fresh test process, without Stryker (issue #21).

Why: Stryker's `mtp` runner keeps one test host alive across mutants and times each run against the first, unmutated
run. On this 2-core machine that made two kinds of verdict unreliable:
  * "Timeout": a mutant that makes tests fail at once (an index past the end throws in 1.6 s) was reported Timeout,
    and 73 of 262 drawn Statistics mutants were; Stryker counts a timeout as detected, but a slow surviving run under
    load also times out, so those verdicts prove nothing either way;
  * "Killed": a reused host can carry one mutant's state into the next run (stryker-net #3742, #3695), so a kill may
    belong to an earlier mutant.
This script settles a verdict from first principles: it writes the mutant's replacement into the source exactly where
the report places it, builds the project, copies its assembly beside the test assembly (built once per group with the
same AIGOV_MUTATION_TEST_FOLDERS as the Stryker run), runs the tests in a new process and reads the exit code:
  Killed    the run ended and at least one test failed (the failing tests are recorded);
  Survived  every test passed;
  Timeout   the run outlasted --limit-factor x the unmutated run + --limit-seconds (a loop the mutant made endless,
            or a slowdown of that size: detected, as in Stryker; the limit is far above load noise);
  Crashed   the test process died without a summary (stack overflow, for instance): detected;
  CompileError / Stale  the mutant does not compile on its own, or the file changed since the report so that the
            mutated text cannot be found again (text and context on both sides, found once: `relocate`).
Every run restores the file, and the unmutated assembly is rebuilt and copied back at the end.

  verify.py --root . --report artifacts/mutation/statistics-sample-HypothesisTests.json --statuses Timeout,Survived \
            [--killed-sample 5 --seed 23] --out eng/mutation/statistics-verified.tsv
The group's test folders are read from the report's name (statistics-sample[-rerun]-A+B.json: folders A and B); the rows
of the mutants re-tested replace their earlier rows in --out, every other row is kept.
"""
import argparse
import csv
import os
import random
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample import PROJECT, read_manifest, report_mutants  # noqa: E402 (the sampler's project and readers)

TESTS = "tests/AiGovernance.Statistics.Tests"
ASSEMBLY = "AiGovernance.Statistics.dll"
COLUMNS = ["group", "id", "file", "line", "column", "mutator", "replacement", "stryker", "verified", "seconds",
           "failed", "first_failure", "commit"]


def group_of(report_path):
    name = os.path.basename(report_path)[:-len(".json")]
    name = re.sub(r"^statistics-sample-(rerun-)?", "", name)
    return name.replace("+", ",")


def run(cmd, env=None, limit=None, cwd=None):
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=limit,
                           start_new_session=True)
        return p.returncode, p.stdout + p.stderr, time.monotonic() - start
    except subprocess.TimeoutExpired as e:
        out = e.stdout or ""
        return None, out if isinstance(out, str) else out.decode("utf-8", "replace"), time.monotonic() - start


def build_project(root):
    code, out, _ = run(["dotnet", "build", PROJECT, "-c", "Debug", "--no-restore", "-nologo", "-v", "q",
                        "-p:TreatWarningsAsErrors=false"], cwd=root)
    return code == 0, out


def copy_assembly(root, test_bin):
    shutil.copy2(os.path.join(root, PROJECT, "bin/Debug/net10.0", ASSEMBLY), os.path.join(test_bin, ASSEMBLY))


def run_tests(test_dll, limit):
    code, out, seconds = run(["dotnet", test_dll], limit=limit)
    summary = re.search(r"Total: (\d+), Errors: (\d+), Failed: (\d+)", out)
    failed = int(summary.group(3)) if summary else None
    first = re.search(r"^\s*(?:\x1b\[[0-9;]*m)*\s*(\S+) \[FAIL\]", out, re.M)
    if code is None:
        verdict = "Timeout"
    elif code == 0:
        verdict = "Survived"
    elif failed:
        verdict = "Killed"
    else:
        verdict = "Crashed"
    return verdict, seconds, failed, first.group(1) if first else ""


def relocate(source, start, end, current):
    """Where the mutated text [start, end) of the report's source is in the current file: the same place if the file is
    unchanged, else the one place where that text and its context on both sides occur (the widest context that is still
    found, so an edit elsewhere in the file does not matter); None when it cannot be told (then the row is Stale)."""
    if current == source:
        return start, end
    for context in (400, 200, 100, 50, 25):
        before = source[max(0, start - context):start]
        needle = before + source[start:end] + source[end:end + context]
        at = current.find(needle)
        if at >= 0 and current.find(needle, at + 1) < 0:
            return at + len(before), at + len(before) + (end - start)
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--root", default=".")
    p.add_argument("--report", required=True, help="a Stryker report: a group's run, or the listing (with --manifest)")
    p.add_argument("--manifest", help="with the listing as --report: only the drawn spans of --folders")
    p.add_argument("--folders", help="with --manifest: the group, e.g. KolmogorovSmirnov (default: from the report's name)")
    p.add_argument("--skip-verified", action="store_true", help="leave out mutants that already have a row in --out")
    p.add_argument("--again", default="", help="Survived,Stale,...: only mutants whose row in --out has one of these verdicts")
    p.add_argument("--previous", help="the table --skip-verified and --again read (default: --out)")
    p.add_argument("--changed-since", help="a commit: also every mutant in a file of the project changed since then")
    p.add_argument("--statuses", default="Timeout,Survived")
    p.add_argument("--killed-sample", type=int, default=0, help="also re-test this many Killed mutants, drawn at random")
    p.add_argument("--seed", type=int, default=23)
    p.add_argument("--limit-factor", type=float, default=3.0)
    p.add_argument("--limit-seconds", type=float, default=60.0)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    root = os.path.abspath(a.root)
    group = a.folders or group_of(a.report)
    statuses = set(a.statuses.split(","))
    drawn = None
    if a.manifest:
        folders = set(group.split(","))
        drawn = {(rel, s_, e_) for folder, rel, s_, e_, _ in read_manifest(a.manifest)[2] if folder in folders}
    previous = {}
    if os.path.exists(a.previous or a.out):
        with open(a.previous or a.out, encoding="utf-8", newline="") as f:
            previous = {r["id"]: r["verified"] for r in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")
                        if r["group"] == group}
    done = set(previous) if a.skip_verified else set()
    again = set(filter(None, a.again.split(",")))
    changed = None
    if a.changed_since:
        names = subprocess.check_output(["git", "diff", "--name-only", a.changed_since, "--", PROJECT], cwd=root, text=True)
        changed = {n[len(PROJECT) + 1:] for n in names.split()}

    chosen, killed = [], []
    for item in report_mutants(a.report):
        status = item[4]["status"]
        if drawn is not None and (item[0], item[2], item[3]) not in drawn:
            continue
        if item[4]["id"] in done:
            continue
        if again or changed is not None:
            # Re-tests after new tests or code: the earlier verdicts named, and every mutant of a file that changed.
            if not (previous.get(item[4]["id"]) in again or (changed is not None and item[0] in changed and status in statuses)):
                continue
            chosen.append(item)
            continue
        if status in statuses:
            chosen.append(item)
        elif status == "Killed":
            killed.append(item)
    if a.killed_sample:
        killed.sort(key=lambda i: int(i[4]["id"]))
        chosen += random.Random(a.seed).sample(killed, min(a.killed_sample, len(killed)))
    print(f"verify: group {group}: {len(chosen)} mutant(s)", flush=True)

    env = dict(os.environ, AIGOV_MUTATION_TEST_FOLDERS="Root" if group == "Root" else group)
    env.pop("AIGOV_MUTATION_TEST_EXCLUDE", None)
    code, out, _ = run(["dotnet", "build", TESTS, "-c", "Debug", "-nologo", "-v", "q"], env=env, cwd=root)
    if code != 0:
        sys.exit(f"verify: the test project does not build for {group}:\n{out[-3000:]}")
    test_bin = os.path.join(root, TESTS, "bin/Debug/net10.0")
    test_dll = os.path.join(test_bin, "AiGovernance.Statistics.Tests.dll")
    verdict, base, failed, first = run_tests(test_dll, None)
    if verdict != "Survived":
        sys.exit(f"verify: the unmutated tests of {group} do not pass ({verdict}, {failed} failed, {first})")
    limit = a.limit_factor * base + a.limit_seconds
    print(f"verify: unmutated run {base:.1f} s; limit {limit:.0f} s", flush=True)

    commit = subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], cwd=root, text=True).strip()
    rows = []
    try:
        for rel, source, start, end, m in chosen:
            path = os.path.join(root, PROJECT, rel)
            with open(path, encoding="utf-8", newline="") as f:
                current = f.read()
            row = {"group": group, "id": m["id"], "file": rel, "line": m["location"]["start"]["line"],
                   "column": m["location"]["start"]["column"], "mutator": m["mutatorName"],
                   "replacement": " ".join(m.get("replacement", "").split()), "stryker": m["status"],
                   "verified": "", "seconds": "", "failed": "", "first_failure": "", "commit": commit}
            where = relocate(source, start, end, current)
            if where is None:
                row["verified"] = "Stale"
            else:
                try:
                    with open(path, "w", encoding="utf-8", newline="") as f:
                        f.write(current[:where[0]] + m.get("replacement", "") + current[where[1]:])
                    ok, out = build_project(root)
                    if not ok and m["mutatorName"] == "Block removal mutation":
                        # Stryker empties a block of a method that returns a value as `{ return default; }`.
                        with open(path, "w", encoding="utf-8", newline="") as f:
                            f.write(current[:where[0]] + "{ return default; }" + current[where[1]:])
                        ok, out = build_project(root)
                    if not ok:
                        row["verified"] = "CompileError"
                    else:
                        copy_assembly(root, test_bin)
                        verdict, seconds, failed, first = run_tests(test_dll, limit)
                        row.update(verified=verdict, seconds=f"{seconds:.1f}",
                                   failed="" if failed is None else failed, first_failure=first)
                finally:
                    with open(path, "w", encoding="utf-8", newline="") as f:
                        f.write(current)
            rows.append(row)
            print(f"verify: {m['id']:>5} {rel}:{row['line']} {m['mutatorName']}: Stryker {m['status']}, "
                  f"here {row['verified']} {row['seconds']} s {row['first_failure']}", flush=True)
    finally:
        ok, out = build_project(root)
        if ok:
            copy_assembly(root, test_bin)
        else:
            print(f"verify: the restored project does not build:\n{out[-2000:]}", file=sys.stderr)

    kept = []
    if os.path.exists(a.out):
        with open(a.out, encoding="utf-8", newline="") as f:
            done = {r["id"] for r in rows}
            kept = [r for r in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")
                    if r["group"] != group or r["id"] not in done]
    with open(a.out + ".tmp", "w", encoding="utf-8", newline="") as f:
        f.write("# Mutants re-tested one at a time in a fresh test process by eng/mutation/verify.py (see its doc): one row per "
                "mutant, its latest verdict; commit: the code the verdict was taken on.\n")
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n", restval="")
        w.writeheader()
        for r in sorted(kept + rows, key=lambda r: (r["group"], int(r["id"]))):
            w.writerow(r)
    os.replace(a.out + ".tmp", a.out)


if __name__ == "__main__":
    main()
