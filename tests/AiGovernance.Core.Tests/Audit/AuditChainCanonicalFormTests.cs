using System.Text.Json;
using AiGovernance.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Core.Tests.Audit;

/// <summary>The hash of a record is a stored format: logs written by one version must verify under every later one.</summary>
/// <remarks>Mutation testing found that dropping a field of the canonical encoding (the closing brace, a null system, artifact
/// or payload) survived every test, because writer and verifier changed together. The expected hashes below were computed
/// outside .NET, from the documented encoding:
/// <code>
/// python3 -c 'import hashlib; c=b"{\"seq\":1,\"ts\":\"2026-11-26T09:00:00+00:00\",\"type\":\"gate.deployment.decided\",
///   \"actor\":\"alice\",\"system\":null,\"artifact\":null,\"payload\":null}"; print(hashlib.sha256(bytes(32)+c).hexdigest())'
/// </code>
/// and for the second record sha256(hash1 + <c>{"seq":2,...,"system":"credit-scoring","artifact":"&lt;sha256 of
/// model-v7&gt;","payload":{"approved":true,"score":0.5}}</c>).</remarks>
public sealed class AuditChainCanonicalFormTests
{
    private const string FirstHash = "0560544d693f70ffced96983bb96249724882d1ecaad5cfa1e890c32a47421e5";
    private const string ArtifactHash = "c4df2bf105a1088adef642f4415e1241a543f525a06c6e6da676e535627fadfe";
    private const string SecondHash = "e8db45ceaef55c07785d02884b329211d4ea9b00c604832a8fa13a5811b1e788";
    private static readonly DateTimeOffset At = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ComputeHash_RecordWithoutSystemArtifactOrPayload_IsShaOfGenesisAndTheCanonicalJson()
    {
        var hash = AuditChain.ComputeHash(1, At, "gate.deployment.decided", "alice", null, default, null, AuditChain.Genesis);

        Assert.Equal(FirstHash, hash.ToString());
    }

    [Fact]
    public void ComputeHash_RecordWithEveryField_IsShaOfThePreviousHashAndTheCanonicalJson()
    {
        using var payload = JsonDocument.Parse("""{"approved":true,"score":0.5}""");
        var artifact = Sha256Digest.Compute("model-v7"u8);
        Assert.Equal(ArtifactHash, artifact.ToString());

        var hash = AuditChain.ComputeHash(2, At, "gate.deployment.decided", "alice", "credit-scoring", artifact, payload.RootElement,
            Sha256Digest.Parse(FirstHash));

        Assert.Equal(SecondHash, hash.ToString());
    }

    [Fact]
    public async Task InMemoryLog_StampsTheSameHashesAsTheDocumentedEncoding()
    {
        var log = new InMemoryAuditLog(new FakeTimeProvider(At));
        using var payload = JsonDocument.Parse("""{"approved":true,"score":0.5}""");

        var first = await log.AppendAsync(new AuditEvent("gate.deployment.decided", "alice"), TestContext.Current.CancellationToken);
        var second = await log.AppendAsync(new AuditEvent("gate.deployment.decided", "alice", "credit-scoring",
            Sha256Digest.Compute("model-v7"u8), payload.RootElement), TestContext.Current.CancellationToken);

        Assert.Equal(FirstHash, first.Hash.ToString());
        Assert.Equal(SecondHash, second.Hash.ToString());
    }

    [Fact]
    public async Task Verify_ChainLongerThanTheExpectedHeadWhoseHashIsTheLastRecords_HeadMismatch()
    {
        // A head that names an earlier sequence but the last record's hash: the count alone tells them apart.
        var log = new InMemoryAuditLog(new FakeTimeProvider(At));
        await AuditTestData.AppendAsync(log, 3);
        var records = log.Snapshot();

        var result = AuditChain.Verify(records, new AuditCheckpoint(2, records[2].Hash));

        Assert.Equal(AuditChainFailure.HeadMismatch, result.Failure);
        Assert.Contains("does not end at the expected head (sequence 2)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerificationMessages_SayWhatWasFoundWhere()
    {
        var log = new InMemoryAuditLog(new FakeTimeProvider(At));
        await AuditTestData.AppendAsync(log, 4);
        var records = log.Snapshot();

        var deleted = AuditChain.Verify([records[0], records[2], records[3]]);
        var relinked = AuditChain.Verify([records[0], records[1] with { PreviousHash = records[1].Hash }]);
        var edited = AuditChain.Verify([records[0], records[1] with { Actor = "mallory" }]);
        var truncated = AuditChain.Verify(records.Take(2), log.Head);

        Assert.Equal("expected sequence 2 but found 3: a record was deleted, inserted or reordered.", deleted.Message);
        Assert.Equal("record 2 does not link to the hash of record 1.", relinked.Message);
        Assert.Equal("record 2's content does not match its hash: it was edited.", edited.Message);
        Assert.Equal("the log ends at sequence 2 but its head is at 4: records were removed from the end.", truncated.Message);
    }
}
