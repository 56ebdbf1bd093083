namespace AiGovernance.Samples.GatedService;

/// <summary>Every file the service writes or reads, under one data directory.</summary>
public sealed class DataPaths
{
    private DataPaths(string root)
    {
        Root = root;
        Database = Path.Combine(root, "governance.db");
        TrustedKeys = Path.Combine(root, "governance", "trusted-reviewer-keys.json");
        Approvals = Path.Combine(root, "governance", "approvals");
    }

    public string Root { get; }

    /// <summary>The SQLite database holding the audit log, reviews and the other governance stores.</summary>
    public string Database { get; }

    /// <summary>The reviewers' public keys the deployment gate trusts.</summary>
    public string TrustedKeys { get; }

    /// <summary>A folder of DSSE envelopes (<c>*.dsse.json</c>) approving the candidate.</summary>
    public string Approvals { get; }

    /// <summary>Resolves <paramref name="dataDirectory"/> against <paramref name="contentRoot"/> and creates the folders.</summary>
    public static DataPaths Create(string contentRoot, string? dataDirectory)
    {
        var root = Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory));
        var paths = new DataPaths(root);
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(paths.Approvals);
        return paths;
    }
}
