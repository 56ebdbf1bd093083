using System.Net.Http.Json;
using AiGovernance.Samples.GatedService.Api;
using AiGovernance.Samples.GatedService.Models;
using AiGovernance.Samples.GatedService.Serving;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Samples.GatedService.Tests;

/// <summary>Hosts the sample in memory with its own data directory, a <see cref="FakeTimeProvider"/> and extra settings, in
/// the Development environment unless told otherwise (demo approvals are generated only there).</summary>
/// <remarks>Clients from <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> carry the operator's API key (roles
/// operator and reviewer, name <see cref="OperatorName"/>); <see cref="CreateClient(string?)"/> makes one with another key
/// or none.</remarks>
public sealed class GatedServiceFactory(
    string dataDirectory, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    : WebApplicationFactory<Program>
{
    public const string OperatorName = "test-operator";
    public const string OperatorKey = "test-operator-key";

    /// <summary>Reviewer keys by reviewer id (role reviewer only).</summary>
    public static readonly IReadOnlyDictionary<string, string> ReviewerKeys = new Dictionary<string, string>
    {
        ["rev-1"] = "test-reviewer-1-key",
        ["rev-2"] = "test-reviewer-2-key",
    };

    public const string RolloutName = "credit-scorer-2.0.0";

    public static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Small stages so that a test reaches the minimum samples with a few hundred requests: 20% → 50% → 80% → 100%,
    /// at least 50 labelled requests per arm, one hour per stage, and no periodic evaluation (tests evaluate explicitly).</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastRollout = new Dictionary<string, string?>
    {
        ["AiGovernance:Deployment:StageFractions:0"] = "0.2",
        ["AiGovernance:Deployment:StageFractions:1"] = "0.5",
        ["AiGovernance:Deployment:StageFractions:2"] = "0.8",
        ["AiGovernance:Deployment:StageFractions:3"] = "1.0",
        ["AiGovernance:Deployment:BaselineErrorRate"] = "0.1",
        ["AiGovernance:Deployment:MinimumDetectableEffect"] = "0.2",
        ["AiGovernance:Deployment:MinStageDuration"] = "01:00:00",
        ["AiGovernance:Deployment:MonitoringInterval"] = "10.00:00:00",
        ["AiGovernance:Deployment:Canary:MinRequestsPerVariant"] = "50",
    };

    public string DataDirectory { get; } = dataDirectory;

    public FakeTimeProvider Time { get; } = time;

    public string DatabasePath => Path.Combine(DataDirectory, "governance.db");

    public string ApprovalsDirectory => Path.Combine(DataDirectory, "governance", "approvals");

    public static GatedServiceFactory Create(TempDirectory directory, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development") =>
        new(directory.Path, new FakeTimeProvider(Start), settings, environment);

    /// <summary>The SHA-256 of a key as the configuration holds it.</summary>
    public static string Sha256(string key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    /// <summary>A client sending <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(Security.ApiKeyAuthentication.Header);
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(Security.ApiKeyAuthentication.Header, apiKey);
        }

        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(Security.ApiKeyAuthentication.Header, OperatorKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("GatedService:DataDirectory", DataDirectory);
        // Many hosts run at once and on a fake clock: the in-process Orleans silo (traffic drift) has tests of its own.
        builder.UseSetting("GatedService:MonitorTrafficDrift", "false");

        // Indexes from 10 leave room for the keys of appsettings.Development.json.
        var keys = new List<(string Name, string Key, string[] Roles)> { (OperatorName, OperatorKey, ["operator", "reviewer"]) };
        keys.AddRange(ReviewerKeys.Select(r => (r.Key, r.Value, new[] { "reviewer" })));
        for (var i = 0; i < keys.Count; i++)
        {
            builder.UseSetting($"GatedService:ApiKeys:{10 + i}:Name", keys[i].Name);
            builder.UseSetting($"GatedService:ApiKeys:{10 + i}:Sha256", Sha256(keys[i].Key));
            for (var r = 0; r < keys[i].Roles.Length; r++)
            {
                builder.UseSetting($"GatedService:ApiKeys:{10 + i}:Roles:{r}", keys[i].Roles[r]);
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gated-service-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a host that failed to start; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>Requests the tests send.</summary>
public static class Traffic
{
    /// <summary>A reproducible applicant (seeded by the index) with id <c>applicant-{index}</c>.</summary>
    public static CreditApplication Applicant(int index) =>
        ReferenceScores.SyntheticApplicant(new Random(index), $"applicant-{index}");

    /// <summary>Predicts; without <paramref name="requestId"/> the service assigns a random one.</summary>
    public static async Task<PredictResponse> PredictAsync(HttpClient client, CreditApplication a, CancellationToken cancellationToken, string? requestId = null)
    {
        var response = await client.PostAsJsonAsync("/predict",
            new PredictRequest(a.ApplicantId, a.Income, a.DebtToIncome, a.CreditHistoryYears, a.LatePayments, a.LoanAmount, requestId), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PredictResponse>(cancellationToken))!;
    }

    /// <summary>Predicts for applicants <paramref name="from"/>.. with request ids <c>applicant-{i}-r{round}</c>, so that
    /// audit sampling (a stable hash of the request id) selects the same cases on every run.</summary>
    public static async Task<List<PredictResponse>> PredictManyAsync(HttpClient client, int from, int count, CancellationToken cancellationToken, int round = 0)
    {
        var responses = new List<PredictResponse>(count);
        for (var i = from; i < from + count; i++)
        {
            var applicant = Applicant(i);
            responses.Add(await PredictAsync(client, applicant, cancellationToken, $"{applicant.ApplicantId}-r{round}"));
        }

        return responses;
    }

    /// <summary>Posts the ground truth of a prediction: <paramref name="correct"/> decides whether it matches the decision.</summary>
    public static async Task<OutcomeResponse> OutcomeAsync(HttpClient client, PredictResponse prediction, bool correct, CancellationToken cancellationToken)
    {
        var declined = prediction.Decision == "decline";
        var response = await client.PostAsJsonAsync("/outcome", new OutcomeRequest(prediction.RequestId, correct ? declined : !declined), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<OutcomeResponse>(cancellationToken))!;
    }

    public static async Task<RolloutView> EvaluateAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var response = await client.PostAsync("/rollout/evaluate", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RolloutView>(cancellationToken))!;
    }
}
