using System.Globalization;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Law;

namespace AiGovernance.Gates.Obligations;

/// <summary>The EU AI Act duties per role that follow from an assessment: Art. 4 literacy, Art. 5, the provider, importer,
/// distributor and deployer obligations of high-risk systems (Art. 16, 23, 24, 26, 27), registration (Art. 49), Art. 25,
/// Art. 50 transparency, post-market monitoring and incidents (Art. 72, 73), the right to explanation (Art. 86) and the
/// general-purpose AI model obligations (Art. 52–55).</summary>
internal static class EuAiActDutyCatalogue
{
    /// <summary>Art. 26(6): six months, checked as the longest six calendar months (184 days) so no retention passes in one
    /// half-year that fails in another.</summary>
    public static readonly TimeSpan MinimumLogRetention = TimeSpan.FromDays(184);

    public const string LiteracyEvidence = "AiGovernance.Scorecards AI-literacy assessment: AiLiteracyAssessment.IdentifyGaps gives the "
        + "OrganizationLiteracyReport per role and competency (see the Scorecards README, section AI literacy)";

    private static readonly OrganisationRole[] AllRoles =
        [OrganisationRole.Provider, OrganisationRole.Deployer, OrganisationRole.Importer, OrganisationRole.Distributor];

    public static (List<OrganisationRole> Roles, List<RoleDuty> Duties, List<string> Notes) Build(
        UseCaseProfile profile, EuAiActAssessment assessment, EuAiActLawVersion law)
    {
        var notes = new List<string>();
        var roles = new List<OrganisationRole>();
        foreach (var role in profile.Roles.Count == 0 ? AllRoles : profile.Roles)
        {
            if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        if (profile.Roles.Count == 0)
        {
            notes.Add("The profile states no role: the duties of every role are listed.");
        }

        var duties = new List<RoleDuty>();
        if (!assessment.InScope)
        {
            roles.Sort();
            return (roles, duties, notes);
        }

        var factory = new DutyFactory(law, profile.PlacedOnMarketOn);
        var asProvider = Article25(profile, assessment, roles, factory, duties, notes);
        roles.Sort();
        var context = new Context(profile, assessment, factory, duties);
        foreach (var role in roles)
        {
            context.AddFor(role, role == OrganisationRole.Provider ? asProvider : null);
        }

        if (profile.DeployerType == DeployerType.Unknown && roles.Contains(OrganisationRole.Deployer) && assessment.HighRisk.Count > 0)
        {
            notes.Add("The deployer type is not stated: the duties of public-sector deployers (Art. 26(8), 27(1), 49(3)) are listed.");
        }

        return (roles, duties, notes);
    }

    private static string? Article25(
        UseCaseProfile profile,
        EuAiActAssessment assessment,
        List<OrganisationRole> roles,
        DutyFactory factory,
        List<RoleDuty> duties,
        List<string> notes)
    {
        if (profile.Article25Triggers.Count == 0 || roles.Contains(OrganisationRole.Provider))
        {
            return null;
        }

        if (!assessment.IsHighRisk)
        {
            notes.Add("Art. 25(1) triggers are recorded but the system is not high-risk, so they do not make the organisation its provider.");
            return null;
        }

        string? basis = null;
        var from = HighRiskFrom(assessment, factory.Law, profile.PlacedOnMarketOn);
        foreach (var trigger in profile.Article25Triggers.Distinct().Order())
        {
            var id = trigger switch
            {
                Article25Trigger.OwnNameOrTrademark => "Art. 25(1)(a)",
                Article25Trigger.SubstantialModification => "Art. 25(1)(b)",
                _ => "Art. 25(1)(c)",
            };
            var provision = factory.Law.Get(id);
            basis ??= "considered the provider under " + provision.Citation;
            duties.Add(factory.Create(OrganisationRole.Provider, id, "the organisation holds the roles "
                + string.Join(", ", roles) + " and " + trigger, from.Date, from.Confidence,
                ["The former provider is no longer considered the provider of that system but cooperates and makes information "
                    + "available (Art. 25(2)), unless it specified that the system is not to be changed into a high-risk system."]));
        }

        roles.Add(OrganisationRole.Provider);
        return basis;
    }

    /// <summary>The date from which the system is high-risk: the earliest of its bases (Art. 6(1); Art. 6(2) with each
    /// Annex III point), each the latest of its provisions.</summary>
    internal static (DateOnly Date, ProvisionConfidence Confidence) HighRiskFrom(
        EuAiActAssessment assessment, EuAiActLawVersion law, DateOnly? placed, bool annexIIIOnly = false)
    {
        DateOnly? best = null;
        var confidence = ProvisionConfidence.Confirmed;
        if (assessment.AnnexI && !annexIIIOnly)
        {
            var annexI = law.Get("Art. 6(1)");
            best = annexI.GetAppliesFrom(placed);
            confidence = annexI.Confidence;
        }

        var article6 = law.Get("Art. 6(2)");
        foreach (var useCase in assessment.HighRisk)
        {
            var point = law.Get(AnnexIIIUseCases.GetProvisionId(useCase));
            var date = Later(article6.GetAppliesFrom(placed), point.GetAppliesFrom(placed));
            if (best is null || date < best)
            {
                best = date;
            }

            confidence = Max(confidence, Max(article6.Confidence, point.Confidence));
        }

        return (best ?? article6.AppliesFrom, confidence);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static ProvisionConfidence Max(ProvisionConfidence a, ProvisionConfidence b) => a > b ? a : b;

    private sealed class Context(UseCaseProfile profile, EuAiActAssessment assessment, DutyFactory factory, List<RoleDuty> duties)
    {
        private readonly bool _annexIII = assessment.HighRisk.Count > 0;
        private readonly bool _registeredInEuDatabase = assessment.HighRisk.Any(u => u != AnnexIIIUseCase.CriticalInfrastructureSafetyComponent);
        private readonly bool _registeredNationally = assessment.HighRisk.Contains(AnnexIIIUseCase.CriticalInfrastructureSafetyComponent);

        public void AddFor(OrganisationRole role, string? article25Basis)
        {
            foreach (var practice in assessment.Prohibited)
            {
                Add(role, practice.ProvisionId, "prohibited practice: " + practice.Description);
            }

            if (role is OrganisationRole.Provider or OrganisationRole.Deployer)
            {
                Add(role, "Art. 4", "every AI system in scope of the Act", evidence: LiteracyEvidence,
                    exceptions: ["What counts as sufficient takes account of the persons' technical knowledge, experience, education and "
                        + "training, the context of use and the persons on whom the system is used."]);
            }

            switch (role)
            {
                case OrganisationRole.Provider:
                    AddProvider(article25Basis);
                    break;
                case OrganisationRole.Deployer:
                    AddDeployer();
                    break;
                case OrganisationRole.Importer when assessment.IsHighRisk:
                    foreach (var id in (string[])["Art. 23(1)", "Art. 23(2)", "Art. 23(3)", "Art. 23(4)", "Art. 23(5)", "Art. 23(6)"])
                    {
                        AddHighRisk(role, id);
                    }

                    break;
                case OrganisationRole.Distributor when assessment.IsHighRisk:
                    foreach (var id in (string[])["Art. 24(1)", "Art. 24(2)", "Art. 24(3)", "Art. 24(4)", "Art. 24(5)"])
                    {
                        AddHighRisk(role, id);
                    }

                    break;
            }
        }

        private void AddProvider(string? article25Basis)
        {
            if (assessment.IsHighRisk)
            {
                foreach (var letter in "abcdefgh")
                {
                    AddHighRisk(OrganisationRole.Provider, $"Art. 16({letter})", article25Basis);
                }

                if (_registeredInEuDatabase)
                {
                    AddAnnexIII(OrganisationRole.Provider, "Art. 16(i)", article25Basis);
                    AddAnnexIII(OrganisationRole.Provider, "Art. 49(1)", article25Basis);
                    AddSecureSection(OrganisationRole.Provider, article25Basis);
                }

                if (_registeredNationally)
                {
                    AddAnnexIII(OrganisationRole.Provider, "Art. 49(5)", article25Basis);
                }

                foreach (var letter in "jkl")
                {
                    AddHighRisk(OrganisationRole.Provider, $"Art. 16({letter})", article25Basis);
                }

                AddHighRisk(OrganisationRole.Provider, "Art. 72", article25Basis);
                AddHighRisk(OrganisationRole.Provider, "Art. 73(1)", article25Basis,
                    ["Deadlines: 15 days (Art. 73(2)); 2 days for a widespread infringement or a critical-infrastructure disruption "
                        + "(Art. 73(3)); 10 days after a death (Art. 73(4)); see SeriousIncidentDeadlines."]);
            }

            if (assessment.Exempted.Count > 0)
            {
                var basis = "Art. 6(3) condition relied on for " + string.Join(", ", assessment.Exempted.Select(AnnexIIIUseCases.GetCitation));
                Add(OrganisationRole.Provider, "Art. 6(4)", basis);
                Add(OrganisationRole.Provider, "Art. 49(2)", basis);
            }

            if (profile.InteractsWithNaturalPersons)
            {
                Add(OrganisationRole.Provider, "Art. 50(1)", "interacts directly with natural persons", exceptions:
                [
                    "Not where it is obvious to a reasonably well-informed, observant and circumspect person from the circumstances and "
                        + "context of use.",
                    "Not for systems authorised by law to detect, prevent, investigate or prosecute criminal offences, unless they are "
                        + "available to the public to report a criminal offence.",
                ]);
            }

            if (profile.GeneratesSyntheticContent)
            {
                Add(OrganisationRole.Provider, "Art. 50(2)", "generates synthetic audio, image, video or text content", exceptions:
                [
                    "Not where the system performs an assistive function for standard editing or does not substantially alter the input "
                        + "data or its semantics.",
                    "Not where authorised by law to detect, prevent, investigate or prosecute criminal offences.",
                ]);
            }

            if (assessment.Model is { IsGeneralPurposeModel: true } model)
            {
                duties.AddRange(model.Duties);
            }
        }

        private void AddDeployer()
        {
            if (assessment.IsHighRisk)
            {
                AddHighRisk(OrganisationRole.Deployer, "Art. 26(1)");
                AddHighRisk(OrganisationRole.Deployer, "Art. 26(2)");
                AddHighRisk(OrganisationRole.Deployer, "Art. 26(4)",
                    exceptions: ["Only to the extent the deployer exercises control over the input data."]);
                AddHighRisk(OrganisationRole.Deployer, "Art. 26(5)", exceptions:
                    ["Credit institutions meet the monitoring duty by complying with the internal governance rules of Directive 2013/36/EU."]);
                duties.Add(CheckLogRetention(CreateHighRisk(OrganisationRole.Deployer, "Art. 26(6)", null,
                [
                    "Only for logs under the deployer's control; Union or national law, in particular on personal data, may provide otherwise.",
                    "Financial institutions keep the logs as part of the documentation kept under Union financial services law.",
                ])));
                if (profile.UsedAtWorkplace || assessment.HighRisk.Any(u => AnnexIIIUseCases.GetArea(u) == AnnexIIIArea.Employment))
                {
                    AddHighRisk(OrganisationRole.Deployer, "Art. 26(7)", exceptions: ["Only for deployers who are employers."]);
                }

                if (IsPublic && _registeredInEuDatabase)
                {
                    AddAnnexIII(OrganisationRole.Deployer, "Art. 26(8)");
                }

                AddHighRisk(OrganisationRole.Deployer, "Art. 26(9)", exceptions: ["Where a data protection impact assessment is required."]);
                if (assessment.HighRisk.Contains(AnnexIIIUseCase.RemoteBiometricIdentification))
                {
                    AddAnnexIII(OrganisationRole.Deployer, "Art. 26(10)", exceptions:
                        ["Only for post-remote biometric identification in a targeted search in a criminal investigation."]);
                }
            }

            if (_annexIII)
            {
                AddAnnexIII(OrganisationRole.Deployer, "Art. 26(11)", exceptions:
                [
                    "Only where the system makes or assists in making decisions related to natural persons.",
                    "For law enforcement, Art. 13 of Directive (EU) 2016/680 applies.",
                ]);
                AddFundamentalRightsImpactAssessment();
                if (IsPublic && _registeredInEuDatabase)
                {
                    AddAnnexIII(OrganisationRole.Deployer, "Art. 49(3)");
                    AddSecureSection(OrganisationRole.Deployer, null);
                }

                if (_registeredInEuDatabase)
                {
                    AddAnnexIII(OrganisationRole.Deployer, "Art. 86(1)", exceptions:
                    [
                        "Only for decisions that produce legal effects or similarly significantly affect the person in a way they consider "
                            + "to have an adverse impact on their health, safety or fundamental rights.",
                        "Not where Union or national law provides exceptions or restrictions (Art. 86(2)), nor where the right is "
                            + "otherwise provided under Union law (Art. 86(3)).",
                    ]);
                }
            }

            AddDeployerTransparency();
        }

        private void AddFundamentalRightsImpactAssessment()
        {
            var byUseCase = assessment.HighRisk.Where(u => u is AnnexIIIUseCase.PublicBenefitsEligibility or AnnexIIIUseCase.Creditworthiness
                or AnnexIIIUseCase.LifeAndHealthInsurancePricing).ToList();
            string basis;
            if (byUseCase.Count > 0)
            {
                basis = "deployer of " + string.Join(", ", byUseCase.Select(AnnexIIIUseCases.GetCitation))
                    + (byUseCase.Contains(AnnexIIIUseCase.PublicBenefitsEligibility)
                        ? " (point 5(a) systems are used by or on behalf of public authorities)"
                        : string.Empty);
            }
            else if (IsPublic && _registeredInEuDatabase)
            {
                basis = profile.DeployerType == DeployerType.Unknown
                    ? "deployer type not stated, treated as a body governed by public law"
                    : "deployer is " + profile.DeployerType;
            }
            else
            {
                return;
            }

            AddAnnexIII(OrganisationRole.Deployer, "Art. 27(1)", exceptions:
            [
                "Not for Annex III point 2 systems.",
                "A previous assessment, or one by the provider, may be relied on in similar cases (Art. 27(2)); the results are notified "
                    + "to the market surveillance authority (Art. 27(3)).",
            ], basisOverride: basis);
        }

        private void AddDeployerTransparency()
        {
            var emotionOrCategorisation = profile.HighRiskUseCases.Any(
                u => u is AnnexIIIUseCase.EmotionRecognition or AnnexIIIUseCase.BiometricCategorisation);
            if (emotionOrCategorisation)
            {
                Add(OrganisationRole.Deployer, "Art. 50(3)", "performs emotion recognition or biometric categorisation",
                    exceptions: ["Not for systems permitted by law to detect, prevent or investigate criminal offences, subject to safeguards."]);
            }

            if (profile.GeneratesDeepFakes)
            {
                Add(OrganisationRole.Deployer, "Art. 50(4)", "generates or manipulates deep fakes", exceptions:
                [
                    "Not where authorised by law to detect, prevent, investigate or prosecute criminal offences.",
                    "For evidently artistic, creative, satirical, fictional or analogous work, only the existence of such content is disclosed, "
                        + "in a way that does not hamper its display or enjoyment.",
                ]);
            }

            if (profile.GeneratesPublicInterestText)
            {
                Add(OrganisationRole.Deployer, "Art. 50(4), second subparagraph", "generates text published on matters of public interest",
                    exceptions:
                [
                    "Not where the text has undergone human review or editorial control and a natural or legal person holds editorial "
                        + "responsibility for its publication.",
                    "Not where authorised by law to detect, prevent, investigate or prosecute criminal offences.",
                ]);
            }
        }

        private bool IsPublic => profile.DeployerType is DeployerType.Unknown or DeployerType.PublicAuthority or DeployerType.UnionInstitution
            or DeployerType.PrivateEntityProvidingPublicServices;

        private void AddSecureSection(OrganisationRole role, string? basis)
        {
            var sensitive = assessment.HighRisk.Where(u => AnnexIIIUseCases.GetArea(u) is AnnexIIIArea.Biometrics or AnnexIIIArea.LawEnforcement
                or AnnexIIIArea.MigrationAsylumAndBorderControl).ToList();
            if (sensitive.Count > 0)
            {
                AddAnnexIII(role, "Art. 49(4)", basis, exceptions:
                    ["Only where used in the areas of law enforcement, migration, asylum and border control management."]);
            }
        }

        private void Add(OrganisationRole role, string id, string basis, IReadOnlyList<string>? exceptions = null, string? evidence = null) =>
            duties.Add(factory.Create(role, id, basis, exceptions: exceptions, evidence: evidence));

        private void AddHighRisk(OrganisationRole role, string id, string? basis = null, IReadOnlyList<string>? exceptions = null) =>
            duties.Add(CreateHighRisk(role, id, basis, exceptions));

        private RoleDuty CreateHighRisk(OrganisationRole role, string id, string? basis, IReadOnlyList<string>? exceptions)
        {
            var (from, confidence) = HighRiskFrom(assessment, factory.Law, profile.PlacedOnMarketOn);
            return factory.Create(role, id, Describe(basis, annexIIIOnly: false), from, confidence, exceptions);
        }

        private void AddAnnexIII(OrganisationRole role, string id, string? basis = null, IReadOnlyList<string>? exceptions = null,
            string? basisOverride = null)
        {
            var (from, confidence) = HighRiskFrom(assessment, factory.Law, profile.PlacedOnMarketOn, annexIIIOnly: true);
            duties.Add(factory.Create(role, id, basisOverride ?? Describe(basis, annexIIIOnly: true), from, confidence, exceptions));
        }

        private string Describe(string? article25Basis, bool annexIIIOnly)
        {
            var bases = new List<string>();
            if (assessment.AnnexI && !annexIIIOnly)
            {
                bases.Add(factory.Law.Get("Art. 6(1)").Citation);
            }

            bases.AddRange(assessment.HighRisk.Select(AnnexIIIUseCases.GetCitation));
            var text = "high-risk under " + string.Join(", ", bases);
            return article25Basis is null ? text : text + "; " + article25Basis;
        }

        private RoleDuty CheckLogRetention(RoleDuty duty)
        {
            if (profile.LogRetention is not { } retention)
            {
                return duty with
                {
                    CheckDetail = "Not checked: state UseCaseProfile.LogRetention (the AiGovernance audit logs never delete records: "
                        + "Timeout.InfiniteTimeSpan).",
                };
            }

            if (retention == Timeout.InfiniteTimeSpan || retention >= MinimumLogRetention)
            {
                return duty with
                {
                    Check = DutyCheck.Satisfied,
                    CheckDetail = retention == Timeout.InfiniteTimeSpan
                        ? "Logs are kept indefinitely."
                        : string.Create(CultureInfo.InvariantCulture, $"Logs are kept {retention.TotalDays:0.##} days, at least six months."),
                };
            }

            return duty with
            {
                Check = DutyCheck.Violated,
                CheckDetail = string.Create(CultureInfo.InvariantCulture,
                    $"Logs are kept {retention.TotalDays:0.##} days; Art. 26(6) requires at least six months (checked as 184 days)."),
            };
        }
    }
}
