using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using static AiGovernance.Reliability.Tests.Hostile.HostileValues;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>Issue 26's Statistics entry points under hostile input: the distribution-shape tests (Cramér–von Mises,
/// k-sample Anderson–Darling, energy distance, Epps–Singleton) and the multivariate numerics (MMD, PCA reconstruction,
/// domain classifier, mean-embedding distance).</summary>
public class DistributionShapeHostileInputTests
{
    private const int MaxLength = 120;

    private static bool Finite(double[] a) => AllFinite(a);

    private static bool Tame(double[] a) => AllFinite(a) && AllWithin(a, 1e6);

    /// <summary>Tame, and no subnormal or tiny values: a spread of 1e-321 next to values of 1e4 makes Epps–Singleton's t·v
    /// overflow, which it documents as an <see cref="ArgumentException"/>.</summary>
    private static bool Ordinary(double[] a) => Tame(a) && a.All(v => v == 0 || Math.Abs(v) >= 1e-6);

    [Fact]
    public void CramerVonMises_OnHostileSamples_GivesAFiniteStatisticAndProbabilityOrRejects() =>
        HostileProperty.Run(
            from x in Samples(MaxLength)
            from y in Samples(MaxLength)
            from method in Mostly(CramerVonMisesMethod.Auto, Gen.Choose(-1, 3).Select(i => (CramerVonMisesMethod)i))
            select (x, y, method),
            HostileProperty.Cases(300),
            input => HostileCall.Check("CramerVonMises.TwoSample", () => CramerVonMises.TwoSample(input.x, input.y, input.method),
                r => double.IsFinite(r.Statistic) && IsProbability(r.PValue) && r.Method != CramerVonMisesMethod.Auto,
                inputIsValid: input.x.Length >= 2 && input.y.Length >= 2 && Finite(input.x) && Finite(input.y) && Enum.IsDefined(input.method),
                parameters: ["x", "y", "method"]));

    [Fact]
    public void AndersonDarling_OnHostileSamples_GivesACappedProbabilityOrRejects() =>
        HostileProperty.Run(
            from count in Gen.Choose(0, 4)
            from samples in Gen.ArrayOf(Samples(40), count)
            from midrank in Gen.Elements(true, false)
            select (samples, midrank),
            HostileProperty.Cases(300),
            input => HostileCall.Check("AndersonDarling.KSample", () => AndersonDarling.KSample(input.samples, input.midrank),
                r => double.IsFinite(r.Statistic) && r.PValue is >= 0.001 and <= 0.25 && r.CriticalValues.Count == 7,
                inputIsValid: input.samples.Length >= 2 && input.samples.All(s => s.Length > 0 && Tame(s))
                    && input.samples.Sum(s => s.Length) >= 4 && input.samples.SelectMany(s => s).Distinct().Count() >= 2,
                parameters: ["samples"]));

    [Fact]
    public void EnergyDistance_OnHostileSamples_IsNonNegativeOrRejects() =>
        HostileProperty.Run(
            from x in Samples(MaxLength)
            from y in Samples(MaxLength)
            select (x, y),
            HostileProperty.Cases(300),
            input => HostileCall.Check("EnergyDistance.Compute", () => EnergyDistance.Compute(input.x, input.y),
                r => r >= 0 && (!AllWithin(input.x, 1e300) || !AllWithin(input.y, 1e300) || double.IsFinite(r)),
                inputIsValid: input.x.Length > 0 && input.y.Length > 0 && Finite(input.x) && Finite(input.y),
                parameters: ["x", "y", "reference", "current"]));

    [Fact]
    public void EppsSingleton_OnHostileSamples_GivesAProbabilityOrRejects() =>
        HostileProperty.Run(
            from x in Samples(MaxLength)
            from y in Samples(MaxLength)
            select (x, y),
            HostileProperty.Cases(300),
            input => HostileCall.Check("EppsSingleton.TwoSample", () => EppsSingleton.TwoSample(input.x, input.y),
                r => r.Statistic >= 0 && IsProbability(r.PValue) && r.DegreesOfFreedom is >= 0 and <= 4,
                inputIsValid: input.x.Length >= 5 && input.y.Length >= 5 && Ordinary(input.x) && Ordinary(input.y)
                    && input.x.Concat(input.y).Distinct().Count() > (input.x.Length + input.y.Length) / 2 + 2,
                parameters: ["x", "y"]));

    [Fact]
    public void MaximumMeanDiscrepancy_OnHostileRows_GivesAProbabilityOrRejects() =>
        HostileProperty.Run(
            from x in Samples(60)
            from y in Samples(60)
            from dimension in Gen.Elements(-1, 0, 1, 2, 3)
            from permutations in Mostly(19, Gen.Elements(-1, 0, 1))
            from bandwidth in Mostly(double.NaN, Scalars())
            select (x, y, dimension, permutations, bandwidth),
            HostileProperty.Cases(300),
            input => HostileCall.Check("MaximumMeanDiscrepancy.PermutationTest", () => MaximumMeanDiscrepancy.PermutationTest(input.x, input.y,
                    input.dimension, new MmdOptions { Permutations = input.permutations, Bandwidth = input.bandwidth }),
                r => !double.IsNaN(r.Statistic) && IsProbability(r.PValue) && r.Bandwidth > 0,
                inputIsValid: input.dimension > 0 && input.x.Length % input.dimension == 0 && input.y.Length % input.dimension == 0
                    && input.x.Length / input.dimension >= 2 && input.y.Length / input.dimension >= 2 && Tame(input.x) && Tame(input.y)
                    && input.permutations >= 1 && (double.IsNaN(input.bandwidth) || (input.bandwidth > 0 && double.IsFinite(input.bandwidth))),
                parameters: ["x", "y", "dimension", "options"]));

    [Fact]
    public void PrincipalComponentModel_OnHostileRows_GivesFiniteErrorsOrRejects() =>
        HostileProperty.Run(
            from rows in Samples(90)
            from dimension in Gen.Elements(-1, 0, 1, 2, 3)
            from explained in Mostly(0.65, Scalars())
            select (rows, dimension, explained),
            HostileProperty.Cases(300),
            input => HostileCall.Check("PrincipalComponentModel.Fit", () =>
                {
                    var model = PrincipalComponentModel.Fit(input.rows, input.dimension, input.explained);
                    return (model.ComponentCount, model.MeanReconstructionError(input.rows));
                },
                r => r.ComponentCount >= 1 && r.Item2 >= 0 && double.IsFinite(r.Item2),
                inputIsValid: input.dimension > 0 && input.rows.Length % input.dimension == 0 && input.rows.Length / input.dimension >= 2
                    && Tame(input.rows) && input.explained is > 0 and <= 1,
                parameters: ["rows", "columns", "explainedVariance"]));

    [Fact]
    public void DomainClassifier_OnHostileRows_GivesAnAucOrRejects() =>
        HostileProperty.Run(
            from x in Samples(40)
            from y in Samples(40)
            from dimension in Gen.Elements(0, 1, 2)
            from folds in Mostly(3, Gen.Elements(-1, 0, 1, 2, 21))
            select (x, y, dimension, folds),
            HostileProperty.Cases(150),
            input => HostileCall.Check("DomainClassifier.Test", () => DomainClassifier.Test(input.x, input.y, input.dimension,
                    new DomainClassifierOptions { Folds = input.folds, SecondOrderFeatures = true }),
                r => r.Auc is >= 0 and <= 1 && r.Lower <= r.Upper && r.FeatureImportance.All(v => v is >= 0 and <= 1),
                inputIsValid: input.dimension > 0 && input.folds is >= 2 and <= 20 && input.x.Length % input.dimension == 0
                    && input.y.Length % input.dimension == 0 && input.x.Length / input.dimension >= input.folds
                    && input.y.Length / input.dimension >= input.folds && Tame(input.x) && Tame(input.y),
                parameters: ["reference", "current", "dimension", "options"]));

    [Fact]
    public void MeanEmbeddingDistance_OnHostileRows_GivesProbabilitiesOrRejects() =>
        HostileProperty.Run(
            from x in Samples(60)
            from y in Samples(60)
            from dimension in Gen.Elements(-1, 0, 1, 2, 3)
            select (x, y, dimension),
            HostileProperty.Cases(300),
            input => HostileCall.Check("MeanEmbeddingDistance.Test", () => MeanEmbeddingDistance.Test(input.x, input.y, input.dimension,
                    new MeanEmbeddingDistanceOptions { Permutations = 19 }),
                r => r.Euclidean >= 0 && IsProbability(r.EuclideanPValue) && (double.IsNaN(r.Cosine) || r.Cosine is >= -1e-12 and <= 2 + 1e-12),
                inputIsValid: input.dimension > 0 && input.x.Length % input.dimension == 0 && input.y.Length % input.dimension == 0
                    && input.x.Length > 0 && input.y.Length > 0 && Tame(input.x) && Tame(input.y),
                parameters: ["x", "y", "dimension"]));
}
