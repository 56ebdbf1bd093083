namespace AiGovernance.Statistics;

/// <summary>Platt's sigmoid calibration: P(positive | score) = 1 / (1 + exp(A·score + B)), with (A, B) the exact
/// maximum-likelihood optimum of the objective scikit-learn's <c>_sigmoid_calibration</c> minimises.</summary>
/// <remarks>
/// <para><b>Objective</b> (Platt 1999, §2.2): with N₊ positives and N₋ negatives, the targets are smoothed to
/// t = (N₊ + 1)/(N₊ + 2) for a positive and 1/(N₋ + 2) for a negative, and (A, B) minimises
/// Σ −[t·ln P + (1 − t)·ln(1 − P)], evaluated stably as Σ softplus(z) − (1 − t)·z with z = A·s + B.</para>
/// <para><b>Solver.</b> Newton's method with a backtracking line search (Lin, Lin &amp; Weng 2007), started at A = 0,
/// B = ln((N₋ + 1)/(N₊ + 1)), iterated until the gradient reaches its rounding floor; the objective is strictly convex
/// unless every score is equal, in which case A = 0 and B solves the single-rate optimum in closed form. The smoothed
/// targets keep the optimum finite even for perfectly separated scores. Newton runs on the scores standardised to
/// u = (s − c)/h ∈ [−1, 1] (c the midpoint and h the half-range of the scores) and maps the optimum back exactly,
/// A = A′/h and B = B′ − A·c: on raw scores far from 0 relative to their spread (probabilities all near 1, timestamps)
/// the Hessian is nearly singular and Newton crawls.</para>
/// <para><b>Accuracy.</b> scikit-learn stops its BFGS at gtol 1e-5, so its (A, B) — and its predictions, by up to about
/// 1e-5 — differ from the optimum; this type matches the optimum itself, solved tightly in
/// <c>TestData/calibration_reference.py</c> (SciPy trust-region Newton, gtol 1e-13), to 1e-7 in every prediction (also for
/// scores all within 1e-7 of 1, where scikit-learn's predictions are off by 0.5). A·s + B itself cancels when the scores'
/// size dwarfs their spread: its rounding error is about 1e-16·|A·s|, inherent in the (A, B) form.</para>
/// <para>O(n) per Newton iteration, typically under ten iterations. Immutable and thread-safe.</para>
/// </remarks>
public sealed class PlattScaling
{
    private const int MaxIterations = 200;
    private const double Armijo = 1e-4;
    private const double MinimumStep = 1e-12;
    private const double MachineEpsilon = 2.220446049250313e-16;

    private PlattScaling(double a, double b, int iterations)
    {
        A = a;
        B = b;
        Iterations = iterations;
    }

    /// <summary>The slope of the sigmoid's argument; negative when higher scores mean more likely positive.</summary>
    public double A { get; }

    /// <summary>The offset of the sigmoid's argument.</summary>
    public double B { get; }

    /// <summary>How many Newton iterations the fit took (0 for parameters given directly or constant scores).</summary>
    public int Iterations { get; }

    /// <summary>Creates a calibrator from parameters fitted earlier (for example restored from storage).</summary>
    /// <param name="a">The slope A.</param>
    /// <param name="b">The offset B.</param>
    /// <returns>The calibrator.</returns>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite.</exception>
    public static PlattScaling FromParameters(double a, double b)
    {
        if (!double.IsFinite(a))
        {
            throw new ArgumentException($"A must be finite; got {a}.", nameof(a));
        }

        if (!double.IsFinite(b))
        {
            throw new ArgumentException($"B must be finite; got {b}.", nameof(b));
        }

        return new PlattScaling(a, b, 0);
    }

    /// <summary>Fits (A, B) to the scores and their outcomes.</summary>
    /// <param name="scores">The model's scores (any finite scale: probabilities, margins, log-odds).</param>
    /// <param name="labels">Whether each example turned out positive.</param>
    /// <returns>The fitted calibrator.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths, a score is NaN or infinite (the
    /// message names the first bad index), or the scores differ so little (subnormal differences) that the fitted slope
    /// is beyond the double range.</exception>
    public static PlattScaling Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        SampleGuard.ThrowIfEmptyOrNotFinite(scores, out var minimum, out var maximum);
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"labels has {labels.Length} values but scores has {scores.Length}; they must pair up.", nameof(labels));
        }

        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        var negatives = labels.Length - positives;
        var targetPositive = (positives + 1.0) / (positives + 2.0);
        var targetNegative = 1.0 / (negatives + 2.0);
        if (minimum == maximum)
        {
            // Every z is equal: the optimum puts P at the mean target, for any A; A = 0 is the natural choice.
            var meanTarget = ((positives * targetPositive) + (negatives * targetNegative)) / labels.Length;
            return new PlattScaling(0, Math.Log((1 - meanTarget) / meanTarget), 0);
        }

        var centre = (minimum / 2) + (maximum / 2);
        var halfRange = (maximum / 2) - (minimum / 2);
        var problem = new Problem(scores, labels, targetPositive, targetNegative, centre, halfRange);
        double a = 0, b = Math.Log((negatives + 1.0) / (positives + 1.0));
        var value = problem.Objective(a, b);
        var iterations = 0;
        while (iterations < MaxIterations)
        {
            iterations++;
            var (ga, gb, haa, hab, hbb, scale) = problem.Derivatives(a, b);

            // The gradient is a sum of n terms of size up to |s|; below this it is rounding noise.
            var floor = 8 * MachineEpsilon * scale;
            if (Math.Abs(ga) <= floor && Math.Abs(gb) <= floor)
            {
                break;
            }

            // Newton direction d = −H⁻¹g for the 2 × 2 Hessian (positive definite: scores are not all equal).
            var determinant = (haa * hbb) - (hab * hab);
            if (!(determinant > 0))
            {
                break;
            }

            var da = -((hbb * ga) - (hab * gb)) / determinant;
            var db = -((haa * gb) - (hab * ga)) / determinant;
            var slope = (ga * da) + (gb * db);
            if (!TryStep(ref problem, ref a, ref b, ref value, da, db, slope, Math.Abs(ga) + Math.Abs(gb)))
            {
                break;
            }

            if (Math.Abs(da) <= 1e-15 * (1 + Math.Abs(a)) && Math.Abs(db) <= 1e-15 * (1 + Math.Abs(b)))
            {
                break;
            }
        }

        var rawA = a / halfRange;
        var rawB = b - (rawA * centre);
        if (!double.IsFinite(rawA) || !double.IsFinite(rawB))
        {
            throw new ArgumentException(
                $"The scores span only {maximum - minimum}: the fitted slope ({rawA}) or offset ({rawB}) is beyond the double range.",
                nameof(scores));
        }

        return new PlattScaling(rawA, rawB, iterations);
    }

    // A backtracking line search on the objective, except that near the optimum the objective's rounding (about 1e-16 of
    // its value) hides the decrease of a full Newton step; there a full step that shrinks the gradient is progress.
    // Returns false when no step helps: (A, B) is then as exact as doubles allow.
    private static bool TryStep(
        ref Problem problem, ref double a, ref double b, ref double value, double da, double db, double slope, double gradient)
    {
        for (var step = 1.0; step >= MinimumStep; step /= 2)
        {
            var na = a + (step * da);
            var nb = b + (step * db);
            var candidate = problem.Objective(na, nb);
            if (candidate < value + (Armijo * step * slope))
            {
                (a, b, value) = (na, nb, candidate);
                return true;
            }

            if (step == 1)
            {
                var (nga, ngb, _, _, _, _) = problem.Derivatives(na, nb);
                if (Math.Abs(nga) + Math.Abs(ngb) < gradient / 2)
                {
                    (a, b, value) = (na, nb, candidate);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The calibrated probability 1 / (1 + exp(A·score + B)), computed without overflow.</summary>
    /// <param name="score">The model's score.</param>
    /// <returns>The probability in [0, 1]; NaN when <paramref name="score"/> is NaN.</returns>
    public double Predict(double score) => Sigmoid(-((A * score) + B));

    /// <summary>Predicts every score into <paramref name="destination"/>.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="destination">Receives one probability per score.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="scores"/>.</exception>
    public void Predict(ReadOnlySpan<double> scores, Span<double> destination)
    {
        if (destination.Length < scores.Length)
        {
            throw new ArgumentException($"destination holds {destination.Length} values but scores has {scores.Length}.", nameof(destination));
        }

        for (var i = 0; i < scores.Length; i++)
        {
            destination[i] = Predict(scores[i]);
        }
    }

    // 1/(1 + e^−v) without overflow for large |v|.
    private static double Sigmoid(double v)
    {
        if (v >= 0)
        {
            return 1 / (1 + Math.Exp(-v));
        }

        var e = Math.Exp(v);
        return e / (1 + e);
    }

    // ln(1 + e^z) without overflow.
    private static double Softplus(double z) => z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));

    // The objective in the standardised scores u = (s − centre)/halfRange.
    private readonly ref struct Problem(
        ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double targetPositive, double targetNegative, double centre, double halfRange)
    {
        private readonly ReadOnlySpan<double> _scores = scores;
        private readonly ReadOnlySpan<bool> _labels = labels;

        public double Objective(double a, double b)
        {
            double sum = 0;
            for (var i = 0; i < _scores.Length; i++)
            {
                var z = (a * ((_scores[i] - centre) / halfRange)) + b;
                var t = _labels[i] ? targetPositive : targetNegative;
                sum += Softplus(z) - ((1 - t) * z);
            }

            return sum;
        }

        // Gradient (Σ(t − P)·s, Σ(t − P)) and Hessian Σ P(1 − P)·[s², s; s, 1] with P = 1/(1 + e^z), plus Σ(|s| + 1)
        // as the scale of the gradient's rounding error.
        public (double Ga, double Gb, double Haa, double Hab, double Hbb, double Scale) Derivatives(double a, double b)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0, scale = 0;
            for (var i = 0; i < _scores.Length; i++)
            {
                var s = (_scores[i] - centre) / halfRange;
                var z = (a * s) + b;
                var p = Sigmoid(-z);
                var t = _labels[i] ? targetPositive : targetNegative;
                var r = t - p;
                var h = p * (1 - p);
                ga += r * s;
                gb += r;
                haa += h * s * s;
                hab += h * s;
                hbb += h;
                scale += Math.Abs(s) + 1;
            }

            return (ga, gb, haa, hab, hbb, scale);
        }
    }
}
