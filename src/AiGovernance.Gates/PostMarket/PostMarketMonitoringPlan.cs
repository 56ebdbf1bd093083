using AiGovernance.Core;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Obligations;

namespace AiGovernance.Gates.PostMarket;

/// <summary>The post-market monitoring plan of Article 72 for one system: the risks its classification calls for, the
/// provisions each serves, which monitors in use cover each, and the gaps.</summary>
/// <remarks>
/// <para>Risks by tier: high — data drift, prediction drift, performance, data quality, bias, human oversight, release
/// regressions and serious incidents; medium — data drift, prediction drift, performance, data quality, bias; low — data
/// drift and performance. Add risks the tier cannot know about (for example a vendor model's SLA) with
/// <c>additionalRisks</c>. A prohibited system gets no plan: it must not be deployed.</para>
/// <para>The plan is a legal duty (<see cref="IsRequiredByLaw"/>) for the provider of a high-risk system; for other systems
/// it is the governance practice the tier asks for. The Commission's template for the plan (Art. 72(3)) is not modelled.</para>
/// </remarks>
public sealed class PostMarketMonitoringPlan
{
    private static readonly MonitoredRisk[] HighRisks =
    [
        MonitoredRisk.DataDrift, MonitoredRisk.PredictionDrift, MonitoredRisk.PerformanceDegradation, MonitoredRisk.DataQuality, MonitoredRisk.Bias,
        MonitoredRisk.HumanOversightEffectiveness, MonitoredRisk.ReleaseRegression, MonitoredRisk.SeriousIncidents,
    ];

    private static readonly MonitoredRisk[] MediumRisks =
        [MonitoredRisk.DataDrift, MonitoredRisk.PredictionDrift, MonitoredRisk.PerformanceDegradation, MonitoredRisk.DataQuality, MonitoredRisk.Bias];

    private static readonly MonitoredRisk[] LowRisks = [MonitoredRisk.DataDrift, MonitoredRisk.PerformanceDegradation];

    private PostMarketMonitoringPlan(string systemName, RiskTier tier, RoleDuty? duty, IReadOnlyList<RiskCoverage> risks, IReadOnlyList<string> notes)
    {
        SystemName = systemName;
        Tier = tier;
        Duty = duty;
        Risks = risks;
        Notes = notes;
    }

    /// <summary>The system's use-case name.</summary>
    public string SystemName { get; }

    /// <summary>The system's tier.</summary>
    public RiskTier Tier { get; }

    /// <summary>The provider's Art. 72 duty, with its date of application, when the classification lists it.</summary>
    public RoleDuty? Duty { get; }

    /// <summary>Whether Art. 72 requires the plan (the classification lists the provider's Art. 72 duty).</summary>
    public bool IsRequiredByLaw => Duty is not null;

    /// <summary>Every risk of the plan, with its provisions and covering monitors.</summary>
    public IReadOnlyList<RiskCoverage> Risks { get; }

    /// <summary>The risks no monitor in use covers.</summary>
    public IReadOnlyList<RiskCoverage> Gaps => [.. Risks.Where(r => r.IsGap)];

    /// <summary>Whether every risk is covered and the system may be deployed at all.</summary>
    public bool IsComplete => Tier != RiskTier.Prohibited && Risks.All(r => !r.IsGap);

    /// <summary>Remarks on the plan, in words.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Builds the plan for a classified system.</summary>
    /// <param name="classification">The system's classification.</param>
    /// <param name="monitorsInUse">The monitors running for it, for example some of <see cref="LibraryMonitors.All"/>.</param>
    /// <param name="additionalRisks">Risks to watch beyond those of the tier.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classification"/> or <paramref name="monitorsInUse"/> is null.</exception>
    /// <exception cref="ArgumentException">A monitor is null or has an empty id or no risks, or a risk is undefined.</exception>
    public static PostMarketMonitoringPlan Create(
        RiskClassification classification,
        IEnumerable<MonitorCoverage> monitorsInUse,
        IEnumerable<MonitoredRisk>? additionalRisks = null)
    {
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(monitorsInUse);
        var monitors = new List<MonitorCoverage>();
        foreach (var monitor in monitorsInUse)
        {
            if (monitor is null || string.IsNullOrWhiteSpace(monitor.MonitorId) || monitor.Covers is null || monitor.Covers.Count == 0
                || monitor.Covers.Any(r => !Enum.IsDefined(r)))
            {
                throw new ArgumentException("A monitor is null, has no id, or covers no (or an undefined) risk.", nameof(monitorsInUse));
            }

            monitors.Add(monitor);
        }

        var notes = new List<string>();
        var wanted = new List<MonitoredRisk>(classification.Tier switch
        {
            RiskTier.Prohibited => [],
            RiskTier.High => HighRisks,
            RiskTier.Medium => MediumRisks,
            _ => LowRisks,
        });
        if (classification.Tier == RiskTier.Prohibited)
        {
            notes.Add("The system is prohibited: it must not be deployed, so there is nothing to monitor.");
        }
        else
        {
            foreach (var risk in additionalRisks ?? [])
            {
                if (!Enum.IsDefined(risk))
                {
                    throw new ArgumentException($"Unknown risk {risk}.", nameof(additionalRisks));
                }

                if (!wanted.Contains(risk))
                {
                    wanted.Add(risk);
                }
            }
        }

        var risks = wanted.Select(r => new RiskCoverage(r, ProvisionsFor(r), [.. monitors.Where(m => m.Covers.Contains(r))])).ToList();
        var duty = classification.Duties.FirstOrDefault(d => d.ProvisionId == "Art. 72");
        if (duty is null && classification.Tier == RiskTier.High)
        {
            notes.Add("Art. 72 binds the provider of a high-risk system; the classification lists no provider duty, so this plan is practice.");
        }

        return new PostMarketMonitoringPlan(classification.UseCaseName, classification.Tier, duty, risks, notes);
    }

    private static IReadOnlyList<string> ProvisionsFor(MonitoredRisk risk) => risk switch
    {
        MonitoredRisk.DataDrift => ["Art. 10", "Art. 15", "Art. 72"],
        MonitoredRisk.PredictionDrift => ["Art. 15", "Art. 72"],
        MonitoredRisk.PerformanceDegradation => ["Art. 15", "Art. 72"],
        MonitoredRisk.DataQuality => ["Art. 10", "Art. 26(4)"],
        MonitoredRisk.Bias => ["Art. 10", "Art. 15"],
        MonitoredRisk.HumanOversightEffectiveness => ["Art. 14", "Art. 26(2)"],
        MonitoredRisk.ThirdPartyComponentPerformance => ["Art. 15", "Art. 72"],
        MonitoredRisk.ReleaseRegression => ["Art. 15", "Art. 43"],
        _ => ["Art. 73(1)", "Art. 26(5)"],
    };
}
