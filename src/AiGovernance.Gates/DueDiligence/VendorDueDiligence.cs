using System.Globalization;
using AiGovernance.Core;
using AiGovernance.Shared;

namespace AiGovernance.Gates.DueDiligence;

/// <summary>Scores vendor AI assessments (weighted sum of ratings Low..Critical = 1..4) and checks contracts.</summary>
/// <remarks>The score is rounded to 10 decimal places before it is compared with the thresholds (1.5, 2.5, 3.0), so binary
/// representation error of the weights never moves a score across a threshold.</remarks>
public sealed class VendorDueDiligence
{
    private readonly VendorDueDiligenceOptions _options;

    /// <summary>Creates a scorer.</summary>
    /// <param name="options">Weights and contract minimums.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options break a rule (the message lists every one): weights missing, out of
    /// [0, 1] or not summing to 1, or a minimum change notice outside [0, 365] days.</exception>
    public VendorDueDiligence(VendorDueDiligenceOptions options)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), VendorDueDiligenceOptionsValidator.Instance,
            VendorDueDiligenceOptionsCustomValidator.Instance);

        _options = options;
    }

    /// <summary>The recommendation for a score: &lt; 1.5 approved, &lt; 2.5 approved with conditions, &lt; 3.0 requires
    /// remediation, otherwise rejected.</summary>
    /// <param name="score">The weighted score.</param>
    /// <returns>The recommendation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not finite.</exception>
    public static VendorRecommendation Recommend(double score)
    {
        if (!double.IsFinite(score))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "The score must be finite.");
        }

        return score switch
        {
            < 1.5 => VendorRecommendation.Approved,
            < 2.5 => VendorRecommendation.ApprovedWithConditions,
            < 3.0 => VendorRecommendation.RequiresRemediation,
            _ => VendorRecommendation.Rejected,
        };
    }

    /// <summary>Scores an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The score, recommendation and driving criteria.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is null.</exception>
    public VendorRiskScore Score(VendorAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var criteria = new List<VendorCriterionScore>(12);
        var score = 0.0;
        foreach (var criterion in Enum.GetValues<VendorCriterion>())
        {
            var rating = assessment.Ratings[criterion];
            var value = (int)rating + 1;
            var weight = _options.Weights.Get(criterion);
            criteria.Add(new VendorCriterionScore(criterion, rating, weight, weight * value, weight * (value - 1)));
            score += weight * value;
        }

        score = Math.Round(score, 10);
        var driving = criteria.FindAll(c => c.Rating > Severity.Low);
        driving.Sort((a, b) => b.ExcessOverLow != a.ExcessOverLow ? b.ExcessOverLow.CompareTo(a.ExcessOverLow) : a.Criterion.CompareTo(b.Criterion));
        return new VendorRiskScore
        {
            Vendor = assessment.Vendor,
            Component = assessment.Component,
            Score = score,
            Recommendation = Recommend(score),
            Criteria = criteria,
            DrivingCriteria = driving.ConvertAll(c => c.Criterion),
        };
    }

    /// <summary>Checks a contract against the checklist: performance guarantees, change notice (at least the configured
    /// minimum, 30 days by default; contracts commonly promise 30–60), audit rights, data rights and exit rights.</summary>
    /// <param name="terms">The contract terms.</param>
    /// <returns>The gaps.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is null.</exception>
    public ContractReview ReviewContract(VendorContractTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var gaps = new List<ContractGap>();
        var details = new List<string>();
        if (!terms.PerformanceGuarantees)
        {
            gaps.Add(ContractGap.NoPerformanceGuarantees);
            details.Add("No performance guarantees: add accuracy thresholds, P95/P99 latency, uptime SLA and penalties for persistent " +
                "underperformance.");
        }

        if (terms.ChangeNoticeDays is not { } days || days <= 0)
        {
            gaps.Add(ContractGap.NoChangeNotice);
            details.Add("No advance notice of model updates: require 30–60 days' notice with a performance impact assessment.");
        }
        else if (days < _options.MinimumChangeNoticeDays)
        {
            gaps.Add(ContractGap.ChangeNoticeTooShort);
            details.Add(string.Create(CultureInfo.InvariantCulture,
                $"Change notice of {days} days is shorter than the required {_options.MinimumChangeNoticeDays}."));
        }

        if (!terms.AuditRights)
        {
            gaps.Add(ContractGap.NoAuditRights);
            details.Add("No audit rights: require annual model cards, performance metrics on the customer's data and independent validation.");
        }

        if (!terms.DataRights)
        {
            gaps.Add(ContractGap.NoDataRights);
            details.Add("No data rights: allocate data ownership and portability in machine-readable formats.");
        }

        if (!terms.ExitRights)
        {
            gaps.Add(ContractGap.NoExitRights);
            details.Add("No exit rights: require model export or API access after termination and a transition period.");
        }

        return new ContractReview(gaps, details);
    }
}
