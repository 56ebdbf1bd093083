using Microsoft.Extensions.Options;

namespace AiGovernance.Shared;

/// <summary>Runs the same validators that <c>ValidateOnStart</c> runs in DI on options handed to a constructor outside DI, so
/// every rule (a <c>[Range]</c>, a <c>[Required]</c>, a cross-field rule) is written once, in the options' validators.</summary>
internal static class OptionsGuard
{
    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> and listing every broken rule when
    /// any validator fails; does nothing when all succeed or skip.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static void ThrowIfInvalid<TOptions>(TOptions options, string paramName, params ReadOnlySpan<IValidateOptions<TOptions>> validators)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options, paramName);
        List<string>? failures = null;
        foreach (var validator in validators)
        {
            var result = validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
            if (result.Failed)
            {
                failures ??= [];
                failures.AddRange(result.Failures ?? [result.FailureMessage]);
            }
        }

        if (failures is not null)
        {
            throw new ArgumentException($"Invalid {typeof(TOptions).Name}: {string.Join(" ", failures)}", paramName);
        }
    }
}
