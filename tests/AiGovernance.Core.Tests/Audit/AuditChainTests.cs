using AiGovernance.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Core.Tests.Audit;

/// <summary>The chain's end-of-log checks (expected head, pass-through head), which the log tests reach only on their
/// happy paths. Added for mutation testing (eng/mutation.sh): each pins a boundary a flipped comparison would move.</summary>
public class AuditChainTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Verify_ChainContinuesPastTheExpectedHead_HeadMismatchAtTheHeadsSequence()
    {
        var (records, _) = await ChainAsync(5);
        var headAtThree = new AuditCheckpoint(3, records[2].Hash);

        var result = AuditChain.Verify(records, headAtThree);

        Assert.False(result.IsValid);
        Assert.Equal(AuditChainFailure.HeadMismatch, result.Failure);
        Assert.Equal(5, result.VerifiedCount);
        Assert.Equal(3, result.FirstInvalidSequence);
    }

    [Fact]
    public async Task Verify_EndsAtTheHeadsSequenceWithAnotherHash_HeadMismatch()
    {
        var (records, _) = await ChainAsync(4);
        var forged = new AuditCheckpoint(4, records[2].Hash);

        var result = AuditChain.Verify(records, forged);

        Assert.Equal(AuditChainFailure.HeadMismatch, result.Failure);
        Assert.Equal(4, result.FirstInvalidSequence);
    }

    [Fact]
    public async Task Verify_EndsExactlyAtTheExpectedHead_IsValidWithEveryRecordCounted()
    {
        var (records, head) = await ChainAsync(4);

        var result = AuditChain.Verify(records, head);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(4, result.VerifiedCount);
        Assert.Null(result.FirstInvalidSequence);
        Assert.Equal(AuditChainFailure.None, result.Failure);
        Assert.Equal(string.Empty, result.Message);
    }

    [Fact]
    public async Task VerifyAsync_PassesThroughAnEarlierHeadAndContinues_IsValid()
    {
        var (records, _) = await ChainAsync(5);

        var result = await AuditChain.VerifyAsync(records.ToAsyncEnumerable(), new AuditCheckpoint(2, records[1].Hash),
            TestContext.Current.CancellationToken);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(5, result.VerifiedCount);
    }

    [Fact]
    public async Task VerifyAsync_RecordAtThePassThroughSequenceCarriesAnotherHash_CheckpointMismatchThere()
    {
        var (records, _) = await ChainAsync(5);

        var result = await AuditChain.VerifyAsync(records.ToAsyncEnumerable(), new AuditCheckpoint(2, records[3].Hash),
            TestContext.Current.CancellationToken);

        Assert.Equal(AuditChainFailure.CheckpointMismatch, result.Failure);
        Assert.Equal(2, result.FirstInvalidSequence);
        Assert.Equal(1, result.VerifiedCount);
    }

    [Fact]
    public async Task VerifyAsync_EndsBeforeThePassThroughHead_Truncated()
    {
        var (records, head) = await ChainAsync(5);

        var result = await AuditChain.VerifyAsync(records.Take(3).ToAsyncEnumerable(), head, TestContext.Current.CancellationToken);

        Assert.Equal(AuditChainFailure.Truncated, result.Failure);
        Assert.Equal(4, result.FirstInvalidSequence);
        Assert.Equal(3, result.VerifiedCount);
    }

    [Fact]
    public async Task VerifyAsync_EmptyHeadAsPassThrough_MeansNone()
    {
        var (records, _) = await ChainAsync(2);

        var result = await AuditChain.VerifyAsync(records.ToAsyncEnumerable(), new AuditCheckpoint(0, AuditChain.Genesis),
            TestContext.Current.CancellationToken);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(2, result.VerifiedCount);
    }

    [Fact]
    public void Verify_EmptyChainAgainstTheEmptyHead_IsValid()
    {
        var result = AuditChain.Verify([], new AuditCheckpoint(0, AuditChain.Genesis));

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(0, result.VerifiedCount);
    }

    private async Task<(List<AuditRecord> Records, AuditCheckpoint Head)> ChainAsync(int count)
    {
        var log = new InMemoryAuditLog(_time);
        await AuditTestData.AppendAsync(log, count);
        return ([.. log.Snapshot()], log.Head);
    }
}
