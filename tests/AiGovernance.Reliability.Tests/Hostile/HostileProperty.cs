using System.Collections.Concurrent;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>Runs an FsCheck property that feeds hostile input to one entry point and collects every defect.</summary>
internal static class HostileProperty
{
    /// <summary>Cases per function in the default run; AIGOV_STRESS=1 multiplies them by 20.</summary>
    public static int Cases(int defaultCases) => Stress.Enabled ? defaultCases * 20 : defaultCases;

    /// <summary>Checks <paramref name="cases"/> generated inputs; fails listing the distinct defects found.</summary>
    public static void Run<T>(Gen<T> gen, int cases, Func<T, string?> check)
    {
        var defects = new ConcurrentBag<string>();
        var property = Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var defect = check(input);
            if (defect is not null)
            {
                defects.Add(defect + "\n  input: " + Describe(input));
            }

            return true;
        });
        // The default run replays a fixed seed so CI is reproducible; AIGOV_STRESS=1 explores fresh random cases.
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true);
        if (!Stress.Enabled)
        {
            config = config.WithReplay(new Replay(new Rnd(20261126UL, 0x9E3779B97F4A7C15UL), null));
        }

        FsCheck.Check.One(config, property);
        Assert.True(defects.IsEmpty, string.Join("\n", defects.Take(8)));
    }

    /// <summary>A short, reproducible description of a generated input.</summary>
    public static string Describe(object? input) => input switch
    {
        null => "null",
        double[] a => $"double[{a.Length}] {{{string.Join(", ", a.Take(40).Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}{(a.Length > 40 ? ", …" : "")}}}",
        string?[] labels => $"string[{labels.Length}] {{{string.Join(", ", labels.Take(40).Select(l => l is null ? "null" : "\"" + string.Concat(l.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:X4}")) + "\""))}}}",
        object[] items => "[" + string.Join("; ", items.Take(12).Select(Describe)) + "]",
        long[] l => $"long[{l.Length}] {{{string.Join(", ", l.Take(12))}}}",
        long[,] t => $"long[{t.GetLength(0)},{t.GetLength(1)}] {{{string.Join(", ", t.Cast<long>().Take(12))}}}",
        System.Runtime.CompilerServices.ITuple tuple => "(" + string.Join("; ", Enumerable.Range(0, tuple.Length).Select(i => Describe(tuple[i]))) + ")",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => input.ToString() ?? "",
    };
}
