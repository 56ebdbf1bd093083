#!/usr/bin/env python3
"""Summarises a Stryker.NET mutation-report.json (mutation-testing-elements schema) as Markdown.

Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker computes it; compile errors and
ignored mutants are not counted. Survivors listed in equivalent.tsv (area, file, line, mutator, reason) are shown with
the reason; the others are listed as open. Exit code 1 when the score is below --floor.

`summarise.py --index DIR` (re)writes DIR/README.md: one row per summary in DIR, and the Statistics total over its
per-folder summaries (statistics-<Folder>.md) with the folders not measured.
"""
import argparse
import csv
import datetime
import glob
import json
import os
import re
import subprocess
import sys

STATUSES = ("Killed", "Timeout", "Survived", "NoCoverage")


def index(directory):
    """Writes directory/README.md from the summaries in it; exit code 0."""
    rows, stats = [], dict.fromkeys(STATUSES, 0)
    measured = set()
    for path in sorted(glob.glob(os.path.join(directory, "*.md"))):
        name = os.path.basename(path)[:-3]
        if name == "README":
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        score = re.search(r"^\*\*Score: ([0-9.]+|nan)%\*\*[^:]*: (.*)$", text, re.M)
        covers = re.search(r"^Covers: (.*)$", text, re.M).group(1)
        minutes = re.search(r"run time (\d+) min", text)
        counts = dict((k, int(v)) for k, v in re.findall(r"(\w+) (\d+)", score.group(2)))
        partial = " (partial: not an area estimate)" if "NOT an estimate" in text else ""
        interval = re.search(r"95% interval ([0-9.]+)–([0-9.]+)%", text)
        if interval and not partial:
            partial = f" (sampled; 95% interval {interval.group(1)}–{interval.group(2)}%)"
        rows.append(f"| [{name}]({name}.md) | {covers} | {score.group(1)}%{partial} | "
                    + " | ".join(str(counts.get(k, 0)) for k in STATUSES)
                    + f" | {minutes.group(1) if minutes else '?'} |")
        if name.startswith("statistics-"):
            measured.add(name[len("statistics-"):])
            for k in STATUSES:
                stats[k] += counts.get(k, 0)
    lines = ["# Mutation testing summaries", "",
             "Written by `eng/mutation.sh` (Stryker.NET); floor 85% per area. Score = (killed + timeout) / "
             "(killed + timeout + survived + no coverage).", "",
             "| Summary | Covers | Score | Killed | Timeout | Survived | NoCoverage | Minutes |",
             "|---|---|---:|---:|---:|---:|---:|---:|"] + rows
    folders = sorted(d for d in os.listdir("src/AiGovernance.Statistics")
                     if os.path.isdir(os.path.join("src/AiGovernance.Statistics", d)) and d not in ("bin", "obj")) + ["Root"]
    detected = stats["Killed"] + stats["Timeout"]
    total = detected + stats["Survived"] + stats["NoCoverage"]
    lines += ["", "## Statistics, over the folders measured in full", ""]
    if os.path.exists(os.path.join(directory, "statistics.md")):
        lines += ["The area as a whole is estimated from a seeded random sample of its mutants (`eng/mutation-sample.sh`):",
                  "[statistics.md](statistics.md), with its 95% interval.", ""]
    if total:
        lines.append(f"{100.0 * detected / total:.2f}% over {total} mutants in: {', '.join(sorted(measured)) or 'none'}.")
    missing = [f for f in folders if f not in measured]
    lines.append("Folders not measured yet: " + (", ".join(missing) if missing else "none")
                 + " (Root: the files directly in src/AiGovernance.Statistics, `--run statistics/Root`).")
    with open(os.path.join(directory, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--index":
        return index(sys.argv[2])
    p = argparse.ArgumentParser()
    for name in ("area", "covers", "equivalent", "load", "out"):
        p.add_argument("--" + name, required=True)
    p.add_argument("--report", action="append", required=True)
    p.add_argument("--floor", type=float, required=True)
    p.add_argument("--minutes", type=int)
    a = p.parse_args()
    # Several reports: a later one (a re-run of some lines, `mutate` with {from..to}) overrides the same mutant's status.
    mutants = {}
    for report_path in a.report:
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
        for path, entry in report["files"].items():
            # Reports hold absolute paths of the checkout they ran in: keep the part from src/ on, so a report made in
            # another worktree or clone summarises the same.
            rel = "src/" + path.replace("\\", "/").rsplit("/src/", 1)[-1] if os.path.isabs(path) else path
            for m in entry["mutants"]:
                start = m["location"]["start"]
                key = (rel, start["line"], start["column"], m["mutatorName"], m.get("replacement", ""))
                if m["status"] in ("CompileError", "Ignored") and key in mutants:
                    continue  # a re-run ignores what its `mutate` span leaves out
                mutants[key] = m
    equivalent = {}
    with open(a.equivalent, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["area"] == a.area:
                equivalent[(row["file"], int(row["line"]), row["mutator"])] = row["reason"]
    counts, survivors = {}, []
    for (rel, line, _, mutator, replacement), m in sorted(mutants.items()):
        if not any(rel == c or rel.startswith(c.rstrip("/") + "/") for c in a.covers.split()):
            continue  # a run over several folders is summarised once per folder
        counts[m["status"]] = counts.get(m["status"], 0) + 1
        if m["status"] in ("Survived", "NoCoverage"):
            survivors.append((rel, line, mutator, replacement, m["status"]))
    detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
    undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    score = 100.0 * detected / (detected + undetected) if detected + undetected else float("nan")
    commit = subprocess.check_output(["git", "rev-parse", "HEAD"], text=True).strip()
    lines = [
        f"# Mutation testing: {a.area}",
        "",
        f"Measured at commit: {commit}",
        f"Covers: {a.covers}",
        f"Reports: {len(a.report)}" + (" (a full run, then re-runs of the survivors' lines after tests were added)"
                                     if len(a.report) > 1 else " (one full run)"),
        f"Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%dT%H:%MZ}; load average before the run: {a.load}"
        + (f"; run time {a.minutes} min" if a.minutes is not None else ""),
        "",
        f"**Score: {score:.2f}%** (floor {a.floor:g}%): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
        "",
        "| File | Line | Mutator | Replacement | Status | Judged equivalent because |",
        "|---|---:|---|---|---|---|",
    ]
    for rel, line, mutator, replacement, status in survivors:
        reason = equivalent.get((rel, line, mutator), "open: not judged equivalent")
        shown = replacement.replace("|", "\\|").replace("\n", " ")[:80]
        lines.append(f"| {rel} | {line} | {mutator} | `{shown}` | {status} | {reason} |")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{a.area}: {score:.2f}%")
    if counts.get("Killed", 0) == 0 and detected + undetected > 0:
        # What Stryker's VSTest runner produced with xunit.v3: no mutant was ever active, so nothing was killed and the
        # load turned runs into timeouts. Such a run measures nothing.
        print(f"{a.area}: no mutant was killed; the runner probably never activated the mutants", file=sys.stderr)
        return 1
    return 0 if score >= a.floor else 1


if __name__ == "__main__":
    sys.exit(main())
