using System.Collections.Concurrent;
using AiGovernance.Core;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>Runs one call on hostile input under a time box and classifies its outcome.</summary>
/// <remarks>Allowed: a result that passes the caller's check, or an exception of the documented families
/// (<see cref="ArgumentException"/> and its subclasses naming the argument, or <see cref="AiGovernanceException"/>).
/// Everything else — IndexOutOfRange, NullReference, Overflow, DivideByZero, InvalidOperation, a hang — is a defect.</remarks>
internal static class HostileCall
{
    /// <summary>How long one call may run; generous because the machine is shared, yet far below a hang.</summary>
    public static readonly TimeSpan TimeBox = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, CaseCount> Counts = new(StringComparer.Ordinal);

    /// <summary>Counts per function: total cases, rejected with a documented exception, and accepted.</summary>
    public static IReadOnlyDictionary<string, CaseCount> Snapshot() => Counts;

    /// <summary>Runs <paramref name="call"/> and returns null when the outcome is allowed, otherwise a description of the defect.</summary>
    /// <remarks>When <paramref name="parameters"/> is given, an <see cref="ArgumentException"/> must name one of them.</remarks>
    public static string? Check<T>(string function, Func<T> call, Func<T, bool> resultIsValid, bool inputIsValid = false,
        (string Id, string Marker)? knownDefect = null, Type? alsoDocumented = null, string[]? parameters = null)
    {
        var defect = CheckCore(function, call, resultIsValid, inputIsValid, alsoDocumented, parameters);
        if (defect is not null && knownDefect is { } known && defect.Contains(known.Marker, StringComparison.Ordinal))
        {
            // A reported defect (see docs/reliability.md), recognised by its marker text; counted, not failed, so the
            // branch stays green. Any other defect in the same function still fails.
            KnownDefects.AddOrUpdate(function + ": " + known.Id, 1, (_, c) => c + 1);
            return null;
        }

        return defect;
    }

    /// <summary>Cases that hit an already reported defect, by function and defect id.</summary>
    public static IReadOnlyDictionary<string, int> KnownDefectHits() => KnownDefects;

    private static readonly ConcurrentDictionary<string, int> KnownDefects = new(StringComparer.Ordinal);

    private static string? CheckCore<T>(string function, Func<T> call, Func<T, bool> resultIsValid, bool inputIsValid, Type? alsoDocumented, string[]? parameters)
    {
        var task = Task.Run(call);
        bool completed;
        try
        {
            completed = task.Wait(TimeBox);
        }
        catch (AggregateException)
        {
            completed = true;
        }

        if (!completed)
        {
            Count(function, rejected: false, defect: true);
            return $"{function}: did not return within {TimeBox.TotalSeconds} s (hang)";
        }

        if (task.IsFaulted)
        {
            var error = task.Exception!.InnerException!;
            var documented = error switch
            {
                ArgumentException a => !string.IsNullOrEmpty(a.ParamName) || error is AiGovernanceException,
                AiGovernanceException => true,
                _ => alsoDocumented is not null && alsoDocumented.IsInstanceOfType(error),
            };
            if (documented && parameters is not null && error is ArgumentException { ParamName: { } named } && !parameters.Contains(named, StringComparer.Ordinal))
            {
                // The exception leaked from an inner call: it names an argument the caller never passed.
                Count(function, rejected: true, defect: true);
                return $"{function}: {error.GetType().Name} names '{named}', which is not a parameter of this entry point: {error.Message}";
            }

            if (documented && inputIsValid)
            {
                Count(function, rejected: true, defect: true);
                return $"{function}: rejected input documented as valid: {error.GetType().Name}: {error.Message}";
            }

            Count(function, rejected: true, defect: !documented);
            return documented ? null : $"{function}: undocumented {error.GetType().Name}: {error.Message}\n{error.StackTrace}";
        }

        var ok = resultIsValid(task.Result);
        Count(function, rejected: false, defect: !ok);
        return ok ? null : $"{function}: result outside its documented range: {Format(task.Result)}";
    }

    private static string Format<T>(T value) =>
        (value?.ToString() ?? "null").Replace("Infinity", "∞", StringComparison.Ordinal);

    private static void Count(string function, bool rejected, bool defect) =>
        Counts.AddOrUpdate(function,
            _ => new CaseCount(1, rejected ? 1 : 0, defect ? 1 : 0),
            (_, c) => new CaseCount(c.Cases + 1, c.Rejected + (rejected ? 1 : 0), c.Defects + (defect ? 1 : 0)));

    /// <summary>Writes the counts of <paramref name="functions"/> as a Markdown table to the test output.</summary>
    public static void Report(params string[] functions)
    {
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine("| function | cases | rejected (documented exception) | accepted |");
        output?.WriteLine("|---|---:|---:|---:|");
        foreach (var f in functions)
        {
            var c = Counts.GetValueOrDefault(f);
            output?.WriteLine($"| {f} | {c.Cases} | {c.Rejected} | {c.Cases - c.Rejected} |");
        }
    }
}

/// <summary>Outcome counts of one function.</summary>
internal readonly record struct CaseCount(int Cases, int Rejected, int Defects);
