using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using AiGovernance.Reporting.Json;
using AiGovernance.Reporting.TechnicalFile;
using AiGovernance.Reporting.Tests.Drift;
using AiGovernance.Reporting.Tests.TechnicalFile;
using Json.Schema;

namespace AiGovernance.Reporting.Tests.Json;

/// <summary>The JSON Schema of every report kind is published under docs/schemas/, generated from the serializer's own contract
/// (System.Text.Json's <see cref="JsonSchemaExporter"/>, objects closed with <c>additionalProperties: false</c>), and every
/// rendered report validates against its committed schema with JsonSchema.Net (draft 2020-12).</summary>
/// <remarks>After changing a document type, regenerate the schemas with <c>AIGOV_WRITE_SCHEMAS=1</c> set for one run of this
/// class, and review the diff.</remarks>
public sealed class ReportSchemaTests
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    public static TheoryData<string> Kinds() => [.. ReportJson.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CommittedSchema_MatchesTheSerializersContract(string kind)
    {
        var generated = Generate(kind);
        var path = SchemaPath(kind);
        if (Environment.GetEnvironmentVariable("AIGOV_WRITE_SCHEMAS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run this test once with AIGOV_WRITE_SCHEMAS=1.");
        Assert.Equal(generated, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task RenderedJson_ValidatesAgainstItsCommittedSchema(string kind)
    {
        var json = new ReportRenderer().ToJson(await DocumentAsync(kind));

        var result = Evaluate(kind, JsonNode.Parse(json));

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public async Task Schema_RefusesAnUndeclaredProperty()
    {
        var json = JsonNode.Parse(new ReportRenderer().ToJson(await DocumentAsync("drift")))!.AsObject();
        json["surprise"] = 1;

        Assert.False(Evaluate("drift", json).IsValid);
    }

    [Fact]
    public async Task Schema_RefusesAMissingRequiredProperty()
    {
        var json = JsonNode.Parse(new ReportRenderer().ToJson(await DocumentAsync(TechnicalFileDocument.ReportKind)))!.AsObject();
        Assert.True(json.Remove("artifact"));

        Assert.False(Evaluate(TechnicalFileDocument.ReportKind, json).IsValid);
    }

    [Fact]
    public async Task Schema_RefusesAStringWhereANumberIsDeclared()
    {
        var json = JsonNode.Parse(new ReportRenderer().ToJson(await DocumentAsync("oversight")))!.AsObject();
        json["reviewCount"] = "NaN";

        Assert.False(Evaluate("oversight", json).IsValid);
    }

    private static EvaluationResults Evaluate(string kind, JsonNode? instance) =>
        Schemas.GetOrAdd(kind, static k => JsonSchema.FromText(File.ReadAllText(SchemaPath(k)), new BuildOptions { SchemaRegistry = new() }))
            .Evaluate(JsonDocument.Parse(instance!.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults result) => string.Join("\n", (result.Details ?? [])
        .Where(d => d.Errors is { Count: > 0 })
        .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));

    private static async Task<ReportDocument> DocumentAsync(string kind)
    {
        switch (kind)
        {
            case TechnicalFileDocument.ReportKind:
            case PostMarketSummaryDocument.ReportKind:
                await using (var f = await TechnicalFileFixture.CreateAsync())
                {
                    var ct = TestContext.Current.CancellationToken;
                    return kind == TechnicalFileDocument.ReportKind
                        ? await TechnicalDocumentation.BuildAsync(f.System, f.Artifact, f.Audit, f.Reports, f.Approvals.Clock,
                            cancellationToken: ct)
                        : await TechnicalDocumentation.SummarizePostMarketAsync(f.System, ApprovalFixture.Start,
                            f.Approvals.Clock.GetUtcNow(), f.Audit, f.Reports, f.Approvals.Clock, f.Artifact.Digest, ct);
                }

            case "drift":
                return DriftFixtures.Document(400);
            case "fairness":
                return Fairness.FairnessReportDocumentTests.Document();
            case "canary":
                return Canary.CanaryReportDocumentTests.Document().Document;
            case "shadow":
                return Shadow.ShadowReportDocumentTests.Document();
            case "oversight":
                return Oversight.OversightReportDocumentTests.Document();
            case "scorecard":
                return Scorecards.ScorecardReportDocumentTests.Document();
            case "performance":
                return Performance.PerformanceReportDocumentTests.Document().Document;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "No sample document for this kind; add one.");
        }
    }

    internal static string Generate(string kind)
    {
        var options = new JsonSchemaExporterOptions
        {
            TransformSchemaNode = static (_, node) =>
            {
                if (node is JsonObject schema && schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties"))
                {
                    schema["additionalProperties"] = false;
                }

                return node;
            },
        };
        var body = JsonSchemaExporter.GetJsonSchemaAsNode(ReportJson.TypeInfos()[kind], options).AsObject();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://aigovernance.dev/schemas/{kind}-report.schema.json",
            ["title"] = $"AiGovernance {kind} report, schema version {ReportJson.SchemaVersion}",
        };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            root[name] = value;
        }

        // A report is never null, and every report names its kind and schema version: the reader dispatches on them.
        root["type"] = "object";
        root["properties"]!["kind"] = new JsonObject { ["type"] = "string", ["const"] = kind };
        var required = root["required"] as JsonArray ?? [];
        foreach (var name in new[] { "schemaVersion", "kind" }.Where(n => !required.Any(r => r!.GetValue<string>() == n)))
        {
            required.Insert(0, name);
        }

        root["required"] = required;

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    private static string SchemaPath(string kind) => Path.Combine(RepositoryRoot(), "docs", "schemas", kind + "-report.schema.json");

    private static string RepositoryRoot()
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
