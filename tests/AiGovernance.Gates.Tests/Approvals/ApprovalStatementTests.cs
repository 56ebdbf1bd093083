using System.Text;
using System.Text.RegularExpressions;
using AiGovernance.Core;
using AiGovernance.Gates.Approvals;

namespace AiGovernance.Gates.Tests.Approvals;

/// <summary>The approval statement's contract: the constructor refuses an incomplete statement naming the argument, and
/// <see cref="ApprovalStatement.TryParse"/> refuses (never accepts, never throws) a payload that is not exactly an approval
/// statement, saying what was wrong.</summary>
public class ApprovalStatementTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly ModelArtifact Artifact = ModelArtifact.FromBytes("credit-model", "1.4.0", "model weights v1.4.0"u8);
    private static readonly Sha256Digest Digest = Sha256Digest.Compute("model weights v1.4.0"u8);

    private static ApprovalPredicate Predicate() => new()
    {
        Gate = GateKind.Deployment,
        Kind = ApprovalKinds.LegalApproval,
        SystemId = "credit-scoring",
        Environment = "production",
        PolicyVersion = "policy-7",
        ReviewerId = "dave",
        ReviewerRole = ReviewerRoles.LegalCounsel,
        Decision = ApprovalDecision.Approved,
        IssuedAt = Issued,
        ExpiresAt = Issued.AddDays(30),
        Nonce = "0123456789abcdef0123456789abcdef",
    };

    private static string ValidPayload() => Encoding.UTF8.GetString(new ApprovalStatement(Artifact, Predicate()).ToPayload());

    /// <summary>The payload with one JSON member's value replaced (the first match of <paramref name="member"/>).</summary>
    private static string WithMember(string member, string jsonValue)
    {
        var payload = ValidPayload();
        var pattern = new Regex($"\"{Regex.Escape(member)}\":(\"[^\"]*\"|\\{{[^}}]*\\}}|\\[[^\\]]*\\])");
        Assert.Matches(pattern, payload);
        return pattern.Replace(payload, $"\"{member}\":{jsonValue}", 1);
    }

    private static string Refusal(string payload)
    {
        Assert.False(ApprovalStatement.TryParse(Encoding.UTF8.GetBytes(payload), out var statement, out var error));
        Assert.Null(statement);
        Assert.NotNull(error);
        return error;
    }

    [Fact]
    public void Constructor_NullArtifact_NamesArgument() =>
        Assert.Equal("artifact", Assert.Throws<ArgumentNullException>(() => new ApprovalStatement((ModelArtifact)null!, Predicate())).ParamName);

    [Fact]
    public void Constructor_NullSubjects_NamesArgument() =>
        Assert.Equal("subjects", Assert.Throws<ArgumentNullException>(() => new ApprovalStatement((IReadOnlyList<ApprovalSubject>)null!, Predicate())).ParamName);

    [Fact]
    public void Constructor_NullPredicate_NamesArgument() =>
        Assert.Equal("predicate", Assert.Throws<ArgumentNullException>(() => new ApprovalStatement(Artifact, null!)).ParamName);

    [Fact]
    public void Constructor_NoSubject_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalStatement([], Predicate()));
        Assert.Equal("subjects", ex.ParamName);
        Assert.StartsWith("A statement needs at least one subject.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SubjectWithoutName_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalStatement([new ApprovalSubject(" ", Digest)], Predicate()));
        Assert.Equal("subjects", ex.ParamName);
        Assert.StartsWith("Every subject needs a name and a SHA-256 digest.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SubjectWithoutDigest_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalStatement([new ApprovalSubject("credit-model", default)], Predicate()));
        Assert.Equal("subjects", ex.ParamName);
        Assert.StartsWith("Every subject needs a name and a SHA-256 digest.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UndefinedGate_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalStatement(Artifact, Predicate() with { Gate = (GateKind)42 }));
        Assert.Equal("predicate", ex.ParamName);
        Assert.StartsWith("The predicate's gate or decision is not defined.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UndefinedDecision_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalStatement(Artifact, Predicate() with { Decision = (ApprovalDecision)42 }));
        Assert.Equal("predicate", ex.ParamName);
        Assert.StartsWith("The predicate's gate or decision is not defined.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kind")]
    [InlineData("SystemId")]
    [InlineData("Environment")]
    [InlineData("PolicyVersion")]
    [InlineData("ReviewerId")]
    [InlineData("ReviewerRole")]
    [InlineData("Nonce")]
    public void Constructor_AnyBlankPredicateField_IsRefused(string field)
    {
        var p = Predicate();
        var blank = field switch
        {
            "Kind" => p with { Kind = " " },
            "SystemId" => p with { SystemId = " " },
            "Environment" => p with { Environment = " " },
            "PolicyVersion" => p with { PolicyVersion = " " },
            "ReviewerId" => p with { ReviewerId = " " },
            "ReviewerRole" => p with { ReviewerRole = " " },
            _ => p with { Nonce = " " },
        };

        var ex = Assert.Throws<ArgumentException>(() => new ApprovalStatement(Artifact, blank));
        Assert.Equal("predicate", ex.ParamName);
        Assert.StartsWith("Every predicate field must be non-empty.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ExpiryAtTheIssueInstant_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ApprovalStatement(Artifact, Predicate() with { ExpiresAt = Issued }));
        Assert.Equal("predicate", ex.ParamName);
        Assert.StartsWith("An approval must expire after it is issued.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ValidPayload_IsAcceptedWithoutError()
    {
        Assert.True(ApprovalStatement.TryParse(Encoding.UTF8.GetBytes(ValidPayload()), out var statement, out var error));
        Assert.Null(error);
        Assert.Equal(Predicate(), statement!.Predicate);
        Assert.Equal(new ApprovalSubject(Artifact.Name, Digest), Assert.Single(statement.Subjects));
    }

    [Fact]
    public void TryParse_NotJson_IsRefusedSayingSo() =>
        Assert.StartsWith("The payload is not a valid statement: ", Refusal("{\"_type\":"), StringComparison.Ordinal);

    [Fact]
    public void TryParse_WrongStatementType_IsRefusedWithItsReason() =>
        Assert.Equal("The statement type is not 'https://in-toto.io/Statement/v1'.",
            Refusal(WithMember("_type", "\"https://in-toto.io/Statement/v0.1\"")));

    [Fact]
    public void TryParse_JsonNull_IsRefusedAsNotAStatement() =>
        Assert.Equal("The statement type is not 'https://in-toto.io/Statement/v1'.", Refusal("null"));

    [Fact]
    public void TryParse_WrongPredicateType_IsRefusedWithItsReason() =>
        Assert.Equal("The predicate type is not 'https://aigovernance.dev/attestations/approval/v1'.",
            Refusal(WithMember("predicateType", "\"https://slsa.dev/provenance/v1\"")));

    [Fact]
    public void TryParse_NullPredicate_IsRefused()
    {
        var payload = ValidPayload();
        var start = payload.IndexOf("\"predicate\":", StringComparison.Ordinal);
        Assert.Equal("The predicate type is not 'https://aigovernance.dev/attestations/approval/v1'.",
            Refusal(payload[..start] + "\"predicate\":null}"));
    }

    [Fact]
    public void TryParse_NullSubjectList_IsRefusedAsHavingNoSubject() =>
        Assert.StartsWith("A statement needs at least one subject.", Refusal(WithMember("subject", "null")), StringComparison.Ordinal);

    [Fact]
    public void TryParse_SubjectWithoutSha256_IsRefused() =>
        Assert.Equal("A subject lacks a name or a sha256 digest.",
            Refusal(WithMember("digest", $"{{\"sha512\":\"{Digest}{Digest}\"}}")));

    [Fact]
    public void TryParse_SubjectWithNonHexSha256_IsRefused() =>
        Assert.Equal("A subject lacks a name or a sha256 digest.", Refusal(WithMember("digest", $"{{\"sha256\":\"{new string('z', 64)}\"}}")));

    [Fact]
    public void TryParse_SubjectWithBlankName_IsRefused() =>
        Assert.Equal("A subject lacks a name or a sha256 digest.", Refusal(WithMember("name", "\" \"")));

    [Fact]
    public void TryParse_UnknownGate_IsRefusedQuotingIt() =>
        Assert.Equal("Unknown gate 'deploy'.", Refusal(WithMember("gate", "\"deploy\"")));

    [Fact]
    public void TryParse_UnknownDecision_IsRefusedQuotingIt() =>
        Assert.Equal("Unknown decision 'maybe'.", Refusal(WithMember("decision", "\"maybe\"")));

    [Fact]
    public void TryParse_BlankPredicateField_IsRefusedWithTheConstructorsReason() =>
        Assert.StartsWith("Every predicate field must be non-empty.", Refusal(WithMember("approvalKind", "\" \"")), StringComparison.Ordinal);
}
