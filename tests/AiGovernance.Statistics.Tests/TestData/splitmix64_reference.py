#!/usr/bin/python3
"""Reference draws for AiGovernance.Statistics.SplitMix64Random, re-implementing its documented definition independently.

  * SplitMix64 (Steele, Lea & Flood 2014): state += 0x9E3779B97F4A7C15 (mod 2^64); z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB; output z ^ (z >> 31).
    The seed (a signed 64-bit integer) is the initial state taken as unsigned.
  * Bounded draw in [0, n) (Lemire 2019, "Fast random integer generation in an interval", Algorithm 5):
    m = x * n (128-bit); l = low64(m); if l < n: t = (2^64 - n) mod n; while l < t: redraw x, m, l. Return high64(m).
    Rejecting the low words in [0, t) leaves 2^64 - t of them, a multiple of n, so every result is equally likely.

Bounds near 2^64 make the rejection branch frequent (for n = 2^63 + 1, t = 2^63 - 1: about half of the words drawn are
rejected; for n = 3·2^62 + 1, t = 2^62 - 1: about a quarter), which is what the cases below exercise; small bounds
almost never reach it. In the "boundary" case the first low word equals t exactly, which must be accepted (only words
below t are rejected): seed 0's first output is x = 0xE220A8397B1DCDAF, n = 9·2^60, t = 2^64 - n = 7·2^60, and
x·n mod 2^64 = (15·9 mod 16)·2^60 = 7·2^60 = t; the later draws of that case are ordinary.
Pure Python (integers are exact); run with /usr/bin/python3; writes splitmix64_reference.json next to this file.
"""
import json
import os

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK
        self.rejections = 0
        self.boundary_hits = 0

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def bounded(self, n):
        m = self.next() * n
        low = m & MASK
        if low < n:
            threshold = ((1 << 64) - n) % n
            if low == threshold:
                self.boundary_hits += 1
            while low < threshold:
                self.rejections += 1
                m = self.next() * n
                low = m & MASK
                if low == threshold:
                    self.boundary_hits += 1
        return m >> 64


CASES = [
    ("half plus one", 20260401, (1 << 63) + 1, 200),
    ("three quarters plus one", -7, (3 << 62) + 1, 200),
    ("largest", 42, MASK, 50),
    ("boundary", 0, 9 << 60, 3),
    ("seven", 123, 7, 50),
]

cases = []
for name, seed, bound, count in CASES:
    rng = SplitMix64(seed)
    draws = [rng.bounded(bound) for _ in range(count)]
    assert all(0 <= d < bound for d in draws)
    if name in ("half plus one", "three quarters plus one"):
        assert rng.rejections >= count // 8, (name, rng.rejections)
    if name == "boundary":
        assert rng.boundary_hits >= 1
    cases.append({"name": name, "seed": seed, "bound": bound, "draws": draws, "rejections": rng.rejections})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "splitmix64_reference.json"), "w", encoding="utf-8") as f:
    json.dump({"bounded": cases}, f)
    f.write("\n")
