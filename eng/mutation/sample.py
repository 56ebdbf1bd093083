#!/usr/bin/env python3
"""Random mutant sampling for an area too large to mutate in full on 2 cores (issue #21: Statistics, ~10,000 mutants).

Mutant sampling (Acree 1980; Wong & Mathur 1995) estimates the mutation score from a random sample of the mutants. The
sampling unit here is a *span*: the source text a mutant replaces (Stryker can only select mutants by text span, and
several mutants of one expression share a span, so they are drawn together: a cluster sample). Three steps:

  sample.py draw --listing LISTING.json --seed S --fraction F --out MANIFEST.tsv
      LISTING.json is a Stryker report of the whole project whose mutants were generated but not tested (a run with
      coverage-analysis perTest under the MTP runner marks every mutant NoCoverage without running it). Every span of a
      testable mutant (not CompileError, not Ignored) is a population unit; within each folder of the project (files
      directly in it form the folder "Root") a fraction F of the spans, rounded up, is drawn with random.Random(S) from
      the spans in sorted order (--fraction-for Folder=F2,...: a smaller fraction where a folder's tests are slow). The manifest lists the population per folder and the drawn spans.

      It also lists, per file, the undrawn population spans that the file's (merged) drawn spans contain: Stryker
      includes a mutant when an include span contains it, and merges overlapping or touching spans, so a drawn statement
      or block would otherwise bring in all the mutants nested in it; those spans are excluded. A drawn span nested in
      an excluded one cannot be selected; such spans are counted in the manifest and the summary (few, and not chosen
      by their outcome).

  sample.py config --manifest MANIFEST.tsv --base CONFIG.json --folders A,B --out OUT.json
      Writes a Stryker config whose `mutate` includes the drawn spans of those folders ({start..end}: character offsets)
      and excludes the listed spans.

  sample.py summarise --manifest MANIFEST.tsv --report RUN.json ... --equivalent eng/mutation/equivalent.tsv --out OUT.md
      The score over the drawn mutants the runs tested, per folder and in all, with a 95% interval for the area's score:
      a ratio estimator over the sampled spans, stratified by folder, with the finite-population correction.
"""
import argparse
import csv
import datetime
import json
import math
import os
import random
import subprocess
import sys

PROJECT = "src/AiGovernance.Statistics"
DETECTED = ("Killed", "Timeout", "Crashed")
UNDETECTED = ("Survived", "NoCoverage")


def rel_path(path):
    """The path inside the project (Distances/Hellinger.cs), whatever checkout the report was made in; None for a file
    outside it (src/Shared/... sources compiled into the project, which their own test project measures)."""
    path = path.replace("\\", "/")
    marker = "/" + os.path.basename(PROJECT) + "/"
    return path.rsplit(marker, 1)[-1] if marker in path else None


def folder_of(rel):
    return rel.split("/", 1)[0] if "/" in rel else "Root"


def report_mutants(report_path):
    """Yields (rel, source, start, end, mutant) for every mutant of a Stryker report in a file of the project: the file's
    source as the report holds it, the character offsets of the text the mutant replaces, and the report's mutant entry."""
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    for path, entry in report["files"].items():
        rel = rel_path(path)
        if rel is None:
            continue
        source = entry["source"]
        starts, offset = [], 0
        for text in source.splitlines(keepends=True):
            starts.append(offset)
            offset += len(text)
        for m in entry["mutants"]:
            loc = m["location"]
            yield (rel, source, starts[loc["start"]["line"] - 1] + loc["start"]["column"] - 1,
                   starts[loc["end"]["line"] - 1] + loc["end"]["column"] - 1, m)


def mutants_of(report_path):
    """Yields (rel, start, end, line, column, mutator, replacement, status) for every mutant of a Stryker report."""
    for rel, _, start, end, m in report_mutants(report_path):
        loc = m["location"]["start"]
        yield rel, start, end, loc["line"], loc["column"], m["mutatorName"], m.get("replacement", ""), m["status"]


def merge(spans):
    """Stryker's Reduce(): overlapping or touching spans become one."""
    out = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [tuple(s) for s in out]


def contained(span, spans):
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def set_timeouts(c):
    """One mutant at a time, with 30 s over Stryker's timeout of 1.5 x the initial test run. Stryker measures that run
    alone; with two mutants tested at once each run of tests that use both cores takes about twice as long, and a slow
    surviving run that outlasts the timeout counts as killed ("Timeout"). Measured: with concurrency 2 and 10 s, 36 of the
    first 213 drawn mutants timed out."""
    c["concurrency"] = 1
    c["additional-timeout"] = 30000


def read_manifest(path):
    """(header, population {folder: (spans, mutants)}, drawn [(folder, file, start, end, mutants)], excluded [...])."""
    header, population, drawn, excluded = {}, {}, [], []
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    for line in lines:
        if line.startswith("# ") and ": " in line:
            key, value = line[2:].rstrip("\n").rsplit(": ", 1)
            header[key.split(": ")[-1]] = value
    for row in csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"):
        if row["kind"] == "population":
            population[row["folder"]] = (int(row["spans"]), int(row["mutants"]))
        elif row["kind"] == "drawn":
            drawn.append((row["folder"], row["file"], int(row["start"]), int(row["end"]), int(row["mutants"])))
        else:
            excluded.append((row["folder"], row["file"], int(row["start"]), int(row["end"])))
    return header, population, drawn, excluded


def draw(a):
    spans = {}
    for rel, start, end, *_, status in mutants_of(a.listing):
        if status in ("CompileError", "Ignored"):
            continue
        spans[(rel, start, end)] = spans.get((rel, start, end), 0) + 1
    by_folder = {}
    for key in sorted(spans):
        by_folder.setdefault(folder_of(key[0]), []).append(key)
    rng = random.Random(a.seed)
    drawn, excluded, dropped = [], [], 0
    population_rows = []
    for folder in sorted(by_folder):
        units = by_folder[folder]
        fraction = a.fractions.get(folder, a.fraction)
        chosen = sorted(rng.sample(units, math.ceil(fraction * len(units))))
        population_rows.append(["population", folder, "", "", "", len(units), sum(spans[u] for u in units)])
        drawn += [["drawn", folder, u[0], u[1], u[2], "", spans[u]] for u in chosen]
        # The undrawn spans that the merged drawn spans of their file contain are excluded (see the module's doc).
        by_file = {}
        for rel, start, end in chosen:
            by_file.setdefault(rel, set()).add((start, end))
        for rel in sorted(by_file):
            merged = merge(by_file[rel])
            out = merge(u[1:] for u in units if u[0] == rel and u[1:] not in by_file[rel] and contained(u[1:], merged))
            excluded += [["excluded", folder, rel, s_, e_, "", ""] for s_, e_ in out]
            dropped += sum(1 for s_ in by_file[rel] if contained(s_, out))
    with open(a.out, "w", encoding="utf-8", newline="") as f:
        f.write(f"# Drawn by eng/mutation/sample.py draw: seed: {a.seed}\n")
        f.write(f"# fraction: {a.fraction}" + "".join(f", {k} {v}" for k, v in sorted(a.fractions.items())) + "\n")
        f.write(f"# listing commit: {a.commit}\n")
        f.write(f"# drawn spans nested in an excluded span (cannot be selected): {dropped}\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["kind", "folder", "file", "start", "end", "spans", "mutants"])
        for row in population_rows + drawn + excluded:
            w.writerow(row)
    print(f"{len(drawn)} spans drawn from {len(spans)} ({sum(spans.values())} mutants) in {len(by_folder)} folders;"
          f" {dropped} nested in an excluded span")
    return 0


def thin(a):
    """Keeps a seeded random part of the drawn spans of some folders (a random sample of a random sample is one): for
    when the folders' tests turn out too slow for the time there is. The manifest records it."""
    with open(a.manifest, encoding="utf-8") as f:
        lines = f.readlines()
    header = [line for line in lines if line.startswith("#")]
    rows = list(csv.reader((line for line in lines if not line.startswith("#")), delimiter="\t"))
    folders = set(a.folders.split(","))
    rng = random.Random(a.seed)
    keep = []
    for folder in sorted(folders):
        spans = [r for r in rows[1:] if r[0] == "drawn" and r[1] == folder]
        keep += rng.sample(spans, math.ceil(a.keep * len(spans)))
    kept = {tuple(r) for r in keep}
    out = [rows[0]] + [r for r in rows[1:] if r[0] != "drawn" or r[1] not in folders or tuple(r) in kept]
    header.append(f"# thinned: {a.folders} kept {a.keep} of their drawn spans (seed {a.seed})\n")
    with open(a.manifest, "w", encoding="utf-8", newline="") as f:
        f.writelines(header)
        csv.writer(f, delimiter="\t", lineterminator="\n").writerows(out)
    print(f"kept {len(keep)} drawn spans in {a.folders}")
    return 0


def config(a):
    _, _, drawn, excluded = read_manifest(a.manifest)
    folders = set(a.folders.split(",")) if a.folders != "All" else {row[0] for row in drawn}
    include, exclude = {}, {}
    for folder, rel, start, end, _ in drawn:
        if folder in folders:
            include.setdefault(rel, []).append((start, end))
    for folder, rel, start, end in excluded:
        if folder in folders:
            exclude.setdefault(rel, []).append((start, end))
    patterns = []
    for rel in sorted(include):
        patterns.append(f"**/{rel}" + "".join(f"{{{s_}..{e_}}}" for s_, e_ in merge(include[rel])))
        if rel in exclude:
            patterns.append(f"!**/{rel}" + "".join(f"{{{s_}..{e_}}}" for s_, e_ in merge(exclude[rel])))
    with open(a.base, encoding="utf-8") as f:
        d = json.load(f)
    c = d["stryker-config"]
    c["mutate"] = patterns or ["nothing-drawn.cs"]
    c["coverage-analysis"] = a.coverage
    set_timeouts(c)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(d, f, indent=2)
    print(f"{sum(len(v) for v in include.values())} drawn spans in {len(include)} files of {a.folders}")
    return 0


def survivors(a):
    """A config that re-runs, with coverage analysis off, the drawn mutants of those folders that a per-test-coverage run
    left Survived or NoCoverage: per-test coverage misses what the tests reach on other threads, so a mutant it reports
    as surviving may still be killed by a test it did not run."""
    _, _, drawn, excluded = read_manifest(a.manifest)
    folders = set(a.folders.split(","))
    drawn_spans = {(rel, start, end) for folder, rel, start, end, _ in drawn if folder in folders}
    spans = {}
    for report in a.report:
        for rel, start, end, *_, status in mutants_of(report):
            if (rel, start, end) in drawn_spans and status in a.statuses.split(","):
                spans.setdefault(rel, set()).add((start, end))
    exclude = {}
    for folder, rel, start, end in excluded:
        if rel in spans:
            exclude.setdefault(rel, []).append((start, end))
    patterns = []
    for rel in sorted(spans):
        merged = merge(spans[rel])
        # Every drawn or undrawn span the merged survivor spans contain, other than the survivors', stays out.
        others = [s_ for s_ in exclude.get(rel, [])]
        others += [(s_, e_) for f_, r_, s_, e_, _ in drawn if r_ == rel and (s_, e_) not in spans[rel] and contained((s_, e_), merged)]
        patterns.append(f"**/{rel}" + "".join(f"{{{s_}..{e_}}}" for s_, e_ in merged))
        if others:
            patterns.append(f"!**/{rel}" + "".join(f"{{{s_}..{e_}}}" for s_, e_ in merge(others)))
    with open(a.base, encoding="utf-8") as f:
        d = json.load(f)
    c = d["stryker-config"]
    c["mutate"] = patterns or ["nothing-to-rerun.cs"]
    c["coverage-analysis"] = "off"
    set_timeouts(c)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(d, f, indent=2)
    print(f"{sum(len(v) for v in spans.values())} surviving spans in {len(spans)} files of {a.folders}")
    return 0 if spans else 3


def read_verified(path):
    """verify.py's table: {(file, line, column, mutator, replacement with its whitespace collapsed): status}."""
    with open(path, encoding="utf-8", newline="") as f:
        return {(r["file"], int(r["line"]), int(r["column"]), r["mutator"], r["replacement"]): r["verified"]
                for r in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")}


def summarise(a):
    header, population, drawn, _ = read_manifest(a.manifest)
    drawn_spans = {(rel, start, end): folder for folder, rel, start, end, _ in drawn}
    results = {}
    for report in a.report:
        for rel, start, end, line, column, mutator, replacement, status in mutants_of(report):
            key = (rel, start, end, line, column, mutator, replacement)
            if (rel, start, end) not in drawn_spans or status == "Ignored" or (status == "CompileError" and key in results):
                continue  # a re-run (a later report) only overrides what it tested
            results[key] = status
    # verify.py's verdicts (each mutant applied by hand and tested in a fresh process) override Stryker's; the listing
    # brings in the drawn mutants that only verify.py tested (folders without a Stryker run).
    verified = read_verified(a.verified) if a.verified else {}

    def verdict_of(key):
        rel, _, _, line, column, mutator, replacement = key
        return verified.get((rel, line, column, mutator, " ".join(replacement.split())))

    if a.listing:
        for rel, start, end, line, column, mutator, replacement, status in mutants_of(a.listing):
            key = (rel, start, end, line, column, mutator, replacement)
            if (rel, start, end) in drawn_spans and key not in results and verdict_of(key) is not None:
                results[key] = "NoCoverage"
    verified_count = stryker_only = gone = 0
    for key, status in list(results.items()):
        verdict = verdict_of(key)
        if verdict in ("Killed", "Survived", "Timeout", "Crashed", "CompileError"):
            results[key] = verdict
            verified_count += verdict != "CompileError"
        elif verdict == "Stale":
            # The code the mutant changed was rewritten after the sample was drawn: the mutant no longer exists.
            results[key] = "Stale"
            gone += 1
        elif status not in ("CompileError", "Ignored"):
            stryker_only += 1
    equivalent = {}
    with open(a.equivalent, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["area"] == "statistics":
                equivalent[(row["file"], int(row["line"]), row["mutator"])] = row["reason"]
    # Per span: (detected, scored) — the cluster totals of the ratio estimator.
    per_span = {}
    counts = {}
    survivors = []
    for (rel, start, end, line, column, mutator, replacement), status in sorted(results.items()):
        counts[status] = counts.get(status, 0) + 1
        d, n, t = per_span.get((rel, start, end), (0, 0, 0))
        if status in DETECTED:
            per_span[(rel, start, end)] = (d + 1, n + 1, t + (status == "Timeout"))
        elif status in UNDETECTED:
            per_span[(rel, start, end)] = (d, n + 1, t)
            survivors.append((f"{PROJECT}/{rel}", line, mutator, replacement, status))
        else:
            per_span.setdefault((rel, start, end), (d, n, t))
    tested = {s for s in per_span}
    missing = [s for s in drawn_spans if s not in tested]
    # Stratified ratio estimator: each folder's population of spans N_h, its sample n_h of spans (y = detected,
    # x = scored mutants per span); the area's score is sum(N_h * ybar_h) / sum(N_h * xbar_h).
    strata, timeouts = {}, {}
    for span, (d, n, t) in per_span.items():
        strata.setdefault(drawn_spans[span], []).append((d, n))
        timeouts[drawn_spans[span]] = timeouts.get(drawn_spans[span], 0) + t
    total_y = total_x = 0.0
    rows = []
    for folder in sorted(population):
        units = strata.get(folder, [])
        big_n = population[folder][0]
        if not units:
            rows.append((folder, big_n, population[folder][1], 0, 0, 0, 0, float("nan")))
            continue
        ybar = sum(d for d, _ in units) / len(units)
        xbar = sum(n for _, n in units) / len(units)
        total_y += big_n * ybar
        total_x += big_n * xbar
        rows.append((folder, big_n, population[folder][1], len(units), sum(n for _, n in units),
                     sum(d for d, _ in units), timeouts.get(folder, 0), 100.0 * ybar / xbar if xbar else float("nan")))
    score = total_y / total_x if total_x else float("nan")
    variance = 0.0
    for folder, units in strata.items():
        big_n, n_h = population[folder][0], len(units)
        if n_h < 2:
            continue
        resid = [d - score * n for d, n in units]
        mean = sum(resid) / n_h
        s2 = sum((r - mean) ** 2 for r in resid) / (n_h - 1)
        variance += big_n ** 2 * (1 - n_h / big_n) * s2 / n_h
    se = math.sqrt(variance) / total_x if total_x else float("nan")
    low, high = max(0.0, 100.0 * (score - 1.96 * se)), min(100.0, 100.0 * (score + 1.96 * se))
    unmeasured = [folder for folder in sorted(population) if folder not in strata]
    commit = subprocess.check_output(["git", "rev-parse", "HEAD"], text=True).strip()
    detected = counts.get("Killed", 0) + counts.get("Timeout", 0) + counts.get("Crashed", 0)
    scored = detected + counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    lines = [
        "# Mutation testing: statistics (a random sample of its mutants)",
        "",
        f"Measured at commit: {commit}",
        f"Covers: {PROJECT}",
        f"Reports: {len(a.report)} (runs over the drawn spans, folder group by folder group: {', '.join(a.groups or [])})",
        f"Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%dT%H:%MZ}; load average before the runs: {a.load}"
        + (f"; run time {a.minutes} min" if a.minutes is not None else ""),
        f"Sample: `{os.path.relpath(a.manifest)}` (seed {header.get('seed')}, fraction {header.get('fraction')} of the spans "
        f"of each folder, drawn from the mutants of commit {header.get('listing commit', '?')}"
        + (f"; thinned: {header['thinned']}" if "thinned" in header else "") + "); "
        f"{len(drawn_spans)} spans drawn, {len(tested)} tested, {len(missing)} not tested "
        "(nested in an excluded span, or a compile error in the sampled build)",
        "",
        f"**Score: {100.0 * score:.2f}%** (floor {a.floor:g}%; "
        + (f"estimate for the whole area, 95% interval {low:.2f}–{high:.2f}%" if not unmeasured
           else "NOT an estimate for the whole area: no spans tested in " + ", ".join(unmeasured))
        + "): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
        "",
        "The estimate weights each folder by its population of spans (a stratified ratio estimator with the finite-population",
        "correction); the interval is the normal one from its standard error. Scores of single folders rest on few spans.",
        "",
        f"Verdicts: {verified_count} of the {verified_count + stryker_only} scored mutants re-tested by "
        "`eng/mutation/verify.py` (the mutant written into the source, the project built, the tests run in a fresh process: "
        "Killed = a test failed, Timeout = the run outlasted 3x the unmutated run + 60 s, Crashed = the test process died)"
        + (f"; {stryker_only} carry Stryker's verdict alone." if stryker_only else "; none rests on Stryker's verdict alone.")
        + (f" {gone} drawn mutants are not scored: the code they changed was rewritten after the draw (Stale)." if gone else "")
        + " Stryker's `mtp` runner reuses one test host across mutants, and its verdicts on this sample did not hold up when "
        "each mutant was re-tested alone (docs/reliability.md, section 'Mutation testing', has the counts).",
        "",
        f"Timeouts count as detected, as Stryker counts them; counting every one of the {counts.get('Timeout', 0)} as a "
        f"survivor instead, the drawn mutants score {100.0 * (detected - counts.get('Timeout', 0)) / scored if scored else float('nan'):.2f}%.",
        "",
        "| Folder | Spans | Mutants | Spans drawn and tested | Mutants scored | Detected | of which timeouts | Score |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for folder, big_n, mutants, n_h, x, y, t, s in rows:
        lines.append(f"| {folder} | {big_n} | {mutants} | {n_h} | {x} | {y} | {t} | {s:.1f}% |")
    lines += ["", "Survivors among the drawn mutants:", "",
              "| File | Line | Mutator | Replacement | Status | Judged equivalent because |",
              "|---|---:|---|---|---|---|"]
    for rel, line, mutator, replacement, status in survivors:
        reason = equivalent.get((rel, line, mutator), "open: not judged equivalent")
        shown = replacement.replace("|", "\\|").replace("\n", " ")[:80]
        lines.append(f"| {rel} | {line} | {mutator} | `{shown}` | {status} | {reason} |")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"statistics (sampled): {100.0 * score:.2f}% [{low:.2f}, {high:.2f}] over {scored} mutants")
    return 0 if low >= a.floor and not unmeasured else 1


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--listing", required=True)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--fraction", type=float, required=True)
    d.add_argument("--fraction-for", dest="fractions", default="",
                   type=lambda text: {k: float(v) for k, v in (item.split("=") for item in text.split(",") if item)},
                   help="Folder=fraction,...: other fractions for some folders (each folder is a stratum of its own)")
    d.add_argument("--commit", required=True)
    d.add_argument("--out", required=True)
    c = sub.add_parser("config")
    for name in ("manifest", "base", "folders", "out"):
        c.add_argument("--" + name, required=True)
    c.add_argument("--coverage", default="perTest", choices=("perTest", "off"))
    t = sub.add_parser("thin")
    t.add_argument("--manifest", required=True)
    t.add_argument("--folders", required=True)
    t.add_argument("--keep", type=float, required=True)
    t.add_argument("--seed", type=int, required=True)
    r = sub.add_parser("survivors")
    for name in ("manifest", "base", "folders", "out"):
        r.add_argument("--" + name, required=True)
    r.add_argument("--report", action="append", required=True)
    r.add_argument("--statuses", default="Survived,NoCoverage", help="which statuses to re-run (Timeout: after a loaded run)")
    s = sub.add_parser("summarise")
    for name in ("manifest", "equivalent", "out", "load"):
        s.add_argument("--" + name, required=True)
    s.add_argument("--report", action="append", required=True)
    s.add_argument("--group", dest="groups", action="append")
    s.add_argument("--floor", type=float, default=85)
    s.add_argument("--minutes", type=int)
    s.add_argument("--verified", help="eng/mutation/statistics-verified.tsv: verify.py's verdicts, which override Stryker's")
    s.add_argument("--listing", help="the listing report: drawn mutants only verify.py tested are found in it")
    a = p.parse_args()
    commands = {"draw": draw, "thin": thin, "config": config, "survivors": survivors, "summarise": summarise}
    return commands[a.command](a)


if __name__ == "__main__":
    sys.exit(main())
