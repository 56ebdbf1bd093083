using System.Globalization;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Law;
using AiGovernance.Gates.Obligations;
using AiGovernance.Shared;

namespace AiGovernance.Gates.GeneralPurpose;

/// <summary>Classifies AI models under Chapter V of the EU AI Act: whether a model is general-purpose (Art. 3(63)), whether
/// it has systemic risk (Art. 51: high-impact capabilities, the 10^25 FLOPs presumption of Art. 51(2), or designation), and
/// the provider's obligations (Art. 52–55) with the open-source exemption of Art. 53(2) and the transitional date of
/// Art. 111(3).</summary>
/// <remarks>
/// <para>Models placed on the market before 2 August 2025 comply by 2 August 2027 (Art. 111(3)); others from 2 August 2025.
/// The open-source exemption removes Art. 53(1)(a) and (b) and the authorised representative of Art. 54, never for a model
/// with systemic risk. Unknown training compute is presumed above the threshold, and an unknown place of establishment
/// outside the Union (fail closed).</para>
/// <para>Immutable and thread-safe. The systemic-risk threshold is an option because the Commission may amend it by
/// delegated act (Art. 51(3)).</para>
/// </remarks>
public sealed class GpaiModelClassifier
{
    /// <summary>The threshold of Art. 51(2), 10^25 floating point operations.</summary>
    public const double DefaultSystemicRiskComputeThreshold = 1e25;

    private readonly double _threshold;

    /// <summary>Creates a classifier for the law version the options select.</summary>
    /// <param name="options">The amendment policy and the systemic-risk threshold.</param>
    /// <param name="amendments">Further amendments, applied after the built-in ones.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="RiskClassificationOptions"/>) or an
    /// amendment is malformed.</exception>
    public GpaiModelClassifier(RiskClassificationOptions options, IEnumerable<LawAmendment>? amendments = null)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), RiskClassificationOptionsValidator.Instance);
        Law = EuAiActLaw.Resolve(options.UnconfirmedAmendments, amendments);
        _threshold = options.SystemicRiskComputeThresholdFlops;
    }

    /// <summary>The law version applied.</summary>
    public EuAiActLawVersion Law { get; }

    /// <summary>Classifies a model on a date.</summary>
    /// <param name="profile">The model.</param>
    /// <param name="evaluatedOn">The date whose applicable obligations are reported.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException">The training compute is negative, NaN or infinite.</exception>
    public GpaiClassification Classify(GpaiModelProfile profile, DateOnly evaluatedOn)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.TrainingComputeFlops is { } flops && (!double.IsFinite(flops) || flops < 0))
        {
            throw new ArgumentException($"{nameof(GpaiModelProfile.TrainingComputeFlops)} must be a finite non-negative number; got {flops}.",
                nameof(profile));
        }

        var notes = new List<string>();
        var citations = new List<string> { Law.Get("Art. 3(63)").Citation };
        var isModel = profile.DisplaysSignificantGenerality && profile.PerformsWideRangeOfDistinctTasks
            && profile.IntegrableIntoDownstreamSystems && !profile.UsedOnlyForResearchBeforeMarket;
        if (!isModel)
        {
            if (profile.TrainingComputeFlops is { } f && f > _threshold)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Training compute {f:E2} FLOPs exceeds the Art. 51(2) threshold but the profile does not meet Art. 3(63): ")
                    + "confirm that assessment.");
            }

            return new GpaiClassification
            {
                ModelName = profile.Name, IsGeneralPurposeModel = false, SystemicRisk = SystemicRiskGrounds.None, Citations = citations,
                Duties = [], Notes = notes, EvaluatedOn = evaluatedOn, LawVersion = Law.Id,
            };
        }

        var grounds = Grounds(profile, citations, notes);
        var duties = Duties(profile, grounds, notes);
        return new GpaiClassification
        {
            ModelName = profile.Name, IsGeneralPurposeModel = true, SystemicRisk = grounds, Citations = citations, Duties = duties,
            Notes = notes, EvaluatedOn = evaluatedOn, LawVersion = Law.Id,
        };
    }

    private SystemicRiskGrounds Grounds(GpaiModelProfile profile, List<string> citations, List<string> notes)
    {
        var grounds = SystemicRiskGrounds.None;
        if (profile.HasHighImpactCapabilities)
        {
            grounds |= SystemicRiskGrounds.HighImpactCapabilities;
            citations.Add(Law.Get("Art. 51(1)(a)").Citation);
        }

        if (profile.DesignatedWithSystemicRisk)
        {
            grounds |= SystemicRiskGrounds.CommissionDesignation;
            citations.Add(Law.Get("Art. 51(1)(b)").Citation);
        }

        if (profile.TrainingComputeFlops is not { } flops)
        {
            grounds |= SystemicRiskGrounds.ComputeUnknown;
            citations.Add(Law.Get("Art. 51(2)").Citation);
            notes.Add("Training compute is not stated: the model is presumed above the Art. 51(2) threshold until it is.");
        }
        else if (flops > _threshold)
        {
            grounds |= SystemicRiskGrounds.ComputeAboveThreshold;
            citations.Add(Law.Get("Art. 51(2)").Citation);
        }

        return grounds;
    }

    private List<RoleDuty> Duties(GpaiModelProfile profile, SystemicRiskGrounds grounds, List<string> notes)
    {
        var factory = new DutyFactory(Law, profile.PlacedOnMarketOn);
        var systemic = grounds != SystemicRiskGrounds.None;
        var openSourceExempt = profile.ReleasedAsFreeAndOpenSource && !systemic;
        var basis = systemic ? "general-purpose AI model with systemic risk (EU AI Act Art. 51)" : "general-purpose AI model (EU AI Act Art. 3(63))";
        var duties = new List<RoleDuty>();
        if (openSourceExempt)
        {
            notes.Add("Free and open-source model without systemic risk: Art. 53(1)(a) and (b) do not apply (Art. 53(2)), nor does Art. 54 "
                + "(Art. 54(6)).");
        }
        else
        {
            if (profile.ReleasedAsFreeAndOpenSource)
            {
                notes.Add("The open-source exemption of Art. 53(2) does not apply to a model with systemic risk.");
            }

            duties.Add(factory.Create(OrganisationRole.Provider, "Art. 53(1)(a)", basis));
            duties.Add(factory.Create(OrganisationRole.Provider, "Art. 53(1)(b)", basis));
        }

        duties.Add(factory.Create(OrganisationRole.Provider, "Art. 53(1)(c)", basis));
        duties.Add(factory.Create(OrganisationRole.Provider, "Art. 53(1)(d)", basis));
        if (!openSourceExempt && profile.ProviderEstablishedInUnion != true)
        {
            duties.Add(factory.Create(OrganisationRole.Provider, "Art. 54(1)", basis,
                exceptions: ["Applies only to providers established in third countries; the place of establishment was "
                    + (profile.ProviderEstablishedInUnion is null ? "not stated." : "stated as outside the Union.")]));
        }

        const SystemicRiskGrounds Notifiable =
            SystemicRiskGrounds.HighImpactCapabilities | SystemicRiskGrounds.ComputeAboveThreshold | SystemicRiskGrounds.ComputeUnknown;
        if ((grounds & Notifiable) != 0)
        {
            duties.Add(factory.Create(OrganisationRole.Provider, "Art. 52(1)", basis,
                exceptions: ["The provider may argue with its notification that the model, exceptionally, does not present systemic risk "
                    + "(Art. 52(2)); the Commission decides."]));
        }

        if (systemic)
        {
            duties.Add(factory.Create(OrganisationRole.Provider, "Art. 55(1)(a)", basis));
            duties.Add(factory.Create(OrganisationRole.Provider, "Art. 55(1)(b)", basis));
            duties.Add(factory.Create(OrganisationRole.Provider, "Art. 55(1)(c)", basis));
            duties.Add(factory.Create(OrganisationRole.Provider, "Art. 55(1)(d)", basis));
        }

        return duties;
    }
}
