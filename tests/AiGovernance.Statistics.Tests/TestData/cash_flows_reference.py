#!/usr/bin/env python3
"""Independent cash-flow reference values for AiGovernance.Statistics.CashFlows (writes cash_flows_reference.json).

NPV is computed directly as sum(cf / (1 + r)**t); IRR with scipy.optimize.brentq. numpy_financial is not available on
the oracle machine (Debian 12: numpy, scipy 1.10.1). For flows with several sign changes every real root of the NPV
polynomial in v = 1/(1 + r) is located with numpy.roots, each is polished with brentq on a small bracket, and the rate
closest to zero is kept (the convention of NumPy's original irr).
These cases moved here from tests/AiGovernance.Scorecards.Tests/TestData/roi_reference.py with CashFlows itself;
roi_reference.py imports npv and irr from this file.
Run: /usr/bin/python3 cash_flows_reference.py
"""
import json
import os

import numpy as np
from scipy.optimize import brentq


def npv(rate, flows):
    return float(sum(cf / (1.0 + rate) ** t for t, cf in enumerate(flows)))


def irr(flows):
    nz = [cf for cf in flows if cf != 0]
    if all(cf > 0 for cf in nz) or all(cf < 0 for cf in nz):
        return None
    # numpy.roots wants the highest power first: sum cf_t v^t -> coefficients cf_T .. cf_0.
    roots = np.roots(list(reversed(flows)))
    candidates = []
    for v in roots:
        if abs(v.imag) > 1e-7 * max(1.0, abs(v.real)) or v.real <= 0:
            continue
        r0 = 1.0 / v.real - 1.0
        f = lambda r: npv(r, flows)
        lo, hi = r0 - 1e-6 * max(1.0, abs(r0)), r0 + 1e-6 * max(1.0, abs(r0))
        lo = max(lo, -1 + 1e-12)
        if f(lo) * f(hi) < 0:
            candidates.append(brentq(f, lo, hi, xtol=1e-15, rtol=8.9e-16, maxiter=500))
    if not candidates:
        return None
    return float(min(candidates, key=abs))


if __name__ == "__main__":
    flow_cases = []
    for name, flows in [
        ("conventional", [-1000.0, 300.0, 400.0, 500.0, 200.0]),
        ("irregular", [-250.5, 10.0, 0.0, 180.25, 95.0, 60.0]),
        ("high return", [-10.0, 100.0, 5.0]),
        ("negative irr", [-1000.0, 200.0, 200.0, 200.0]),
        ("two irrs 10 and 20 %", [-100.0, 230.0, -132.0]),
        ("decommissioning cost", [-800.0, 500.0, 500.0, 500.0, -700.0]),
        ("late investment", [100.0, 100.0, -250.0]),
        ("long horizon", [-5000.0] + [400.0] * 30),
        # Longer than 51 periods, so (1e6)^T overflows a double at either end of the searched window.
        ("century annuity", [-5000.0] + [400.0] * 100),
        # A root far from r = 0 over several periods: the NPV is small in absolute terms near it.
        ("high return over five years", [-1.0, 0.0, 0.0, 0.0, 0.0, 101.0 ** 5]),
        ("deep loss over ten years", [-1.0] + [0.0] * 9 + [1e-10]),
        # Zero years around the flows change no root (a positive factor v^k, or nothing).
        ("zero years after the last flow", [-1.0, 2.0] + [0.0] * 100),
        ("zero years before the first flow", [0.0] * 100 + [-1.0, 2.0]),
    ]:
        rates = [-0.5, -0.05, 0.0, 0.05, 0.10, 0.25, 1.5]
        flow_cases.append({"name": name, "flows": flows,
                           "rates": rates, "npv": [npv(r, flows) for r in rates],
                           "irr": irr(flows)})

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cash_flows_reference.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"flows": flow_cases}, fh, indent=2)
        fh.write("\n")
    print(f"wrote {len(flow_cases)} cash-flow cases to {path}")
