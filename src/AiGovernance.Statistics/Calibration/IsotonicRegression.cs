namespace AiGovernance.Statistics;

/// <summary>A fitted isotonic (monotone) regression of y on x, as scikit-learn 1.2's
/// <c>IsotonicRegression(increasing=…, out_of_bounds="clip")</c>: the probability calibrator behind label-free performance
/// estimation.</summary>
/// <remarks>
/// <para><b>Fit.</b> Examples with a weight ≤ 0 are dropped (they do not widen the clip range either). The rest are sorted
/// by x, then y (NumPy <c>lexsort((y, x))</c>, stable); runs of x within 10⁻¹⁵ (absolute; NumPy's <c>finfo.resolution</c>)
/// of a run's first x are ties, pooled into one point at that first x with the weighted mean of their y and the sum of
/// their weights. Pool-adjacent-violators (scikit-learn's single-pass active-set variant with backtracking, O(n)) then
/// finds the non-decreasing step function of least weighted squared error; a decreasing fit reverses the pooled points,
/// fits increasing and reverses back. Interior points whose fitted value equals both neighbours' are dropped, as
/// scikit-learn's <c>trim_duplicates</c> does; they do not change any prediction.</para>
/// <para><b>Predict.</b> x is clipped to [<see cref="XMin"/>, <see cref="XMax"/>] and interpolated linearly between the
/// fitted thresholds (NumPy <c>interp</c>, which scikit-learn's <c>interp1d</c> delegates to: exact at a threshold,
/// slope·(x − xⱼ) + yⱼ between xⱼ and xⱼ₊₁). A single fitted point predicts its value everywhere. NaN predicts NaN.</para>
/// <para><b>Accuracy.</b> The arithmetic follows scikit-learn's in the same order, so predictions agree with Debian's
/// scikit-learn 1.2.1 to 1e-12 relative (checked in <c>TestData/calibration_reference.py</c>).</para>
/// <para>O(n log n) to fit (the sort). A prediction searches only the thresholds in its cell of a uniform grid over the
/// fitted range (4 cells per threshold, at most 65,536): O(1) on average, O(log k) at worst over the k kept thresholds.
/// Immutable and thread-safe.</para>
/// </remarks>
public sealed class IsotonicRegression
{
    // numpy.finfo(np.float64).resolution: scikit-learn's _make_unique treats closer x values as one.
    private const double TieResolution = 1e-15;

    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _slopes;

    // A uniform grid over [XMin, XMax]: _cellStart[c] is the last threshold index j with x[j] ≤ XMin + c·width, so a query
    // searches only the few thresholds of its cell instead of all of them (the result is the same index).
    private readonly int[] _cellStart;
    private readonly double _cellScale;

    private IsotonicRegression(double[] x, double[] y, double xMin, double xMax, bool increasing)
    {
        _x = x;
        _y = y;
        XMin = xMin;
        XMax = xMax;
        Increasing = increasing;
        _slopes = new double[Math.Max(0, x.Length - 1)];
        for (var j = 0; j < _slopes.Length; j++)
        {
            _slopes[j] = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
        }

        var cells = (int)Math.Min(1 << 16, Math.Max(1, 4L * x.Length));
        var width = (xMax - xMin) / cells;
        _cellScale = width > 0 && double.IsFinite(1 / width) ? 1 / width : 0;
        _cellStart = new int[cells + 1];
        var k = 0;
        for (var c = 0; c <= cells; c++)
        {
            var edge = xMin + (c * width);
            while (k + 1 < x.Length && x[k + 1] <= edge)
            {
                k++;
            }

            _cellStart[c] = k;
        }
    }

    /// <summary>The fitted thresholds' x values, ascending (scikit-learn's <c>X_thresholds_</c>).</summary>
    public ReadOnlySpan<double> XThresholds => _x;

    /// <summary>The fitted values at <see cref="XThresholds"/> (scikit-learn's <c>y_thresholds_</c>).</summary>
    public ReadOnlySpan<double> YThresholds => _y;

    /// <summary>The smallest x with positive weight seen in the fit; smaller inputs are clipped to it.</summary>
    public double XMin { get; }

    /// <summary>The largest x with positive weight seen in the fit; larger inputs are clipped to it.</summary>
    public double XMax { get; }

    /// <summary>Whether the fit is non-decreasing (otherwise non-increasing).</summary>
    public bool Increasing { get; }

    /// <summary>Fits the isotonic regression.</summary>
    /// <param name="x">The inputs (for calibration: the model's scores); finite.</param>
    /// <param name="y">The targets (for calibration: 1 for a positive outcome, 0 otherwise); finite, same length.</param>
    /// <param name="sampleWeight">One weight per example, finite; empty for unit weights. Weights ≤ 0 drop the example.</param>
    /// <param name="increasing">Whether the fit is non-decreasing (true) or non-increasing (false).</param>
    /// <returns>The fitted regression.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths, a value or weight is NaN or
    /// infinite (the message names the first bad index), or no example has a positive weight.</exception>
    public static IsotonicRegression Fit(
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> sampleWeight = default, bool increasing = true)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(x);
        SampleGuard.ThrowIfNotFinite(y);
        if (y.Length != x.Length)
        {
            throw new ArgumentException($"y has {y.Length} values but x has {x.Length}; they must pair up.", nameof(y));
        }

        if (!sampleWeight.IsEmpty)
        {
            SampleGuard.ThrowIfNotFinite(sampleWeight);
            if (sampleWeight.Length != x.Length)
            {
                throw new ArgumentException(
                    $"sampleWeight has {sampleWeight.Length} values but x has {x.Length}; pass one weight per example or none.",
                    nameof(sampleWeight));
            }
        }

        var points = new Point[x.Length];
        var kept = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var weight = sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            if (weight > 0)
            {
                points[kept++] = new Point(x[i], y[i], weight, i);
            }
        }

        if (kept == 0)
        {
            throw new ArgumentException("No example has a positive weight; an isotonic fit needs at least one.", nameof(sampleWeight));
        }

        var sorted = points.AsSpan(0, kept);
        sorted.Sort(static (a, b) =>
        {
            var byX = a.X.CompareTo(b.X);
            if (byX != 0)
            {
                return byX;
            }

            var byY = a.Y.CompareTo(b.Y);
            return byY != 0 ? byY : a.Index.CompareTo(b.Index);
        });

        var (ux, uy, uw) = PoolTies(sorted);
        if (!increasing)
        {
            Array.Reverse(uy);
            Array.Reverse(uw);
        }

        PoolAdjacentViolators(uy, uw);
        if (!increasing)
        {
            Array.Reverse(uy);
        }

        var (tx, ty) = TrimDuplicates(ux, uy);
        return new IsotonicRegression(tx, ty, ux[0], ux[^1], increasing);
    }

    /// <summary>The fitted value at <paramref name="x"/>, clipped to the fitted range and interpolated linearly.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The prediction; NaN when <paramref name="x"/> is NaN.</returns>
    public double Predict(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var xs = _x;
        if (xs.Length == 1)
        {
            return _y[0];
        }

        var v = Math.Clamp(x, XMin, XMax);
        if (v >= xs[^1])
        {
            return _y[^1];
        }

        // The last j with xs[j] <= v (v >= xs[0] after clipping), searched within v's grid cell; the two corrections guard
        // against the cell index rounding across an edge.
        var cell = Math.Min((int)((v - XMin) * _cellScale), _cellStart.Length - 2);
        var lo = _cellStart[cell];
        var hi = _cellStart[cell + 1] + 1;
        while (lo > 0 && xs[lo] > v)
        {
            lo--;
        }

        while (hi < xs.Length - 1 && xs[hi] <= v)
        {
            hi++;
        }

        hi = Math.Min(hi, xs.Length - 1);
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (xs[mid] <= v)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return xs[lo] == v ? _y[lo] : (_slopes[lo] * (v - xs[lo])) + _y[lo];
    }

    /// <summary>Predicts every input into <paramref name="destination"/>.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">Receives one prediction per input.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>.</exception>
    public void Predict(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException($"destination holds {destination.Length} values but x has {x.Length}.", nameof(destination));
        }

        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = Predict(x[i]);
        }
    }

    // scikit-learn's _make_unique: a run of x within TieResolution of its first x becomes one point at that first x; its y
    // is Σ(y·w)/Σw accumulated in sorted order.
    private static (double[] X, double[] Y, double[] W) PoolTies(ReadOnlySpan<Point> sorted)
    {
        var x = new List<double>();
        var y = new List<double>();
        var w = new List<double>();
        var currentX = sorted[0].X;
        double currentY = 0, currentWeight = 0;
        foreach (var p in sorted)
        {
            if (p.X - currentX >= TieResolution)
            {
                x.Add(currentX);
                w.Add(currentWeight);
                y.Add(currentY / currentWeight);
                currentX = p.X;
                currentWeight = p.W;
                currentY = p.Y * p.W;
            }
            else
            {
                currentWeight += p.W;
                currentY += p.Y * p.W;
            }
        }

        x.Add(currentX);
        w.Add(currentWeight);
        y.Add(currentY / currentWeight);
        return ([.. x], [.. y], [.. w]);
    }

    // scikit-learn's _inplace_contiguous_isotonic_regression (Best & Chakravarti's active set, single pass with
    // backtracking). For an active block [i..j]: target[i] = j and target[j] = i; y[i] and w[i] hold the block's weighted
    // mean and total weight.
    private static void PoolAdjacentViolators(double[] y, double[] w)
    {
        var n = y.Length;
        var target = new int[n];
        for (var t = 0; t < n; t++)
        {
            target[t] = t;
        }

        var i = 0;
        while (i < n)
        {
            var k = target[i] + 1;
            if (k == n)
            {
                break;
            }

            if (y[i] < y[k])
            {
                i = k;
                continue;
            }

            var sumWy = w[i] * y[i];
            var sumW = w[i];
            while (true)
            {
                var previousY = y[k];
                sumWy += w[k] * y[k];
                sumW += w[k];
                k = target[k] + 1;
                if (k == n || previousY < y[k])
                {
                    y[i] = sumWy / sumW;
                    w[i] = sumW;
                    target[i] = k - 1;
                    target[k - 1] = i;
                    if (i > 0)
                    {
                        i = target[i - 1];
                    }

                    break;
                }
            }
        }

        i = 0;
        while (i < n)
        {
            var k = target[i] + 1;
            for (var t = i + 1; t < k; t++)
            {
                y[t] = y[i];
            }

            i = k;
        }
    }

    // Interior points whose value equals both neighbours' carry no information for linear interpolation.
    private static (double[] X, double[] Y) TrimDuplicates(double[] x, double[] y)
    {
        var n = y.Length;
        var keptX = new List<double>(n);
        var keptY = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || i == n - 1 || y[i] != y[i - 1] || y[i] != y[i + 1])
            {
                keptX.Add(x[i]);
                keptY.Add(y[i]);
            }
        }

        return ([.. keptX], [.. keptY]);
    }

    private readonly record struct Point(double X, double Y, double W, int Index);
}
