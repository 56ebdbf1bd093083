using AiGovernance.Shared;

namespace AiGovernance.Samples.DriftJob.Cli;

/// <summary>Text from the data (file and column names, labels, messages quoting cells) on its way to the terminal:
/// bounded and with control characters shown as escapes (<see cref="UntrustedText"/>), then escaped for Spectre markup,
/// so a CSV cell can neither flood the console nor clear or retitle the terminal.</summary>
internal static class Shown
{
    /// <summary>The longest line of data-derived text on the console.</summary>
    public const int LineLength = 500;

    /// <summary>Bounded, escaped and safe inside Spectre markup.</summary>
    public static string Markup(string text, int maxLength = LineLength) => Spectre.Console.Markup.Escape(UntrustedText.Bound(text, maxLength));

    /// <summary>A name from the data (column, window, file): bounded to <see cref="UntrustedText.DataLength"/>.</summary>
    public static string Name(string name) => Spectre.Console.Markup.Escape(UntrustedText.Bound(name));
}
