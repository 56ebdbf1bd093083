using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Gates;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Decisions;

namespace AiGovernance.Samples.GatedService.Tests;

public sealed class StartupGateTests
{
    [Fact]
    public async Task FirstRun_GeneratesDemoKeysAndApprovals_AndASecondRunVerifiesThemAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await StartOnceAsync(dir);
        var approvals = Directory.GetFiles(Path.Combine(dir.Path, "governance", "approvals"), "*.dsse.json").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(
            ["executive_sponsor.dsse.json", "fairness_audit.dsse.json", "legal_approval.dsse.json", "security_review.dsse.json", "technical_validation.dsse.json"],
            approvals);
        var keys = await File.ReadAllTextAsync(Path.Combine(dir.Path, "governance", "trusted-reviewer-keys.json"), ct);
        Assert.Contains("not for production", keys, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", keys, StringComparison.Ordinal);

        // The second start reuses the files (nothing regenerated) and the gate allows the candidate again.
        var before = File.GetLastWriteTimeUtc(Path.Combine(dir.Path, "governance", "trusted-reviewer-keys.json"));
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient();
        var rollout = JsonDocument.Parse(await client.GetStringAsync("/rollout", ct)).RootElement;
        Assert.Equal("Canary", rollout.GetProperty("state").GetString());
        Assert.Equal(5, rollout.GetProperty("gate").GetProperty("acceptedApprovals").GetArrayLength());
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(dir.Path, "governance", "trusted-reviewer-keys.json")));
    }

    [Fact]
    public async Task MissingApproval_BlocksStartUp_NamingTheMissingKind()
    {
        using var dir = new TempDirectory();
        await StartOnceAsync(dir);
        File.Delete(Path.Combine(dir.Path, "governance", "approvals", "legal_approval.dsse.json"));

        var blocked = await AssertStartUpBlockedAsync(dir);

        var missing = Assert.Single(blocked.MissingApprovals);
        Assert.Equal(ApprovalKinds.LegalApproval, missing.Kind);
        Assert.Equal(0, missing.ValidReviewers);
        Assert.Contains("Missing legal_approval", blocked.Message, StringComparison.Ordinal);
        Assert.Equal(GateKind.Deployment, blocked.Decision!.Gate);
        Assert.Equal(4, blocked.Decision.AcceptedApprovals.Count);
        await AssertBlockedDecisionAuditedAsync(dir);
    }

    [Fact]
    public async Task TamperedApproval_BlocksStartUp_WithBadSignature()
    {
        using var dir = new TempDirectory();
        await StartOnceAsync(dir);
        var file = Path.Combine(dir.Path, "governance", "approvals", "security_review.dsse.json");
        var envelope = JsonNode.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))!;
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(envelope["payload"]!.GetValue<string>()));
        Assert.Contains("\"demo-security-reviewer-1\"", payload, StringComparison.Ordinal);
        envelope["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.Replace("\"demo-security-reviewer-1\"", "\"mallory\"", StringComparison.Ordinal)));
        await File.WriteAllTextAsync(file, envelope.ToJsonString(), TestContext.Current.CancellationToken);

        var blocked = await AssertStartUpBlockedAsync(dir);

        Assert.Equal(ApprovalKinds.SecurityReview, Assert.Single(blocked.MissingApprovals).Kind);
        Assert.Equal(ApprovalFailureReason.BadSignature, Assert.Single(blocked.Decision!.InvalidApprovals).Reason);
    }

    [Fact]
    public async Task RetrainedCandidate_WithApprovalsForTheOldDigest_BlocksStartUp()
    {
        using var dir = new TempDirectory();
        await StartOnceAsync(dir);

        // One coefficient changed: a different artifact, so none of the five signed approvals covers it.
        var blocked = await AssertStartUpBlockedAsync(dir, new Dictionary<string, string?> { ["GatedService:Candidate:Intercept"] = "-1.25" });

        Assert.Equal(5, blocked.MissingApprovals.Count);
        Assert.All(blocked.Decision!.InvalidApprovals, i => Assert.Equal(ApprovalFailureReason.SubjectDigestMismatch, i.Reason));
        Assert.Equal(5, blocked.Decision.InvalidApprovals.Count);
    }

    [Fact]
    public async Task NoTrustedKeys_AndDemoGenerationDisabled_BlocksStartUp()
    {
        using var dir = new TempDirectory();

        var blocked = await AssertStartUpBlockedAsync(dir, new Dictionary<string, string?> { ["GatedService:GenerateDemoApprovals"] = "false" });

        Assert.Contains("no trusted reviewer keys", blocked.Message, StringComparison.Ordinal);
        Assert.False(Directory.EnumerateFiles(Path.Combine(dir.Path, "governance", "approvals")).Any());
    }

    private static async Task StartOnceAsync(TempDirectory dir)
    {
        await using var factory = GatedServiceFactory.Create(dir, GatedServiceFactory.FastRollout);
        using var client = factory.CreateClient();
    }

    private static async Task<DeploymentBlockedException> AssertStartUpBlockedAsync(TempDirectory dir, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(GatedServiceFactory.FastRollout);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        await using var factory = GatedServiceFactory.Create(dir, settings);
        var thrown = Record.Exception(() => factory.CreateClient());
        Assert.NotNull(thrown);
        return Find<DeploymentBlockedException>(thrown)
            ?? throw new Xunit.Sdk.XunitException($"Start-up failed, but not with a DeploymentBlockedException: {thrown}");
    }

    private static async Task AssertBlockedDecisionAuditedAsync(TempDirectory dir)
    {
        var database = new AiGovernance.Storage.Sqlite.SqliteGovernanceDatabase(
            new AiGovernance.Storage.Sqlite.SqliteStorageOptions { ConnectionString = "Data Source=" + Path.Combine(dir.Path, "governance.db") },
            TimeProvider.System);
        var log = new AiGovernance.Storage.Sqlite.Stores.SqliteAuditLog(database, TimeProvider.System);
        var verification = await log.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(verification.IsValid, verification.Message);
        var last = (await log.ReadAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken))[^1];
        Assert.Equal("gate.deployment.decided", last.EventType);
        Assert.False(last.Payload!.Value.GetProperty("allowed").GetBoolean());
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        while (exception is not null)
        {
            if (exception is T match)
            {
                return match;
            }

            if (exception is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find<T>(inner) is { } found)
                    {
                        return found;
                    }
                }
            }

            exception = exception.InnerException;
        }

        return null;
    }
}
