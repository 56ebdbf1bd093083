namespace AiGovernance.Telemetry.Tests;

/// <summary>The instrument table of docs/telemetry.md, parsed: columns meter | instrument | kind | unit | tags | meaning; an
/// empty meter cell repeats the row above's, and a meter cell may name several meters (the storage packages).</summary>
internal static class TelemetryDoc
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Text { get; } = File.ReadAllText(Path.Combine(RepoRoot, "docs", "telemetry.md"));

    /// <summary>Every (meter, instrument) row of the table under "## Meters and instruments".</summary>
    public static IReadOnlyList<DocumentedInstrument> Instruments()
    {
        var section = Text[Text.IndexOf("## Meters and instruments", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n#", 5, StringComparison.Ordinal)];
        var rows = new List<DocumentedInstrument>();
        string[] meters = [];
        var lineNumber = 0;
        foreach (var line in section.Split('\n'))
        {
            lineNumber++;
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (!line.StartsWith('|') || cells.Length < 2 || !cells[1].StartsWith("`aigovernance.", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(cells.Length == 6, $"docs/telemetry.md instrument row {lineNumber} has {cells.Length} cells, not 6: {line}");
            if (cells[0].Length > 0)
            {
                meters = [.. cells[0].Split(',').Select(m => Unquote(m.Trim()))];
            }

            foreach (var meter in meters)
            {
                rows.Add(new DocumentedInstrument(meter, Unquote(cells[1]), cells[2], Unquote(cells[3]), cells[4], cells[5]));
            }
        }

        return rows;
    }

    private static string Unquote(string cell) => cell.Trim().Trim('`');

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiGovernance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AiGovernance.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One documented instrument.</summary>
internal sealed record DocumentedInstrument(string Meter, string Name, string Kind, string Unit, string Tags, string Meaning);
