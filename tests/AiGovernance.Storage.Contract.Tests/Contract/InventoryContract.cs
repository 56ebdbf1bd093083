using AiGovernance.Core;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.Inventory;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.Contract;

/// <summary>What every <see cref="IAiInventory"/> promises, including the tier and overdue-review queries.</summary>
public abstract class InventoryContract : StoreContract
{
    protected abstract ValueTask<IAiInventory> CreateAsync();

    protected static AiInventoryEntry[] Sample() =>
    [
        new("credit-scoring", "Credit scoring", new AiSystemOwners("ana", "li", "ops"), RiskTier.High) { LastReviewedAt = Start.AddDays(-100) },
        new("hr-screening", "CV screening", new AiSystemOwners(null, null, null), RiskTier.High)
        {
            Vendor = "Salesforce", Product = "Einstein", Component = "ranker", VendorDisclosesAi = false,
            LastReviewedAt = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.FromHours(2)),
        },
        new("doc-summary", "Summaries", new AiSystemOwners("li", "li", null), RiskTier.Low) { LastReviewedAt = Start.AddDays(-364) },
        new("chat-bot", "Chat bot", new AiSystemOwners("a", "b", "c"), RiskTier.Medium),
        new("emotion-at-work", "Emotion recognition", new AiSystemOwners("a", "b", "c"), RiskTier.Prohibited) { LastReviewedAt = Start.AddDays(-1) },
        new("fraud", "Fraud", new AiSystemOwners("a", "b", "c"), RiskTier.Medium) { LastReviewedAt = Start.AddDays(-180) },
    ];

    private async Task<IAiInventory> FilledAsync()
    {
        var inventory = await CreateAsync();
        foreach (var entry in Sample())
        {
            await inventory.UpsertAsync(entry, Ct);
        }

        return inventory;
    }

    [Fact]
    public async Task Entries_RoundTripEveryField_OrderedBySystemId()
    {
        var inventory = await FilledAsync();

        var all = await inventory.GetAllAsync(Ct);

        Assert.Equal(Sample().OrderBy(e => e.SystemId, StringComparer.Ordinal), all);
        var hr = await inventory.FindAsync("hr-screening", Ct);
        Assert.Equal(TimeSpan.FromHours(2), hr!.LastReviewedAt!.Value.Offset);
        Assert.False(hr.VendorDisclosesAi);
    }

    [Fact]
    public async Task Upsert_Replaces_AndRemove_Deletes()
    {
        var inventory = await FilledAsync();
        var changed = Sample()[0] with { Tier = RiskTier.Medium, Owners = new AiSystemOwners("zoe", null, null) };

        await inventory.UpsertAsync(changed, Ct);
        var removed = await inventory.RemoveAsync("doc-summary", Ct);
        var removedAgain = await inventory.RemoveAsync("doc-summary", Ct);

        Assert.Equal(changed, await inventory.FindAsync("credit-scoring", Ct));
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Null(await inventory.FindAsync("doc-summary", Ct));
        Assert.Equal(5, (await inventory.GetAllAsync(Ct)).Count);
    }

    [Fact]
    public async Task FindByTier_ReturnsThatTierOnly()
    {
        var inventory = await FilledAsync();

        Assert.Equal(["credit-scoring", "hr-screening"], (await inventory.FindByTierAsync(RiskTier.High, Ct)).Select(e => e.SystemId));
        Assert.Equal(["chat-bot", "fraud"], (await inventory.FindByTierAsync(RiskTier.Medium, Ct)).Select(e => e.SystemId));
    }

    [Fact]
    public async Task FindReviewOverdue_AgreesWithTheSchedule()
    {
        var inventory = await FilledAsync();
        var cutoffs = new ContinuationReviewSchedule(new ContinuationReviewOptions(), Clock()).GetOverdueCutoffs();

        var overdue = await inventory.FindReviewOverdueAsync(cutoffs, Ct);

        // 90 days for High, 180 for Medium (fraud is due exactly now), 365 for Low, always for Prohibited, never reviewed: due.
        Assert.Equal(["chat-bot", "credit-scoring", "emotion-at-work", "fraud"], overdue.Select(e => e.SystemId));
        Assert.Equal(Sample().Where(cutoffs.IsOverdue).Select(e => e.SystemId).Order(StringComparer.Ordinal), overdue.Select(e => e.SystemId));
    }
}
