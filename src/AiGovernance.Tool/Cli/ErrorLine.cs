using AiGovernance.Shared;

namespace AiGovernance.Samples.DriftJob.Cli;

/// <summary>The job's error message: one line on standard error, never wrapped, never more than <see cref="MaxLength"/>
/// characters. The message quotes names and cells from the input and sometimes a library's own text, which may hold
/// line breaks; <see cref="UntrustedText"/> shows them as escapes, so a log keeps one error per line.</summary>
internal sealed class ErrorLine(TextWriter writer, bool colour)
{
    /// <summary>The longest message: enough for a path, a column and a value, never a 10 MB cell.</summary>
    public const int MaxLength = 2_000;

    public void Write(string message)
    {
        var line = "error: " + UntrustedText.Bound(message, MaxLength);

        // Written straight to the stream, not through Spectre.Console, which wraps at the terminal's width (80 columns
        // when redirected). Red only on a terminal; a log file gets the plain line.
        writer.WriteLine(colour ? "\u001b[31m" + line + "\u001b[0m" : line);
        writer.Flush();
    }
}
