using AiGovernance.Core;
using AiGovernance.Gates.Approvals;

namespace AiGovernance.Gates.Tests.Approvals;

public class ApprovalIssuerTests
{
    [Fact]
    public async Task SignAsync_NullArguments_AreNamed()
    {
        using var f = new ApprovalFixture();
        var statement = new ApprovalStatement(f.Artifact, f.Predicate());
        Assert.Equal("statement", (await Assert.ThrowsAsync<ArgumentNullException>(() => ApprovalIssuer.SignAsync(null!, f.Signer("alice"), TestContext.Current.CancellationToken).AsTask())).ParamName);
        Assert.Equal("signer", (await Assert.ThrowsAsync<ArgumentNullException>(() => ApprovalIssuer.SignAsync(statement, null!, TestContext.Current.CancellationToken).AsTask())).ParamName);
    }
}
