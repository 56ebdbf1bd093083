using AiGovernance.Core;

namespace AiGovernance.Core.Tests.Systems;

public class AiSystemTests
{
    [Fact]
    public void Constructor_OnePersonHoldingEveryRole_IsAccepted()
    {
        var system = new AiSystem("credit", "Credit scoring", "2.1", new AiSystemOwners("ana", "ana", "ana"), RiskTier.High);
        Assert.Equal("ana", system.Owners.GetOwner(OwnerRole.Operations));
        Assert.False(system.IsThirdParty);
    }

    [Fact]
    public void Constructor_UnassignedRoles_ListsEachMissingRole()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new AiSystem("credit", "Credit scoring", "2.1", new AiSystemOwners("ana", " ", null), RiskTier.High));
        Assert.Equal("owners", ex.ParamName);
        Assert.Contains("Technical", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Operations", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Business", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetUnassignedRoles_ReportsInRoleOrder()
    {
        Assert.Equal([OwnerRole.Business, OwnerRole.Operations], new AiSystemOwners(null, "bo", "").GetUnassignedRoles());
        Assert.Empty(new AiSystemOwners("a", "b", "c").GetUnassignedRoles());
    }

    [Theory]
    [InlineData("", "name", "1", "id")]
    [InlineData("id", " ", "1", "name")]
    [InlineData("id", "name", "", "version")]
    public void Constructor_EmptyIdentifiers_NameTheArgument(string id, string name, string version, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AiSystem(id, name, version, new AiSystemOwners("a", "b", "c"), RiskTier.Low));
        Assert.Equal(expected, ex.ParamName);
    }

    [Fact]
    public void Constructor_UndefinedTier_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new AiSystem("id", "n", "1", new AiSystemOwners("a", "b", "c"), (RiskTier)42));
    }

    [Fact]
    public void ThirdParty_RequiresVendorAndComponent()
    {
        var system = new AiSystem("chat", "Support bot", "1", new AiSystemOwners("a", "b", "c"), RiskTier.Medium,
            new ThirdPartyProvenance("Acme", "HelpDesk Pro"));
        Assert.True(system.IsThirdParty);
        Assert.Equal("vendor", Assert.Throws<ArgumentException>(() => new ThirdPartyProvenance("", "x")).ParamName);
    }
}
