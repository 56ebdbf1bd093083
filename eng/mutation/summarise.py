#!/usr/bin/env python3
"""Summarises a Stryker.NET mutation-report.json (mutation-testing-elements schema) as Markdown.

Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker computes it; compile errors and
ignored mutants are not counted. Survivors listed in equivalent.tsv (area, file, line, mutator, reason) are shown with
the reason; the others are listed as open. Exit code 1 when the score is below --floor.
"""
import argparse
import csv
import datetime
import json
import os
import subprocess
import sys


def main():
    p = argparse.ArgumentParser()
    for name in ("area", "covers", "report", "equivalent", "load", "out"):
        p.add_argument("--" + name, required=True)
    p.add_argument("--floor", type=float, required=True)
    a = p.parse_args()
    with open(a.report, encoding="utf-8") as f:
        report = json.load(f)
    equivalent = {}
    with open(a.equivalent, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["area"] == a.area:
                equivalent[(row["file"], int(row["line"]), row["mutator"])] = row["reason"]
    counts, survivors = {}, []
    root = os.getcwd()
    for path, entry in sorted(report["files"].items()):
        rel = os.path.relpath(path, root) if os.path.isabs(path) else path
        for m in entry["mutants"]:
            counts[m["status"]] = counts.get(m["status"], 0) + 1
            if m["status"] in ("Survived", "NoCoverage"):
                line = m["location"]["start"]["line"]
                survivors.append((rel, line, m["mutatorName"], m.get("replacement", ""), m["status"]))
    detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
    undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    score = 100.0 * detected / (detected + undetected) if detected + undetected else float("nan")
    commit = subprocess.check_output(["git", "rev-parse", "HEAD"], text=True).strip()
    lines = [
        f"# Mutation testing: {a.area}",
        "",
        f"Measured at commit: {commit}",
        f"Covers: {a.covers}",
        f"Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%dT%H:%MZ}; load average before the run: {a.load}",
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
    return 0 if score >= a.floor else 1


if __name__ == "__main__":
    sys.exit(main())
