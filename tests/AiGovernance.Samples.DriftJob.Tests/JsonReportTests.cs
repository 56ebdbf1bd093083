using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AiGovernance.Samples.DriftJob.Tests;

/// <summary>The job's drift-report.json is AiGovernance.Reporting's drift report: standard JSON that System.Text.Json reads
/// with its default options, valid against the published schema (docs/schemas/drift-report.schema.json), with a
/// <c>schemaVersion</c>, and with every undefined value <c>null</c> and its reason beside it — never "NaN".</summary>
[Collection(EmbeddedRunGroup.Name)]
public sealed class JsonReportTests(EmbeddedRunFixture fixture)
{
    [Fact]
    public void DefaultRun_JsonParsesWithDefaultOptions_AndCarriesItsSchemaVersion()
    {
        var root = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(fixture.JsonPath));

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("drift", root.GetProperty("kind").GetString());
        Assert.Equal("loan-approval", root.GetProperty("system").GetString());
    }

    [Fact]
    public void DefaultRun_JsonValidatesAgainstThePublishedSchema()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(SchemaPath()), new BuildOptions { SchemaRegistry = new() });

        var result = schema.Evaluate(fixture.Report.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void DefaultRun_NoValueIsANonFiniteNumberWrittenAsAString()
    {
        var strings = new List<string>();
        Collect(JsonNode.Parse(File.ReadAllText(fixture.JsonPath)), strings);

        Assert.DoesNotContain(strings, s => s is "NaN" or "Infinity" or "-Infinity");
    }

    [Fact]
    public void DefaultRun_ADistanceMethodsPValue_IsNullWithItsReason()
    {
        var creditScore = fixture.Report.RootElement.GetProperty("windows")[2].GetProperty("columns").EnumerateArray()
            .Single(c => c.GetProperty("column").GetString() == "credit_score");

        Assert.Equal(JsonValueKind.Null, creditScore.GetProperty("pValue").ValueKind);
        Assert.StartsWith("no p-value: NormalizedWasserstein is judged by a distance threshold",
            creditScore.GetProperty("nullReasons").GetProperty("pValue").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AColumnWithNoCurrentValues_HasANullPValue_AndSaysWhy()
    {
        using var folder = new TempFolder();
        string[] header = ["score", "empty_now"];
        var reference = Enumerable.Range(0, 300).Select(i => new[] { Invariant(i % 40), Invariant(i % 7) }).ToArray();
        var current = Enumerable.Range(0, 300).Select(i => new[] { Invariant(i % 40), string.Empty }).ToArray();
        TableFiles.WriteCsv(folder.File("reference.csv"), header, reference);
        TableFiles.WriteCsv(folder.File("current.csv"), header, current);

        await JobHarness.RunWithTestTokenAsync("--reference", folder.File("reference.csv"), "--current", folder.File("current.csv"), "--out",
            folder.File("out"));

        var text = File.ReadAllText(Path.Combine(folder.File("out"), "drift-report.json"));
        var column = JsonSerializer.Deserialize<JsonElement>(text).GetProperty("windows")[0].GetProperty("columns").EnumerateArray()
            .Single(c => c.GetProperty("column").GetString() == "empty_now");
        Assert.NotEqual("Compared", column.GetProperty("status").GetString());
        foreach (var property in new[] { "statistic", "pValue", "adjustedPValue" })
        {
            Assert.Equal(JsonValueKind.Null, column.GetProperty(property).ValueKind);
            Assert.StartsWith("not computed: ", column.GetProperty("nullReasons").GetProperty(property).GetString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"NaN\"", text, StringComparison.Ordinal);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Collect(JsonNode? node, List<string> strings)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    Collect(value, strings);
                }

                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    Collect(value, strings);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                strings.Add(s);
                break;
            default:
                break;
        }
    }

    private static string SchemaPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "schemas", "drift-report.schema.json");
            if (File.Exists(Path.Combine(dir.FullName, "AiGovernance.sln")))
            {
                return path;
            }
        }

        throw new InvalidOperationException("AiGovernance.sln not found above " + AppContext.BaseDirectory);
    }
}
