using AiGovernance.Core;
using AiGovernance.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp block of src/AiGovernance.Core/README.md.</summary>
public class CoreSnippets
{
    [Fact]
    public async Task AuditLogAndArtifact()
    {
        using var dir = SnippetData.CreateTempDirectory();
        var auditPath = Path.Combine(dir.Path, "audit.jsonl");
        var modelPath = Path.Combine(dir.Path, "model.onnx");
        await File.WriteAllBytesAsync(modelPath, [1, 2, 3, 4], TestContext.Current.CancellationToken);

        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.UseFileAuditLog(auditPath));   // JSON lines; in memory when omitted
        using var provider = services.BuildServiceProvider();

        var system = new AiSystem("credit-scoring", "Credit scoring", "2.1.0",
            new AiSystemOwners(BusinessOwner: "ana", TechnicalOwner: "bo", OperationsOwner: "cy"), RiskTier.High);
        var artifact = ModelArtifact.FromBytes("credit-scorer", "2.1.0", File.ReadAllBytes(modelPath));

        var audit = provider.GetRequiredService<IAuditLog>();
        await audit.AppendAsync(new AuditEvent("model.registered", "ci", system.Id, artifact.Digest));
        var check = await audit.VerifyAsync();   // check.IsValid; detects edits, deletions, reordering and truncation

        Assert.True(check.IsValid);
        Assert.Equal(1, check.VerifiedCount);
        Assert.Equal(Sha256Digest.Compute([1, 2, 3, 4]), artifact.Digest);
        Assert.IsType<FileAuditLog>(audit);
        Assert.Contains("model.registered", await File.ReadAllTextAsync(auditPath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
