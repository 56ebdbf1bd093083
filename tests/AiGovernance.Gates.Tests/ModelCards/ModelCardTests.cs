using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Gates.Milestones;
using AiGovernance.Gates.ModelCards;

namespace AiGovernance.Gates.Tests.ModelCards;

public class ModelCardTests
{
    private static ModelCard Card(ModelArtifact artifact)
    {
        var truth = Enumerable.Range(0, 1000).Select(i => i % 2 == 0).ToArray();
        var predicted = truth.Select((t, i) => i % 20 == 0 ? !t : t).ToArray();
        var groups = Enumerable.Range(0, 1000).Select(i => i % 3 == 0 ? "over-60" : "under-60").ToArray();
        var gate = new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.Accuracy, Threshold = 0.9 });
        var system = new AiSystem("credit-scoring", "Credit scoring", "2.1", new AiSystemOwners("ana", "bo", "chen"), RiskTier.High);
        return new ModelCard(
            system,
            artifact,
            "Ranks consumer credit applications for human underwriters; not for automated rejection.",
            new ModelCardRisk(RiskTier.High, "High-risk (Annex III point 5(b))", ["EU AI Act Annex III 5(b): creditworthiness of natural persons"]),
            new Dictionary<string, PerformanceGateResult> { ["holdout accuracy"] = gate.EvaluateByGroup(truth, predicted, groups) },
            [new ModelCardGroupRow("over-60", 334, 0.49, 0.95, 0.05, 0.95), new ModelCardGroupRow("under-60", 666, 0.5, 0.95, 0.05, 0.95)],
            new Dictionary<string, string> { ["income"] = "10 quantile bins fitted on 2026-10", ["region"] = "7 categories" },
            ["Not validated for applicants under 21."],
            new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Markdown_HasEverySection()
    {
        var artifact = ModelArtifact.FromBytes("scorer", "2.1.0", "weights"u8);
        var markdown = Card(artifact).ToMarkdown();
        foreach (var section in new[] { "## Intended use", "## Risk classification", "## Performance gates", "## Fairness by group", "## Drift baseline", "## Known limitations", "## Owners" })
        {
            Assert.Contains(section, markdown, StringComparison.Ordinal);
        }

        Assert.Contains(artifact.Digest.ToString(), markdown, StringComparison.Ordinal);
        Assert.Contains("| holdout accuracy — over-60 | Accuracy |", markdown, StringComparison.Ordinal);
        Assert.Contains("Annex III 5(b)", markdown, StringComparison.Ordinal);
        Assert.Contains("- Operations: chen", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsBoundToTheArtifact_AndTamperingIsDetected()
    {
        var artifact = ModelArtifact.FromBytes("scorer", "2.1.0", "weights"u8);
        var card = Card(artifact);
        using var json = JsonDocument.Parse(card.Json);
        Assert.Equal(artifact.Digest.ToString(), json.RootElement.GetProperty("model").GetProperty("sha256").GetString());
        Assert.Equal(0.95, json.RootElement.GetProperty("performance")[0].GetProperty("estimate").GetDouble(), 12);
        Assert.Equal(2, json.RootElement.GetProperty("performance")[0].GetProperty("groups").GetArrayLength());

        Assert.Null(ModelCard.VerifyBinding(card.Json, card.ContentDigest, artifact));
        var other = ModelArtifact.FromBytes("scorer", "2.1.0", "other weights"u8);
        Assert.Contains("not", ModelCard.VerifyBinding(card.Json, card.ContentDigest, other), StringComparison.Ordinal);
        var tampered = card.Json.Replace("0.95", "0.99", StringComparison.Ordinal);
        Assert.Contains("altered", ModelCard.VerifyBinding(tampered, card.ContentDigest, artifact), StringComparison.Ordinal);
        Assert.Equal(card.ContentDigest, Card(artifact).ContentDigest);
    }
}
