#!/usr/bin/env python3
"""Independent ROI reference values for AiGovernance.Scorecards.Tests (writes roi_reference.json).

NPV is computed directly as sum(cf / (1 + r)**t); IRR with scipy.optimize.brentq. numpy_financial is not available on
the oracle machine (Debian 12: numpy, scipy 1.10.1). For flows with several sign changes every real root of the NPV
polynomial in v = 1/(1 + r) is located with numpy.roots, each is polished with brentq on a small bracket, and the rate
closest to zero is kept (the convention of NumPy's original irr). Payback: the first year in which the cumulative
(discounted) cash flow turns non-negative, interpolated linearly within that year; None when it never does.
The cash-flow cases (NPV and IRR of arbitrary flows) moved with CashFlows to
tests/AiGovernance.Statistics.Tests/TestData/cash_flows_reference.py.
Run: /usr/bin/python3 roi_reference.py
"""
import json
import os
import sys

# NPV and IRR are AiGovernance.Statistics' CashFlows; their reference implementation lives beside its tests.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "AiGovernance.Statistics.Tests", "TestData"))
from cash_flows_reference import irr, npv  # noqa: E402


def payback(flows, rate):
    cumulative = flows[0]
    if cumulative >= 0:
        return 0.0
    for t in range(1, len(flows)):
        flow = flows[t] / (1.0 + rate) ** t
        if cumulative + flow >= 0:
            return float(t - 1 + (-cumulative) / flow)
        cumulative += flow
    return None


def roi_case(name, dev, infra, ops, revenue, savings, years=3, rate=0.10, p=1.0):
    annual_costs = infra + ops
    annual_benefits = revenue + savings
    net = annual_benefits - annual_costs
    flows = [-dev] + [net] * years
    total_investment = dev + annual_costs * years
    total_benefits = annual_benefits * years
    value = npv(rate, flows)
    return {
        "name": name,
        "inputs": {"developmentCost": dev, "annualInfrastructureCost": infra, "annualOperationalCost": ops,
                   "annualRevenueImpact": revenue, "annualCostSavings": savings, "years": years,
                   "discountRate": rate, "probabilityOfSuccess": p},
        "flows": flows,
        "npv": value,
        "irr": irr(flows),
        "roi": (total_benefits - total_investment) / total_investment,
        "payback": payback(flows, 0.0),
        "discountedPayback": payback(flows, rate),
        "totalInvestment": total_investment,
        "totalBenefits": total_benefits,
        "annualNetBenefit": net,
        "expectedNpv": p * value - (1 - p) * dev,
    }


roi_cases = [
    roi_case("seed-style three years", 500_000, 120_000, 80_000, 300_000, 250_000),
    roi_case("five years at 8 %", 1_200_000, 150_000, 200_000, 450_000, 400_000, years=5, rate=0.08, p=0.7),
    roi_case("never pays back", 900_000, 200_000, 150_000, 300_000, 100_000, years=3),
    roi_case("pays back undiscounted only", 1_000_000, 50_000, 50_000, 300_000, 150_000, years=3, rate=0.12, p=0.6),
    roi_case("net loss every year", 200_000, 300_000, 100_000, 150_000, 100_000, years=4),
    roi_case("ten years at 15 %", 2_500_000, 300_000, 250_000, 900_000, 350_000, years=10, rate=0.15, p=0.55),
    roi_case("one year", 100_000, 10_000, 5_000, 100_000, 50_000, years=1, rate=0.05),
]

out = {"roi": roi_cases}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "roi_reference.json")
with open(path, "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=2)
    fh.write("\n")
print(f"wrote {len(roi_cases)} ROI cases to {path}")
