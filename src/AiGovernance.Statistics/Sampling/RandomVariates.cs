namespace AiGovernance.Statistics.Sampling;

/// <summary>Random variates from the common distributions, for simulations and synthetic data, drawn from a generator the
/// caller seeds (use <see cref="SplitMix64RandomSource"/> for a sequence fixed by the seed on every .NET version).</summary>
/// <remarks>
/// <para>Each method is MathNet.Numerics' sampler for that distribution (the product does not hand-write distributions), so a
/// given generator state yields exactly MathNet's draw; packages other than Statistics sample through this class instead of
/// referencing MathNet themselves. Parameters are checked here, with the argument's name in the exception.</para>
/// <para><b>Cost:</b> O(1) expected per draw (Poisson: O(λ) below 30, rejection above), no allocation except
/// <see cref="Categorical"/>'s O(k) cumulative table per call.</para>
/// </remarks>
public static class RandomVariates
{
    /// <summary>A draw from the normal distribution N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²).</summary>
    /// <param name="random">The generator.</param>
    /// <param name="mean">The mean (finite).</param>
    /// <param name="standardDeviation">The standard deviation (finite, ≥ 0).</param>
    /// <returns>The draw.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double Normal(Random random, double mean, double standardDeviation)
    {
        ArgumentNullException.ThrowIfNull(random);
        Finite(mean);
        NonNegativeFinite(standardDeviation);
        return MathNet.Numerics.Distributions.Normal.Sample(random, mean, standardDeviation);
    }

    /// <summary>A draw from the log-normal distribution whose logarithm is N(<paramref name="mu"/>, <paramref name="sigma"/>²).</summary>
    /// <param name="random">The generator.</param>
    /// <param name="mu">The mean of the logarithm (finite).</param>
    /// <param name="sigma">The standard deviation of the logarithm (finite, ≥ 0).</param>
    /// <returns>The draw (&gt; 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double LogNormal(Random random, double mu, double sigma)
    {
        ArgumentNullException.ThrowIfNull(random);
        Finite(mu);
        NonNegativeFinite(sigma);
        return MathNet.Numerics.Distributions.LogNormal.Sample(random, mu, sigma);
    }

    /// <summary>A draw from the beta distribution Beta(<paramref name="alpha"/>, <paramref name="beta"/>).</summary>
    /// <param name="random">The generator.</param>
    /// <param name="alpha">The first shape (finite, &gt; 0).</param>
    /// <param name="beta">The second shape (finite, &gt; 0).</param>
    /// <returns>The draw, in [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double Beta(Random random, double alpha, double beta)
    {
        ArgumentNullException.ThrowIfNull(random);
        PositiveFinite(alpha);
        PositiveFinite(beta);
        return MathNet.Numerics.Distributions.Beta.Sample(random, alpha, beta);
    }

    /// <summary>A draw from the exponential distribution with rate <paramref name="rate"/> (mean 1 / rate).</summary>
    /// <param name="random">The generator.</param>
    /// <param name="rate">The rate (finite, &gt; 0).</param>
    /// <returns>The draw (≥ 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is outside its range.</exception>
    public static double Exponential(Random random, double rate)
    {
        ArgumentNullException.ThrowIfNull(random);
        PositiveFinite(rate);
        return MathNet.Numerics.Distributions.Exponential.Sample(random, rate);
    }

    /// <summary>A draw from the Poisson distribution with mean <paramref name="lambda"/>.</summary>
    /// <param name="random">The generator.</param>
    /// <param name="lambda">The mean (finite, &gt; 0).</param>
    /// <returns>The draw (≥ 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is outside its range.</exception>
    public static int Poisson(Random random, double lambda)
    {
        ArgumentNullException.ThrowIfNull(random);
        PositiveFinite(lambda);
        return MathNet.Numerics.Distributions.Poisson.Sample(random, lambda);
    }

    /// <summary>A draw from the uniform distribution on the integers <paramref name="lower"/> … <paramref name="upper"/>
    /// (both included).</summary>
    /// <param name="random">The generator.</param>
    /// <param name="lower">The smallest value.</param>
    /// <param name="upper">The largest value (≥ <paramref name="lower"/>).</param>
    /// <returns>The draw.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="upper"/> is below <paramref name="lower"/>.</exception>
    public static int DiscreteUniform(Random random, int lower, int upper)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(upper, lower);
        return MathNet.Numerics.Distributions.DiscreteUniform.Sample(random, lower, upper);
    }

    /// <summary>A draw from the categorical distribution over 0 … k − 1 with the given (unnormalised) weights.</summary>
    /// <param name="random">The generator.</param>
    /// <param name="weights">The weights (finite, ≥ 0, at least one &gt; 0); they need not sum to 1.</param>
    /// <returns>The index drawn.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> or <paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="weights"/> is empty, has a negative or non-finite weight, or sums
    /// to 0.</exception>
    public static int Categorical(Random random, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(weights);
        var sum = 0.0;
        foreach (var w in weights)
        {
            if (!(w >= 0 && double.IsFinite(w)))
            {
                throw new ArgumentException($"Every weight must be finite and non-negative; found {w}.", nameof(weights));
            }

            sum += w;
        }

        if (!(sum > 0))
        {
            throw new ArgumentException("The weights must not be empty or all zero.", nameof(weights));
        }

        return MathNet.Numerics.Distributions.Categorical.Sample(random, weights);
    }

    private static void Finite(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The parameter must be finite.");
        }
    }

    private static void NonNegativeFinite(double value,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "The parameter must be finite and non-negative.");
        }
    }

    private static void PositiveFinite(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "The parameter must be finite and positive.");
        }
    }
}
