using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.DueDiligence;
using AiGovernance.Gates.GeneralPurpose;
using AiGovernance.Gates.Incidents;
using AiGovernance.Gates.Inventory;
using AiGovernance.Gates.Law;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Gates package on the <see cref="IAiGovernanceBuilder"/>.</summary>
public static class GatesBuilderExtensions
{
    /// <summary>Registers risk classification, the approval policy, signed-approval verification, the governance gates,
    /// continuation review schedule, inventory and vendor due diligence, with default options validated at start-up.
    /// Calling it again adds no service twice.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddGates(this IAiGovernanceBuilder builder) =>
        PackageRegistration.Add(builder, AddServices);

    /// <summary>Registers the Gates package (see <see cref="AddGates(IAiGovernanceBuilder)"/>) and configures its options in
    /// code. Calling it again adds no service twice, only the further configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddGates(this IAiGovernanceBuilder builder, Action<GatesOptions> configure) =>
        PackageRegistration.Add(builder, AddServices, configure);

    /// <summary>Registers the Gates package with options bound from a configuration section.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section, for example <c>configuration.GetSection("AiGovernance:Gates")</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddGates(this IAiGovernanceBuilder builder, IConfigurationSection section) =>
        PackageRegistration.Add<GatesOptions>(builder, AddServices, section, static (options, configuration) => options.Bind(configuration));

    /// <summary>Adds a risk rule (for example for sector law); registering the same rule type twice adds it once.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAiGovernanceBuilder AddRiskRule<[DynamicallyAccessedMembers(PublicConstructors)] TRule>(this IAiGovernanceBuilder builder)
        where TRule : class, IRiskRule
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRiskRule, TRule>());
        return builder;
    }

    /// <summary>Adds an amendment of the EU AI Act (for example the confirmed text of a reported amendment, or a delegated act
    /// changing a threshold), applied after the built-in ones in registration order; the same instance twice is added once.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="amendment">The amendment.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAiGovernanceBuilder AddLawAmendment(this IAiGovernanceBuilder builder, LawAmendment amendment)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(amendment);
        AddServices(builder.Services);
        if (!builder.Services.Any(d => d.ServiceType == typeof(LawAmendment) && ReferenceEquals(d.ImplementationInstance, amendment)))
        {
            builder.Services.AddSingleton(amendment);
        }

        return builder;
    }

    /// <summary>Stores the inventory as a JSON file at <paramref name="path"/>, replacing the in-memory inventory.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file's path.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IAiGovernanceBuilder UseJsonFileInventory(this IAiGovernanceBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Services.Replace(ServiceDescriptor.Singleton<IAiInventory>(_ => new JsonFileAiInventory(path)));
        return builder;
    }

    private static void AddServices(IServiceCollection services)
    {
        if (!PackageRegistration.TryAddPackage<GatesMarker, GatesOptions, GatesOptionsValidator,
                GatesOptionsCustomValidator>(services))
        {
            return;
        }

        services.TryAddSingleton<TrustedReviewerKeyRegistry>();
        services.TryAddSingleton<IApprovalNonceLedger>(sp => new InMemoryApprovalNonceLedger(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IApprovalVerifier>(sp => new DsseApprovalVerifier(
            sp.GetRequiredService<TrustedReviewerKeyRegistry>(),
            sp.GetRequiredService<IApprovalNonceLedger>(),
            sp.GetRequiredService<TimeProvider>(),
            Options(sp).ApprovalClockSkew,
            Options(sp).MaxApprovalLifetime,
            Options(sp).MaxApprovalEnvelopeBytes));
        services.TryAddSingleton(sp => Options(sp).Approvals.CreatePolicy());
        services.TryAddSingleton(sp => new RiskClassifier(
            Options(sp).Classification, sp.GetRequiredService<TimeProvider>(), sp.GetServices<IRiskRule>(), sp.GetServices<LawAmendment>()));
        services.TryAddSingleton(sp => new GpaiModelClassifier(Options(sp).Classification, sp.GetServices<LawAmendment>()));
        services.TryAddSingleton(sp => new SeriousIncidentRegister(sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISeriousIncidentRecorder>(sp => sp.GetRequiredService<SeriousIncidentRegister>());
        services.TryAddSingleton(sp => new GovernanceGate(
            sp.GetRequiredService<ApprovalPolicy>(),
            sp.GetRequiredService<IApprovalVerifier>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ContinuationReviewSchedule>(),
            sp.GetService<ILogger<GovernanceGate>>(),
            sp.GetService<IMeterFactory>(),
            sp.GetServices<IGateDecisionObserver>()));
        services.TryAddSingleton(sp => new ContinuationReviewSchedule(Options(sp).ContinuationReviews, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAiInventory>(_ => new InMemoryAiInventory());
        services.TryAddSingleton(sp => new InventoryReview(
            sp.GetRequiredService<ContinuationReviewSchedule>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new VendorDueDiligence(Options(sp).VendorDueDiligence));
    }

    private static GatesOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<GatesOptions>>().Value;

    private sealed class GatesMarker;
}
