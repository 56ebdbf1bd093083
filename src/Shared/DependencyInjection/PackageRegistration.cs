using System.Diagnostics.CodeAnalysis;
using AiGovernance.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AiGovernance.Shared;

/// <summary>What every package's <c>XBuilderExtensions</c> does the same way: the three <c>AddX</c> overloads (defaults, an
/// <c>Action&lt;XOptions&gt;</c>, a configuration section), the shared services registered once by Core, the package's services
/// registered once however often <c>AddX</c> is called, and the options validated at start-up by the generated and the
/// custom validator.</summary>
internal static class PackageRegistration
{
    /// <summary><c>AddX()</c>: the package's services with the default options.</summary>
    public static IAiGovernanceBuilder Add(IAiGovernanceBuilder builder, Action<IServiceCollection> addServices)
    {
        ArgumentNullException.ThrowIfNull(builder);
        addServices(builder.Services);
        return builder;
    }

    /// <summary><c>AddX(Action&lt;XOptions&gt;)</c>: the services once, and every call's <paramref name="configure"/> in order.</summary>
    public static IAiGovernanceBuilder Add<TOptions>(IAiGovernanceBuilder builder, Action<IServiceCollection> addServices, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        addServices(builder.Services);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary><c>AddX(IConfigurationSection)</c>: the services once, and the options bound from <paramref name="section"/>.
    /// <paramref name="bind"/> is the package's own <c>(options, section) =&gt; options.Bind(section)</c>, so the configuration
    /// binding source generator sees the concrete options type (trim- and AOT-safe).</summary>
    public static IAiGovernanceBuilder Add<TOptions>(IAiGovernanceBuilder builder, Action<IServiceCollection> addServices, IConfiguration section,
        Action<OptionsBuilder<TOptions>, IConfiguration> bind)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        addServices(builder.Services);
        bind(builder.Services.AddOptions<TOptions>(), section);
        return builder;
    }

    /// <summary>Registers Core's shared services (clock, audit log, meter factory) and, the first time only, the package's
    /// marker, its options with <c>ValidateOnStart</c> and both validators.</summary>
    /// <returns><see langword="true"/> the first time (the caller then adds its services); <see langword="false"/> when the
    /// package is already registered.</returns>
    public static bool TryAddPackage<TMarker,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCustomValidator>(IServiceCollection services)
        where TMarker : class, new()
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
        where TCustomValidator : class, IValidateOptions<TOptions>
    {
        services.AddAiGovernance();
        if (services.Any(d => d.ServiceType == typeof(TMarker)))
        {
            return false;
        }

        services.AddSingleton(new TMarker());
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TCustomValidator>());
        return true;
    }
}
