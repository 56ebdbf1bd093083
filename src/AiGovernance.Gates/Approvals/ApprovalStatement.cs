using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Shared;

namespace AiGovernance.Gates.Approvals;

/// <summary>An in-toto Statement v1 whose subject is the model artifact and whose predicate is an
/// <see cref="ApprovalPredicate"/>; the payload of a DSSE approval envelope.</summary>
public sealed record ApprovalStatement
{
    /// <summary>The in-toto Statement v1 type URI.</summary>
    public const string StatementType = InTotoStatementJson<ApprovalPredicateJson>.StatementType;

    /// <summary>The predicate type URI of an approval.</summary>
    public const string PredicateType = "https://aigovernance.dev/attestations/approval/v1";

    /// <summary>Creates a statement about one artifact.</summary>
    /// <param name="artifact">The artifact approved (its name and digest become the subject).</param>
    /// <param name="predicate">The approval.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The predicate has an empty field or expires before it is issued.</exception>
    public ApprovalStatement(ModelArtifact artifact, ApprovalPredicate predicate)
        : this([new ApprovalSubject(CheckArtifact(artifact).Name, artifact.Digest)], predicate)
    {
    }

    /// <summary>Creates a statement about several subjects.</summary>
    /// <param name="subjects">The subjects (at least one, each with a non-empty name and digest).</param>
    /// <param name="predicate">The approval.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A subject or predicate field is empty, or the predicate expires before it is issued.</exception>
    public ApprovalStatement(IReadOnlyList<ApprovalSubject> subjects, ApprovalPredicate predicate)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(predicate);
        if (subjects.Count == 0)
        {
            throw new ArgumentException("A statement needs at least one subject.", nameof(subjects));
        }

        foreach (var subject in subjects)
        {
            if (string.IsNullOrWhiteSpace(subject.Name) || subject.Digest.IsEmpty)
            {
                throw new ArgumentException("Every subject needs a name and a SHA-256 digest.", nameof(subjects));
            }
        }

        if (!Enum.IsDefined(predicate.Gate) || !Enum.IsDefined(predicate.Decision))
        {
            throw new ArgumentException("The predicate's gate or decision is not defined.", nameof(predicate));
        }

        if (string.IsNullOrWhiteSpace(predicate.Kind) || string.IsNullOrWhiteSpace(predicate.SystemId)
            || string.IsNullOrWhiteSpace(predicate.Environment) || string.IsNullOrWhiteSpace(predicate.PolicyVersion)
            || string.IsNullOrWhiteSpace(predicate.ReviewerId) || string.IsNullOrWhiteSpace(predicate.ReviewerRole)
            || string.IsNullOrWhiteSpace(predicate.Nonce))
        {
            throw new ArgumentException("Every predicate field must be non-empty.", nameof(predicate));
        }

        if (predicate.ExpiresAt <= predicate.IssuedAt)
        {
            throw new ArgumentException("An approval must expire after it is issued.", nameof(predicate));
        }

        Subjects = [.. subjects];
        Predicate = predicate;
    }

    /// <summary>The subjects.</summary>
    public IReadOnlyList<ApprovalSubject> Subjects { get; }

    /// <summary>The approval.</summary>
    public ApprovalPredicate Predicate { get; }

    /// <summary>Whether a subject has the given digest (compared in constant time).</summary>
    /// <param name="digest">The digest of the artifact being gated.</param>
    /// <returns>Whether the statement covers it.</returns>
    public bool Covers(Sha256Digest digest)
    {
        foreach (var subject in Subjects)
        {
            if (!digest.IsEmpty && subject.Digest.Equals(digest))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Serialises the statement as UTF-8 JSON, the DSSE payload.</summary>
    /// <returns>The JSON bytes.</returns>
    public byte[] ToPayload()
    {
        var subjects = new List<InTotoSubjectJson>(Subjects.Count);
        foreach (var subject in Subjects)
        {
            subjects.Add(InTotoSubjectJson.Sha256(subject.Name, subject.Digest.ToString()));
        }

        var p = Predicate;
        var json = new InTotoStatementJson<ApprovalPredicateJson>
        {
            Type = StatementType,
            Subject = subjects,
            PredicateType = PredicateType,
            Predicate = new ApprovalPredicateJson
            {
                Gate = GateKindNames.ToWire(p.Gate),
                ApprovalKind = p.Kind,
                SystemId = p.SystemId,
                Environment = p.Environment,
                PolicyVersion = p.PolicyVersion,
                Reviewer = new ReviewerJson { Id = p.ReviewerId, Role = p.ReviewerRole },
                Decision = p.Decision == ApprovalDecision.Approved ? "approved" : "rejected",
                IssuedAt = p.IssuedAt,
                ExpiresAt = p.ExpiresAt,
                Nonce = p.Nonce,
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(json, GatesJsonContext.Wire.ApprovalStatementJson);
    }

    /// <summary>Parses a DSSE payload strictly: the statement and predicate types must match, every field must be present,
    /// duplicate JSON properties are refused.</summary>
    /// <param name="payload">The UTF-8 JSON payload.</param>
    /// <param name="statement">The statement when parsing succeeded.</param>
    /// <param name="error">Why parsing failed.</param>
    /// <returns>Whether the payload is an approval statement.</returns>
    public static bool TryParse(ReadOnlySpan<byte> payload, out ApprovalStatement? statement, out string? error)
    {
        statement = null;
        InTotoStatementJson<ApprovalPredicateJson>? json;
        try
        {
            json = JsonSerializer.Deserialize(payload, GatesJsonContext.Wire.ApprovalStatementJson);
        }
        catch (JsonException ex)
        {
            error = "The payload is not a valid statement: " + ex.Message;
            return false;
        }

        if (json is null || json.Type != StatementType)
        {
            error = $"The statement type is not '{StatementType}'.";
            return false;
        }

        if (json.PredicateType != PredicateType || json.Predicate is null)
        {
            error = $"The predicate type is not '{PredicateType}'.";
            return false;
        }

        var subjects = new List<ApprovalSubject>();
        foreach (var subject in json.Subject ?? [])
        {
            if (subject?.Digest is null || !subject.Digest.TryGetValue("sha256", out var hex) || hex is null || hex.Length != 64
                || !Sha256Digest.TryParse(hex, out var digest) || string.IsNullOrWhiteSpace(subject.Name))
            {
                error = "A subject lacks a name or a sha256 digest.";
                return false;
            }

            subjects.Add(new ApprovalSubject(subject.Name, digest));
        }

        var p = json.Predicate;
        if (!GateKindNames.TryParse(p.Gate, out var gate))
        {
            error = $"Unknown gate '{UntrustedText.Quote(p.Gate)}'.";
            return false;
        }

        ApprovalDecision decision;
        switch (p.Decision)
        {
            case "approved":
                decision = ApprovalDecision.Approved;
                break;
            case "rejected":
                decision = ApprovalDecision.Rejected;
                break;
            default:
                error = $"Unknown decision '{UntrustedText.Quote(p.Decision)}'.";
                return false;
        }

        try
        {
            statement = new ApprovalStatement(subjects, new ApprovalPredicate
            {
                Gate = gate,
                Kind = p.ApprovalKind,
                SystemId = p.SystemId,
                Environment = p.Environment,
                PolicyVersion = p.PolicyVersion,
                ReviewerId = p.Reviewer?.Id!,
                ReviewerRole = p.Reviewer?.Role!,
                Decision = decision,
                IssuedAt = p.IssuedAt,
                ExpiresAt = p.ExpiresAt,
                Nonce = p.Nonce,
            });
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }

        error = null;
        return true;
    }

    private static ModelArtifact CheckArtifact(ModelArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return artifact;
    }
}
