using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.Contract;

/// <summary>What an audit log shared by several instances (processes, replicas) promises on top of
/// <see cref="AuditLogContract"/>: one chain, continued by whichever instance appends.</summary>
public abstract class SharedAuditLogContract : AuditLogContract
{
    /// <summary>Opens a second instance over the same storage, as another process would.</summary>
    protected abstract ValueTask<Core.Audit.IAuditLog> ReopenAsync();

    [Fact]
    public async Task SecondInstance_ContinuesTheSameChain()
    {
        var log = await CreateAsync();
        await log.AppendAsync(Event(1), Ct);
        var other = await ReopenAsync();

        var second = await other.AppendAsync(Event(2), Ct);
        var third = await log.AppendAsync(Event(3), Ct);

        Assert.Equal((2L, 3L), (second.Sequence, third.Sequence));
        Assert.Equal(third.PreviousHash, second.Hash);
        Assert.True((await log.VerifyAsync(Ct)).IsValid);
        Assert.True((await other.VerifyAsync(Ct)).IsValid);
    }
}
