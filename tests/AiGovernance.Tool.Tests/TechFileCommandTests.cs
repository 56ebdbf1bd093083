using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Gates.Inventory;
using AiGovernance.Storage.Sqlite;
using AiGovernance.Storage.Sqlite.Stores;
using Microsoft.Data.Sqlite;

namespace AiGovernance.Tool.Tests;

/// <summary><c>aigov techfile</c> over a real SQLite governance database seeded with a system, an audit record and the drift report `aigov drift` stored.</summary>
public sealed class TechFileCommandTests : IDisposable
{
    private const string System = "credit-scoring";
    private readonly TempFolder _folder = new();
    private readonly string _db;
    private readonly string _artifact;
    private readonly string _privateKey;
    private readonly string _publicKey;

    public TechFileCommandTests()
    {
        _db = _folder.File("governance.db");
        _artifact = _folder.File("model.onnx");
        File.WriteAllBytes(_artifact, [1, 2, 3, 4, 5]);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _privateKey = _folder.File("signer.pem");
        _publicKey = _folder.File("signer.pub.pem");
        File.WriteAllText(_privateKey, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(_publicKey, key.ExportSubjectPublicKeyInfoPem());
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TechFile_WritesEveryAnnexIvPoint_CitingTheStoredReport_AndListsTheGaps()
    {
        var reportId = await SeedAsync();

        var run = await BuildAsync("--signing-key", _privateKey);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(_folder.File("tf/technical-file.json")));
        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal([.. Enumerable.Range(1, 9).Select(i => "annex-iv-" + i)], sections.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(json.RootElement.GetProperty("citedReports").EnumerateArray(), r => r.GetProperty("id").GetInt64() == reportId);
        var declarationGap = Assert.Single(sections["annex-iv-8"].GetProperty("gaps").EnumerateArray()).GetString()!;
        Assert.Contains("declaration of conformity", declarationGap, StringComparison.Ordinal);
        Assert.Contains("Annex IV(8) EU declaration of conformity: " + declarationGap, run.Output, StringComparison.Ordinal);
        var titles = sections.Values.Select(s => s.GetProperty("title").GetString()!).ToList();
        var markdown = File.ReadAllText(_folder.File("tf/technical-file.md"));
        Assert.All(titles, t => Assert.Contains(Regex.Replace(t, @"[\\`*_\[\]{}()#+\-!~>]", @"\$0"), markdown, StringComparison.Ordinal));
        Assert.All(sections.Keys, id => Assert.Contains($"id=\"{id}\"", File.ReadAllText(_folder.File("tf/technical-file.html")),
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task TechFile_Signed_VerifiesWithTheSignersPublicKey_AgainstTheFilesAndTheDatabase()
    {
        await SeedAsync();
        Assert.Equal(0, (await BuildAsync("--signing-key", _privateKey)).ExitCode);

        var run = await ToolHarness.RunAsync("techfile", "--verify", _folder.File("tf"), "--trusted-key", _publicKey, "--store", _db);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Technical file verified", run.Output, StringComparison.Ordinal);
        Assert.Contains("cited reports are unchanged", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("technical-file.json")]
    [InlineData("technical-file.html")]
    [InlineData("technical-file.md")]
    public async Task TechFile_OneChangedByte_FailsVerification(string name)
    {
        await SeedAsync();
        Assert.Equal(0, (await BuildAsync("--signing-key", _privateKey)).ExitCode);
        var path = _folder.File("tf/" + name);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var run = await ToolHarness.RunAsync("techfile", "--verify", _folder.File("tf"), "--trusted-key", _publicKey);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does NOT verify (FileDigestMismatch)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TechFile_VerifiedWithAnotherKey_Fails()
    {
        await SeedAsync();
        Assert.Equal(0, (await BuildAsync("--signing-key", _privateKey)).ExitCode);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(_folder.File("other.pub.pem"), other.ExportSubjectPublicKeyInfoPem());

        var run = await ToolHarness.RunAsync("techfile", "--verify", _folder.File("tf"), "--trusted-key", _folder.File("other.pub.pem"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(BadSignature)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TechFile_Unsigned_WritesNoEnvelope_AndVerifySaysSo()
    {
        await SeedAsync();
        Assert.Equal(0, (await BuildAsync()).ExitCode);
        Assert.False(File.Exists(_folder.File("tf/technical-file.dsse.json")));

        var run = await ToolHarness.RunAsync("techfile", "--verify", _folder.File("tf"), "--trusted-key", _publicKey);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("was not signed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TechFile_SystemNotInTheInventory_ExitsTwo_AndWritesNothing()
    {
        await SeedAsync();

        var run = await ToolHarness.RunAsync("techfile", "--system", "unknown-system", "--system-version", "2.1.0", "--artifact", _artifact,
            "--store", _db, "--out", _folder.File("tf"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds no system 'unknown-system'", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("tf")));
    }

    private Task<ToolRun> BuildAsync(params string[] extra) => ToolHarness.RunAsync(
        ["techfile", "--system", System, "--system-version", "2.1.0", "--artifact", _artifact, "--store", _db, "--out", _folder.File("tf"),
            "--standard", "ISO/IEC 42001:2023", .. extra]);

    // A system in the inventory, two audit records about it, and the drift report `aigov drift --store` keeps in the history
    // (its digest audited in the same log).
    private async Task<long> SeedAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = new SqliteGovernanceDatabase(new SqliteStorageOptions { ConnectionString = "Data Source=" + _db }, TimeProvider.System);
        var log = new SqliteAuditLog(database, TimeProvider.System);
        await new SqliteAiInventory(database).UpsertAsync(new AiInventoryEntry(System, "Credit scoring",
            new AiSystemOwners("risk-lead", "ml-lead", "ops-lead"), RiskTier.High), ct);
        await log.AppendAsync(new AuditEvent("model.registered", "tests", System), ct);
        SqliteConnection.ClearAllPools();
        DriftFiles.Write(_folder.File("reference.csv"), 400, 0);
        DriftFiles.Write(_folder.File("current.csv"), 400, 15);
        var drift = await ToolHarness.RunAsync("drift", "--reference", _folder.File("reference.csv"), "--current", _folder.File("current.csv"),
            "--system", System, "--out", _folder.File("reports"), "--store", _db);
        Assert.True(drift.ExitCode == 1, drift.Output + drift.Error);
        var stored = new List<StoredGovernanceReport>();
        await foreach (var report in new SqliteGovernanceReportStore(database, log).QueryAsync(new GovernanceReportQuery(System), ct))
        {
            stored.Add(report);
        }

        SqliteConnection.ClearAllPools();
        return Assert.Single(stored).Id;
    }
}
