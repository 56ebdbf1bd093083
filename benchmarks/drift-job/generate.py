#!/usr/bin/env python3
"""Writes a reference and a current CSV for the drift-job benchmarks (seeded, so every run reads the same bytes).

Usage: generate.py --rows N --columns C --out DIR [--categorical K] [--seed S]

Columns 0..C-K-1 are numeric (normal, gamma and integer-valued, written with up to 4 decimals), the last K are
categorical (5 to 40 labels). In the current file every fifth column drifts (a mean shift, or new label weights), so
the job has something to report. Both files have a header row and LF line ends.
"""
import argparse
import os
import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--columns", type=int, required=True)
    parser.add_argument("--categorical", type=int, default=None)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    categorical = args.categorical if args.categorical is not None else max(1, args.columns * 7 // 25)
    numeric = args.columns - categorical
    os.makedirs(args.out, exist_ok=True)
    for name, drift in (("reference.csv", False), ("current.csv", True)):
        rng = np.random.default_rng(args.seed + (1 if drift else 0))
        columns, header = [], []
        for c in range(numeric):
            shift = 0.5 if drift and c % 5 == 0 else 0.0
            kind = c % 3
            if kind == 0:
                values = np.char.mod("%.4f", rng.normal(50 + shift * 10, 10, args.rows))
            elif kind == 1:
                values = np.char.mod("%.2f", rng.gamma(2.0, 1000 * (1 + shift), args.rows))
            else:
                values = rng.integers(0, 100 + int(shift * 40), args.rows).astype(str)
            columns.append(values)
            header.append(f"num_{c}")
        for c in range(categorical):
            labels = np.array([f"label_{c}_{k}" for k in range(5 + (c * 7) % 36)])
            weights = np.linspace(1, 2, len(labels))
            if drift and c % 5 == 0:
                weights = weights[::-1] ** 2
            columns.append(labels[rng.choice(len(labels), args.rows, p=weights / weights.sum())])
            header.append(f"cat_{c}")
        with open(os.path.join(args.out, name), "w", newline="") as f:
            f.write(",".join(header) + "\n")
            block = 100_000
            for start in range(0, args.rows, block):
                stop = min(start + block, args.rows)
                rows = np.stack([col[start:stop] for col in columns], axis=1)
                f.write("\n".join(",".join(r) for r in rows.tolist()))
                f.write("\n")


if __name__ == "__main__":
    main()
