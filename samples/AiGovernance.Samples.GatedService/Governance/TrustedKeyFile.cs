using System.Text.Json;
using AiGovernance.Gates.Approvals;

namespace AiGovernance.Samples.GatedService.Governance;

/// <summary>The JSON file of reviewer public keys (DER SubjectPublicKeyInfo, base64) the deployment gate trusts.</summary>
public sealed class TrustedKeyFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string? Notice { get; set; }

    public List<TrustedKeyEntry> Keys { get; set; } = [];

    public static TrustedKeyFile Read(string path)
    {
        var file = JsonSerializer.Deserialize<TrustedKeyFile>(File.ReadAllText(path), Json);
        return file ?? throw new InvalidDataException($"The trusted key file {path} is empty.");
    }

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public IEnumerable<TrustedReviewerKey> ToKeys()
    {
        foreach (var entry in Keys)
        {
            yield return new TrustedReviewerKey(entry.ReviewerId, entry.Roles, Convert.FromBase64String(entry.PublicKey), entry.ValidFrom, entry.ValidUntil);
        }
    }
}

public sealed class TrustedKeyEntry
{
    public string ReviewerId { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public string PublicKey { get; set; } = "";

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset ValidUntil { get; set; }
}
