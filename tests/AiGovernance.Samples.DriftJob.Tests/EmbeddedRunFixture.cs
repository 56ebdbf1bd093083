using System.Text.Json;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>Runs the job once on the embedded dataset; the tests of the collection read its output.</summary>
public sealed class EmbeddedRunFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    internal JobRun Run { get; private set; } = null!;

    public string OutputFolder => System.IO.Path.Combine(_folder.Path, "out");

    public string JsonPath => System.IO.Path.Combine(OutputFolder, "drift-report.json");

    public string MarkdownPath => System.IO.Path.Combine(OutputFolder, "drift-report.md");

    public string HtmlPath => System.IO.Path.Combine(OutputFolder, "drift-report.html");

    internal JsonDocument Report { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Run = await JobHarness.RunAsync(["--out", OutputFolder], CancellationToken.None);
        if (File.Exists(JsonPath))
        {
            Report = Json.Load(JsonPath);
        }
    }

    public ValueTask DisposeAsync()
    {
        Report?.Dispose();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedRunGroup : ICollectionFixture<EmbeddedRunFixture>
{
    public const string Name = "embedded run";
}
