using System.Diagnostics.CodeAnalysis;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiGovernance.Shared;

/// <summary>The DI registration both storage packages share: options validated on start, one database, a hosted service
/// that opens it before any other, and the chosen stores replacing whatever was registered for them.</summary>
internal static class RelationalStorageRegistration
{
    /// <summary>Registers the database and the chosen <paramref name="stores"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stores"/> names no store or an unknown one.</exception>
    public static void Register<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCustomValidator,
        TDatabase,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TInitializer>(IServiceCollection services,
        GovernanceStores stores, RelationalStoreFactories<TDatabase> factories)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
        where TCustomValidator : class, IValidateOptions<TOptions>
        where TDatabase : class
        where TInitializer : class, IHostedService
    {
        if ((stores & ~GovernanceStores.All) != 0 || stores == GovernanceStores.None)
        {
            throw new ArgumentOutOfRangeException(nameof(stores), stores, "Choose at least one store, and only known ones.");
        }

        services.AddAiGovernance();
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TCustomValidator>());
        services.TryAddSingleton(factories.Database);
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TInitializer)))
        {
            // First, so the database is ready before any other hosted service (a rollout monitor) uses it.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, TInitializer>());
        }

        if (stores.HasFlag(GovernanceStores.AuditLog))
        {
            services.Replace(ServiceDescriptor.Singleton(sp =>
                factories.AuditLog(sp.GetRequiredService<TDatabase>(), sp.GetRequiredService<TimeProvider>())));
        }

        if (stores.HasFlag(GovernanceStores.NonceLedger))
        {
            services.Replace(ServiceDescriptor.Singleton(sp =>
                factories.NonceLedger(sp.GetRequiredService<TDatabase>(), sp.GetRequiredService<TimeProvider>())));
        }

        if (stores.HasFlag(GovernanceStores.ReviewLog))
        {
            services.Replace(ServiceDescriptor.Singleton(sp => factories.ReviewLog(sp.GetRequiredService<TDatabase>())));
        }

        if (stores.HasFlag(GovernanceStores.Inventory))
        {
            services.Replace(ServiceDescriptor.Singleton(sp => factories.Inventory(sp.GetRequiredService<TDatabase>())));
        }

        if (stores.HasFlag(GovernanceStores.RolloutState))
        {
            services.Replace(ServiceDescriptor.Singleton(sp => factories.RolloutState(sp.GetRequiredService<TDatabase>())));
        }

        if (stores.HasFlag(GovernanceStores.ReportHistory))
        {
            services.Replace(ServiceDescriptor.Singleton(sp =>
                factories.ReportHistory(sp.GetRequiredService<TDatabase>(), sp.GetRequiredService<IAuditLog>())));
        }
    }
}
