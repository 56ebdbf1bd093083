using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    public async Task SecondInstanceOnTheSameDataFolder_BothServe_AndTheSharedAuditChainStaysIntact()
    {
        // Defect 1 of #21 with the SQLite store the sample now uses by default: two instances on one data folder share
        // one database, whose writers are serialised by SQLite, so neither loses the other's records.
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var first = ServiceProcess.Start(dir.Path);
        await first.WaitUntilServingAsync();
        var before = await ReadAuditAsync(dir.Path);

        await using var second = ServiceProcess.Start(dir.Path);
        await second.WaitUntilServingAsync();

        var after = await ReadAuditAsync(dir.Path);
        Assert.True(after.Valid, after.Message);
        Assert.True(after.EventTypes.Count > before.EventTypes.Count, "the second instance's start-up gate was not audited");
        Assert.Equal(before.EventTypes, after.EventTypes.Take(before.EventTypes.Count));
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/rollout", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync("/rollout", ct)).StatusCode);
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
        var audit = await ReadAuditAsync(otherDir.Path);
        Assert.True(audit.Valid, audit.Message);
        Assert.True(audit.EventTypes.Count == 0, "the instance that could not bind its port appended: " + string.Join(", ", audit.EventTypes));
    }

    /// <summary>The audit records in the data folder's SQLite database (none when the database was never created).</summary>
    private static async Task<(bool Valid, string Message, List<string> EventTypes)> ReadAuditAsync(string dataDirectory)
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(dataDirectory, "governance.db");
        if (!File.Exists(file))
        {
            return (true, "no database", []);
        }

        var database = new AiGovernance.Storage.Sqlite.SqliteGovernanceDatabase(
            new AiGovernance.Storage.Sqlite.SqliteStorageOptions { ConnectionString = "Data Source=" + file }, TimeProvider.System);
        var log = new AiGovernance.Storage.Sqlite.Stores.SqliteAuditLog(database, TimeProvider.System);
        var verification = await log.VerifyAsync(ct);
        var types = await log.ReadAsync(cancellationToken: ct).Select(r => r.EventType).ToListAsync(ct);
        return (verification.IsValid, verification.Message ?? string.Empty, types);
    }
}
