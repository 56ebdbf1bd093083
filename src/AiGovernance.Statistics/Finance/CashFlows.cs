using MathNet.Numerics.RootFinding;

namespace AiGovernance.Statistics;

/// <summary>Discounted cash-flow functions over arbitrary yearly cash flows: net present value and internal rate of return.</summary>
/// <remarks>
/// <para>Flow <c>t</c> (zero-based) falls at the end of year <c>t</c>: flow 0 is undiscounted and flow <c>t</c> is divided by
/// (1 + rate)^<c>t</c>. Investments are negative, returns positive.</para>
/// </remarks>
public static class CashFlows
{
    // IRRs are searched on the continuously compounded scale g = ln(1 + r), where the present value is smooth and the
    // roots of a typical project are evenly spread; the window covers r from -0.999999 to about 1e6 (100,000,000 %).
    private const double MinLogGrowth = -13.815510557964274; // ln(1e-6)
    private const double MaxLogGrowth = 13.815511557963774;  // ln(1e6 + 1)
    private const int ScanIntervals = 4096;
    private const double RootAccuracy = 1e-14;
    private const int MaxBrentIterations = 200;

    /// <summary>The net present value Σ flows[t] / (1 + rate)^t.</summary>
    /// <param name="rate">The discount rate per period, greater than −1 (0.10 for 10 %).</param>
    /// <param name="flows">The cash flows, flow 0 first (at time 0, undiscounted).</param>
    /// <returns>The net present value, in the currency of the flows.</returns>
    /// <remarks>Evaluated with Horner's scheme in the discount factor 1/(1 + rate), which is accurate to a few ulps of
    /// the largest discounted term. O(n) time, no allocation.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not finite or not greater than −1.</exception>
    /// <exception cref="ArgumentException"><paramref name="flows"/> is empty or holds a non-finite value.</exception>
    public static double NetPresentValue(double rate, ReadOnlySpan<double> flows)
    {
        GuardRate(rate);
        GuardFlows(flows);
        return Evaluate(1.0 / (1.0 + rate), flows);
    }

    /// <summary>The internal rate of return: the rate at which the net present value of <paramref name="flows"/> is zero;
    /// <see langword="null"/> when no such rate exists.</summary>
    /// <param name="flows">The cash flows, flow 0 first.</param>
    /// <returns>The IRR (0.15 for 15 %), or <see langword="null"/> when the flows never change sign (for example all
    /// negative), or when no rate in the searched range zeroes the net present value.</returns>
    /// <remarks>
    /// <para>Flows with exactly one sign change (conventional: an investment followed by returns) have exactly one IRR
    /// (Descartes' rule of signs in the discount factor), and the net present value decreases through it.</para>
    /// <para>Flows with several sign changes (for example a decommissioning cost at the end) may have several IRRs or
    /// none. All roots where the net present value changes sign are located by scanning 4096 intervals of
    /// ln(1 + r) over r ∈ [−0.999999, 10^6] and refining each bracket with MathNet's Brent method; the one closest to zero
    /// is returned (the convention of NumPy's original <c>irr</c>, which numpy_financial 1.0 replaced with a guess-seeded
    /// Newton iteration). A root at which the net present value only touches zero
    /// without changing sign is not reported, and roots closer together than the scan step may be missed: for such flows
    /// decide with the net present value at your hurdle rate instead.</para>
    /// <para>Zero flows before the first and after the last nonzero flow change no root (they multiply the net present
    /// value by a positive power of 1/(1 + r), or add nothing) and are left out of the search.</para>
    /// <para>Accuracy: the root is refined until the bracket is below about 1e-14 relative, or the net present value is
    /// below 1e-14 of the present value of the flows' absolute values (a scale-free residual, so a root far from r = 0
    /// over many periods is as exact as one near it).</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="flows"/> is empty or holds a non-finite value.</exception>
    public static double? InternalRateOfReturn(ReadOnlySpan<double> flows)
    {
        GuardFlows(flows);
        var largest = 0.0;
        foreach (var flow in flows)
        {
            largest = Math.Max(largest, Math.Abs(flow));
        }

        // The sums below add n terms, each at most its flow, so they overflow only for flows near the double range; those are
        // scaled by a power of two (exact). Dividing by the largest flow instead would round every flow and underflow one
        // below 2^-1074 of it to zero: a zero first or last flow then made the sums 0/0 (NaN) at extreme rates.
        var factor = largest >= Math.ScaleB(1.0, 960) ? Math.ScaleB(1.0, -64) : 1.0;
        int first = -1, last = -1, signChanges = 0, previousSign = 0;
        for (var i = 0; i < flows.Length; i++)
        {
            var sign = Math.Sign(flows[i] * factor);
            if (sign == 0)
            {
                continue;
            }

            if (previousSign != 0 && sign != previousSign)
            {
                signChanges++;
            }

            first = first < 0 ? i : first;
            last = i;
            previousSign = sign;
        }

        if (signChanges == 0)
        {
            return null;
        }

        // The root finder takes a delegate; copy once so the closure does not capture the span. Zeros before the first and
        // after the last nonzero flow are dropped: they would underflow the sums below to an exact 0 far from any root (a
        // false root, or none found), and with nonzero ends the denominator of the relative present value is never 0.
        var scaled = new double[last - first + 1];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = flows[first + i] * factor;
        }

        double PresentValue(double logGrowth) => RelativePresentValue(logGrowth, scaled);

        double? best = null;
        var step = (MaxLogGrowth - MinLogGrowth) / ScanIntervals;
        var lower = MinLogGrowth;
        var fLower = PresentValue(lower);
        for (var k = 1; k <= ScanIntervals; k++)
        {
            var upper = k == ScanIntervals ? MaxLogGrowth : MinLogGrowth + (k * step);
            var fUpper = PresentValue(upper);
            double? root = null;
            if (fLower == 0)
            {
                root = lower;
            }
            else if (fUpper != 0 && Math.Sign(fLower) != Math.Sign(fUpper)
                && Brent.TryFindRoot(PresentValue, lower, upper, RootAccuracy, MaxBrentIterations, out var found))
            {
                root = found;
            }
            else if (k == ScanIntervals && fUpper == 0)
            {
                root = upper;
            }

            if (root is { } g)
            {
                var rate = double.ExpM1(g);
                if (best is null || Math.Abs(rate) < Math.Abs(best.Value))
                {
                    best = rate;
                }
            }

            lower = upper;
            fLower = fUpper;
        }

        return best;
    }

    /// <summary>The present value at ln(1 + r) = <paramref name="logGrowth"/> divided by the present value of the flows'
    /// absolute values: the same sign and roots, but scale-free, so the root finder's threshold is a relative residual.
    /// Both sums are multiplied by (1 + r)^T when r &lt; 0 (Horner from flow 0 in w = 1 + r &lt; 1) and evaluated in
    /// v = 1/(1 + r) ≤ 1 otherwise, so no term exceeds its flow: nothing overflows, and as the first and last flows are
    /// nonzero the denominator is at least one of them. The factor is positive and 1 at r = 0, so both branches agree
    /// there.</summary>
    private static double RelativePresentValue(double logGrowth, double[] flows)
    {
        double sum = 0, magnitude = 0;
        if (logGrowth >= 0)
        {
            var v = Math.Exp(-logGrowth);
            for (var t = flows.Length - 1; t >= 0; t--)
            {
                sum = (sum * v) + flows[t];
                magnitude = (magnitude * v) + Math.Abs(flows[t]);
            }
        }
        else
        {
            // (1 + r)^T · Σ f[t]·(1 + r)^-t = Σ f[t]·w^(T - t): Horner from flow 0.
            var w = Math.Exp(logGrowth);
            foreach (var flow in flows)
            {
                sum = (sum * w) + flow;
                magnitude = (magnitude * w) + Math.Abs(flow);
            }
        }

        return sum / magnitude;
    }

    /// <summary>Σ flows[t]·v^t by Horner's scheme.</summary>
    internal static double Evaluate(double discountFactor, ReadOnlySpan<double> flows)
    {
        var sum = 0.0;
        for (var t = flows.Length - 1; t >= 0; t--)
        {
            sum = (sum * discountFactor) + flows[t];
        }

        return sum;
    }

    internal static void GuardRate(double rate, string paramName = "rate")
    {
        if (!double.IsFinite(rate) || rate <= -1)
        {
            throw new ArgumentOutOfRangeException(paramName, rate, "The discount rate must be finite and greater than -1.");
        }
    }

    private static void GuardFlows(ReadOnlySpan<double> flows)
    {
        if (flows.IsEmpty)
        {
            throw new ArgumentException("At least one cash flow is required.", nameof(flows));
        }

        for (var i = 0; i < flows.Length; i++)
        {
            if (!double.IsFinite(flows[i]))
            {
                throw new ArgumentException($"Cash flows must be finite; flows[{i}] is {flows[i]}.", nameof(flows));
            }
        }
    }
}
