using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Samples.GatedService.Api;

namespace AiGovernance.Samples.GatedService.Tests;

/// <summary>The sample run as a real process, the way a user starts it, once or twice.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task ConcurrentPredictionsWithOneRequestId_AreServedAndCountedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var service = ServiceProcess.Start(dir.Path);
        await service.WaitUntilServingAsync();
        const int Rounds = 30;
        const int Callers = 64;

        for (var round = 0; round < Rounds; round++)
        {
            var applicant = Traffic.Applicant(round);
            var body = new PredictRequest(applicant.ApplicantId, applicant.Income, applicant.DebtToIncome, applicant.CreditHistoryYears,
                applicant.LatePayments, applicant.LoanAmount, $"race-{round}");
            using var start = new SemaphoreSlim(0, Callers);
            var calls = Enumerable.Range(0, Callers).Select(async _ =>
            {
                await start.WaitAsync(ct);
                using var response = await service.Client.PostAsJsonAsync("/predict", body, ct);
                return response.StatusCode;
            }).ToList();
            start.Release(Callers);
            var statuses = await Task.WhenAll(calls);

            Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1,
                $"round {round}: {statuses.Count(s => s == HttpStatusCode.OK)} callers were served the same request id");
            Assert.Equal(Callers - 1, statuses.Count(s => s == HttpStatusCode.Conflict));
        }

        using var scorecard = JsonDocument.Parse(await service.Client.GetStringAsync("/scorecard", ct));
        var served = scorecard.RootElement.GetProperty("dimensions").EnumerateArray()
            .SelectMany(d => d.GetProperty("metrics").EnumerateArray())
            .Single(m => m.GetProperty("metric").GetProperty("name").GetString() == "requests_served")
            .GetProperty("value").GetDouble();
        Assert.Equal(Rounds, served);
    }

    [Fact]
    public async Task SecondInstanceOnTheSameDataFolder_StopsNamingTheAuditLogAndTheFirstInstance_AndWritesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var first = ServiceProcess.Start(dir.Path);
        await first.WaitUntilServingAsync();
        var auditLog = Path.Combine(dir.Path, "audit", "governance-audit.jsonl");
        var before = await File.ReadAllBytesAsync(auditLog, ct);

        await using var second = ServiceProcess.Start(dir.Path);
        var (exit, _, stderr) = await second.WaitForExitAsync();

        Assert.Equal(1, exit);
        var error = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(auditLog, error, StringComparison.Ordinal);
        Assert.Contains($"pid {first.Id}", error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(auditLog, ct));
        var verified = await FileAuditLog.VerifyFileAsync(auditLog, cancellationToken: ct);
        Assert.True(verified.IsValid, verified.Message);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/rollout", ct)).StatusCode);
    }

    [Fact]
    public async Task SecondInstanceOnABusyPort_StopsBeforeItsGateWritesAnAuditRecord()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        using var otherDir = new TempDirectory();
        await using var first = ServiceProcess.Start(dir.Path);
        await first.WaitUntilServingAsync();

        await using var second = ServiceProcess.Start(otherDir.Path, first.Port);
        var (exit, _, stderr) = await second.WaitForExitAsync();

        Assert.True(exit != 0, stderr);
        var otherLog = Path.Combine(otherDir.Path, "audit", "governance-audit.jsonl");
        Assert.True(!File.Exists(otherLog) || new FileInfo(otherLog).Length == 0, "the instance that could not bind its port appended to its audit log");
    }
}
