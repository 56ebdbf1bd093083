namespace AiGovernance.Samples.GatedService;

/// <summary>Every file the service writes or reads, under one data directory.</summary>
public sealed class DataPaths
{
    private DataPaths(string root)
    {
        Root = root;
        AuditLog = Path.Combine(root, "audit", "governance-audit.jsonl");
        ReviewLog = Path.Combine(root, "reviews", "completed-reviews.jsonl");
        TrustedKeys = Path.Combine(root, "governance", "trusted-reviewer-keys.json");
        Approvals = Path.Combine(root, "governance", "approvals");
    }

    public string Root { get; }

    public string AuditLog { get; }

    public string ReviewLog { get; }

    /// <summary>The reviewers' public keys the deployment gate trusts.</summary>
    public string TrustedKeys { get; }

    /// <summary>A folder of DSSE envelopes (<c>*.dsse.json</c>) approving the candidate.</summary>
    public string Approvals { get; }

    /// <summary>Resolves <paramref name="dataDirectory"/> against <paramref name="contentRoot"/> and creates the folders.</summary>
    public static DataPaths Create(string contentRoot, string? dataDirectory)
    {
        var root = Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory));
        var paths = new DataPaths(root);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.AuditLog)!);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.ReviewLog)!);
        Directory.CreateDirectory(paths.Approvals);
        return paths;
    }
}
