using AiGovernance.Core;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.Inventory;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Inventory;

public class InventoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static AiInventoryEntry[] Sample() =>
    [
        new("credit-scoring", "Credit scoring", new AiSystemOwners("maria", "li", "ops-team"), RiskTier.High) { LastReviewedAt = Now.AddDays(-100) },
        new("doc-summary", "Document summariser", new AiSystemOwners("li", "li", null), RiskTier.Low) { LastReviewedAt = Now.AddDays(-30) },
        new("crm-lead-score", "CRM lead scoring", new AiSystemOwners("sales-lead", "it", "it"), RiskTier.Medium)
        {
            Vendor = "Salesforce", Product = "Sales Cloud", Component = "Einstein lead scoring", LastReviewedAt = Now.AddDays(-10),
        },
        new("hr-screening", "CV screening", new AiSystemOwners(null, null, null), RiskTier.High)
        {
            Vendor = "salesforce", Product = "HR suite", Component = "smart ranking", VendorDisclosesAi = false,
        },
    ];

    [Fact]
    public async Task Queries_ByTierOwnerAndVendor()
    {
        var inventory = new InMemoryAiInventory(Sample());

        Assert.Equal(["credit-scoring", "hr-screening"], (await inventory.FindByTierAsync(RiskTier.High, TestContext.Current.CancellationToken)).Select(e => e.SystemId));
        Assert.Equal(["credit-scoring", "doc-summary"], (await inventory.FindByOwnerAsync("LI", TestContext.Current.CancellationToken)).Select(e => e.SystemId));
        Assert.Equal(["crm-lead-score", "hr-screening"], (await inventory.FindByVendorAsync("Salesforce", TestContext.Current.CancellationToken)).Select(e => e.SystemId));
        Assert.Equal(2, (await inventory.FindThirdPartyAsync(TestContext.Current.CancellationToken)).Count);
        Assert.Empty(await inventory.FindByVendorAsync("SAP", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Findings_UnassignedRolesOverdueReviewsAndUndisclosedAi()
    {
        var clock = new FakeTimeProvider(Now);
        var review = new InventoryReview(new ContinuationReviewSchedule(new ContinuationReviewOptions(), clock), clock);

        var findings = await review.GetFindingsAsync(new InMemoryAiInventory(Sample()), TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            ("credit-scoring", InventoryFindingKind.ContinuationReviewOverdue),
            ("doc-summary", InventoryFindingKind.UnassignedOwnerRole),
            ("hr-screening", InventoryFindingKind.UnassignedOwnerRole),
            ("hr-screening", InventoryFindingKind.UnassignedOwnerRole),
            ("hr-screening", InventoryFindingKind.UnassignedOwnerRole),
            ("hr-screening", InventoryFindingKind.ContinuationReviewOverdue),
            ("hr-screening", InventoryFindingKind.UndisclosedVendorAi),
        ], findings.Select(f => (f.SystemId, f.Kind)));
        Assert.Equal("The High continuation review was due at 2026-11-16T12:00:00.0000000+00:00, 10 days ago.", findings[0].Detail);
        Assert.Equal("No operations owner is assigned.", findings[1].Detail);
    }

    [Fact]
    public async Task JsonFile_RoundTripsEveryField_AndPersistsChanges()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aigov-inventory-" + Guid.NewGuid().ToString("N"), "inventory.json");
        try
        {
            var file = new JsonFileAiInventory(path);
            foreach (var entry in Sample())
            {
                await file.UpsertAsync(entry, TestContext.Current.CancellationToken);
            }

            Assert.True(await file.RemoveAsync("doc-summary", TestContext.Current.CancellationToken));
            var reopened = new JsonFileAiInventory(path);

            Assert.Equal(Sample().Where(e => e.SystemId != "doc-summary"), await reopened.GetAllAsync(TestContext.Current.CancellationToken));
            Assert.Null(await reopened.FindAsync("doc-summary", TestContext.Current.CancellationToken));
            Assert.False((await reopened.FindAsync("hr-screening", TestContext.Current.CancellationToken))!.VendorDisclosesAi);
            Assert.Contains("\"vendor\":\"Salesforce\"", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void JsonFile_Corrupt_ThrowsDomainException()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"version":1,"systems":[{"systemId":"x","name":"x","tier":"Extreme"}]}""");
            Assert.Throws<AiGovernanceException>(() => new JsonFileAiInventory(path));
            File.WriteAllText(path, "not json");
            Assert.Throws<AiGovernanceException>(() => new JsonFileAiInventory(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromSystem_CarriesProvenance()
    {
        var system = new AiSystem("s", "S", "1", new AiSystemOwners("a", "b", "c"), RiskTier.Medium, new ThirdPartyProvenance("Workday", "skills cloud"));
        var entry = AiInventoryEntry.FromSystem(system, Now);
        Assert.True(entry.IsThirdParty);
        Assert.Equal(("Workday", "skills cloud", Now), (entry.Vendor, entry.Component, entry.LastReviewedAt!.Value));
    }

    [Fact]
    public void Entry_UndefinedTier_NamesArgument() =>
        Assert.Equal("tier", Assert.Throws<ArgumentOutOfRangeException>(() => new AiInventoryEntry("s", "S", new AiSystemOwners(null, null, null), (RiskTier)9)).ParamName);
}
