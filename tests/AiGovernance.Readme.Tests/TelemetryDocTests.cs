using System.Text.RegularExpressions;

namespace AiGovernance.Readme.Tests;

/// <summary>docs/telemetry.md lists every instrument, log event id and audit event type that src/ declares, so the one table
/// operators read cannot fall behind the code.</summary>
public partial class TelemetryDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(ReadmeSnippetTests.RepoRoot, "docs", "telemetry.md"));

    [Fact]
    public void EveryInstrumentName_IsInTheTable()
    {
        var missing = Declared(InstrumentName(), static _ => true).Where(name => !Doc.Contains($"`{name}`", StringComparison.Ordinal));
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryLogEventId_IsInItsPackagesRow()
    {
        var missing = Declared(LogEventId(), static _ => true)
            .Where(id => !Regex.IsMatch(Doc, $@"[|,] {id} "));
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryAuditEventType_IsInTheTable()
    {
        var missing = Declared(AuditEventType(), static path =>
                Path.GetFileName(path).EndsWith("AuditEvents.cs", StringComparison.Ordinal)
                || Path.GetFileName(path).EndsWith("EventTypes.cs", StringComparison.Ordinal))
            .Where(type => !Doc.Contains($"`{type}`", StringComparison.Ordinal));
        Assert.Empty(missing);
    }

    [Fact]
    public void TheScan_FindsTheKnownDeclarations()
    {
        // Guards the three tests above against a scan that silently finds nothing.
        Assert.Contains("aigovernance.gates.decisions", Declared(InstrumentName(), static _ => true));
        Assert.Contains("4010", Declared(LogEventId(), static _ => true));
        Assert.Contains("gate.deployment.decided",
            Declared(AuditEventType(), static p => p.EndsWith("AuditEvents.cs", StringComparison.Ordinal)));
    }

    private static List<string> Declared(Regex pattern, Func<string, bool> fileFilter)
    {
        var src = Path.Combine(ReadmeSnippetTests.RepoRoot, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(fileFilter)
            .SelectMany(p => pattern.Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"Create(?:Counter|Histogram|Gauge|UpDownCounter|ObservableGauge|ObservableCounter|ObservableUpDownCounter)<\w+>\(\s*""(aigovernance\.[a-z0-9_.]+)""")]
    private static partial Regex InstrumentName();

    [GeneratedRegex(@"\[LoggerMessage\(EventId = (\d+)")]
    private static partial Regex LogEventId();

    [GeneratedRegex(@"public const string \w+ = ""([a-z0-9_.\-]+)"";")]
    private static partial Regex AuditEventType();
}
