using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Testing;

/// <summary>Runs what a host runs at start-up for options registered with <c>ValidateOnStart</c>
/// (<see cref="IStartupValidator"/>), and returns every failure message.</summary>
public static class StartupValidation
{
    /// <summary>Builds a provider from <paramref name="services"/>, validates every <c>ValidateOnStart</c> options type and
    /// returns the failures; empty when start-up would succeed.</summary>
    public static IReadOnlyList<string> Failures(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
        catch (AggregateException ex)
        {
            return [.. ex.Flatten().InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }
}
