using AiGovernance.Core.Audit;
using AiGovernance.Gates;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.GeneralPurpose;
using AiGovernance.Gates.Incidents;
using AiGovernance.Gates.Law;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.Tests.DependencyInjection;

/// <summary>The registrations issue #29 adds to <c>AddGates</c>: law amendments, the GPAI classifier, the incident register.</summary>
public class LawAmendmentRegistrationTests
{
    private static readonly LawAmendment Confirmed = new()
    {
        Id = "omnibus-2026-checked", Citation = "Regulation (EU) 2026/1744 (text checked)", Source = "OJ L", Confidence = ProvisionConfidence.Confirmed,
        Changes = [new ProvisionChange { ProvisionId = "Art. 6(2)", Effect = AmendmentEffect.Relaxes, AppliesFrom = new DateOnly(2027, 12, 2) }],
    };

    [Fact]
    public void AddLawAmendment_ReachesTheClassifiersOnce()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddGates().AddLawAmendment(Confirmed).AddLawAmendment(Confirmed));
        Assert.Single(services, d => d.ServiceType == typeof(LawAmendment));
        using var provider = services.BuildServiceProvider();

        Assert.Equal("2024.1689+omnibus-2026:tightening+omnibus-2026-checked", provider.GetRequiredService<RiskClassifier>().Law.Id);
        Assert.Equal(new DateOnly(2027, 12, 2), provider.GetRequiredService<GpaiModelClassifier>().Law.Get("Art. 6(2)").AppliesFrom);
    }

    [Fact]
    public void AddGates_RegistersTheIncidentRegisterOverTheAuditLog()
    {
        using var provider = new ServiceCollection().AddAiGovernance(b => b.AddGates()).BuildServiceProvider();

        var register = provider.GetRequiredService<SeriousIncidentRegister>();
        Assert.Same(register, provider.GetRequiredService<ISeriousIncidentRecorder>());
        Assert.NotNull(provider.GetRequiredService<IAuditLog>());
    }

    [Theory]
    [InlineData("threshold", "SystemicRiskComputeThresholdFlops")]
    [InlineData("policy", "UnconfirmedAmendments")]
    public void AddGates_InvalidClassificationOptions_FailValidationNamingTheField(string what, string field)
    {
        using var provider = new ServiceCollection().AddAiGovernance(b => b.AddGates(o =>
        {
            if (what == "threshold")
            {
                o.Classification.SystemicRiskComputeThresholdFlops = 1e5;
            }
            else
            {
                o.Classification.UnconfirmedAmendments = (UnconfirmedAmendmentPolicy)7;
            }
        })).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GatesOptions>>().Value);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }
}
