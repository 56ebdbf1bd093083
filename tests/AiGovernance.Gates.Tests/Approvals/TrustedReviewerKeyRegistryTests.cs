using AiGovernance.Gates.Approvals;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Approvals;

/// <summary>The registry's contract: a revoked key stays out for good, no reviewer id can pass for another by letter case,
/// and the earliest revocation time is the one recorded.</summary>
public class TrustedReviewerKeyRegistryTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static TrustedReviewerKey Key(string reviewer)
    {
        using var signer = EcdsaApprovalSigner.Create();
        return new TrustedReviewerKey(reviewer, [ReviewerRoles.LegalCounsel], signer.PublicKey.Span, From, From.AddYears(1));
    }

    [Fact]
    public void Constructor_NullClock_NamesArgument() =>
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new TrustedReviewerKeyRegistry(null!)).ParamName);

    [Fact]
    public void Add_Null_NamesArgument() =>
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => new TrustedReviewerKeyRegistry().Add(null!)).ParamName);

    [Fact]
    public void RevokedKey_CannotBeTrustedAgain()
    {
        var registry = new TrustedReviewerKeyRegistry();
        var key = Key("dave");
        Assert.False(registry.Revoke(key.KeyId));

        var ex = Assert.Throws<ArgumentException>(() => registry.Add(key));

        Assert.Equal("key", ex.ParamName);
        Assert.StartsWith($"Key {key.KeyId} was revoked and cannot be trusted again.", ex.Message, StringComparison.Ordinal);
        Assert.Empty(registry.GetKeys());
    }

    [Fact]
    public void ReviewerIdDifferingOnlyInCase_IsRefused()
    {
        var registry = new TrustedReviewerKeyRegistry();
        registry.Add(Key("dave"));

        var ex = Assert.Throws<ArgumentException>(() => registry.Add(Key("Dave")));

        Assert.Equal("key", ex.ParamName);
        Assert.StartsWith("Reviewer id 'Dave' differs from the registered reviewer 'dave' only in letter case.", ex.Message, StringComparison.Ordinal);
        Assert.Single(registry.GetKeys());
    }

    [Fact]
    public void SecondKeyOfTheSameReviewer_IsTrusted()
    {
        var registry = new TrustedReviewerKeyRegistry();
        registry.Add(Key("dave"));
        registry.Add(Key("dave"));

        Assert.Equal(["dave", "dave"], registry.GetKeys().Select(k => k.ReviewerId));
    }

    [Fact]
    public void Revoke_BlankKeyId_NamesArgument() =>
        Assert.Equal("keyId", Assert.Throws<ArgumentException>(() => new TrustedReviewerKeyRegistry().Revoke(" ", From)).ParamName);

    [Fact]
    public void RevokedTwice_KeepsTheEarlierTime()
    {
        var registry = new TrustedReviewerKeyRegistry();
        registry.Revoke("k", From.AddDays(2));
        registry.Revoke("k", From.AddDays(1));
        registry.Revoke("k", From.AddDays(3));

        Assert.True(registry.TryGetRevocation("k", out var revokedAt));
        Assert.Equal(From.AddDays(1), revokedAt);
    }

    [Fact]
    public void Revoke_StampsTheRegistrysClock()
    {
        var registry = new TrustedReviewerKeyRegistry(new FakeTimeProvider(From));
        registry.Revoke("k");

        Assert.True(registry.TryGetRevocation("k", out var revokedAt));
        Assert.Equal(From, revokedAt);
    }
}
