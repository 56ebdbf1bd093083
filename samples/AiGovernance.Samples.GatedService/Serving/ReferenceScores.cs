using AiGovernance.Samples.GatedService.Models;
using AiGovernance.Statistics;

namespace AiGovernance.Samples.GatedService.Serving;

/// <summary>The baseline model's scores on a fixed synthetic validation population (seeded, so identical on every run):
/// the reference for the score-drift check.</summary>
public sealed class ReferenceScores
{
    public const int Size = 2_000;

    public ReferenceScores(ModelCatalog models)
    {
        var random = new Random(20261126);
        var scores = new double[Size];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = models.Baseline.Score(SyntheticApplicant(random, $"ref-{i}")).ProbabilityOfDefault;
        }

        Sample = SortedSample.Create(scores);
    }

    public SortedSample Sample { get; }

    /// <summary>A plausible applicant drawn from the synthetic population (also used by the tests' traffic).</summary>
    public static CreditApplication SyntheticApplicant(Random random, string applicantId)
    {
        ArgumentNullException.ThrowIfNull(random);
        var late = random.NextDouble() switch { < 0.6 => 0, < 0.85 => 1, < 0.95 => 2, _ => 4 };
        return new CreditApplication(
            applicantId,
            Income: Math.Round(20 + (80 * random.NextDouble()), 1),
            DebtToIncome: Math.Round(0.05 + (0.6 * random.NextDouble()), 3),
            CreditHistoryYears: Math.Round(25 * random.NextDouble(), 1),
            LatePayments: late,
            LoanAmount: Math.Round(1 + (49 * random.NextDouble()), 1));
    }
}
