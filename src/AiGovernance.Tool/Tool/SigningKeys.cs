using System.Security.Cryptography;
using AiGovernance.Gates.Approvals;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Tool;

/// <summary>Loads the keys <c>aigov techfile</c> signs and verifies with, as the library's approval signer takes them: a NIST
/// P-256 private key in PKCS#8 (PEM "PRIVATE KEY" or DER) for <see cref="EcdsaApprovalSigner.FromPkcs8"/>, and its public key
/// as a SubjectPublicKeyInfo (PEM "PUBLIC KEY" or DER) for <see cref="TrustedReviewerKey"/>.</summary>
/// <remarks>Errors name the file and what is wrong with it, never the key's bytes; the private key's bytes are zeroed after
/// import.</remarks>
internal static class SigningKeys
{
    /// <summary>The reviewer id the verifying registry gives the trusted key (the tool trusts exactly the key it is given).</summary>
    public const string TrustedSigner = "technical-file-signer";

    public static EcdsaApprovalSigner LoadSigner(string path)
    {
        var der = Read(path, "PRIVATE KEY", "--signing-key");
        try
        {
            return EcdsaApprovalSigner.FromPkcs8(der);
        }
        catch (ArgumentException)
        {
            throw new DriftJobInputException($"--signing-key '{path}' is not a PKCS#8 NIST P-256 private key (PEM \"PRIVATE KEY\" or DER).");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    public static TrustedReviewerKeyRegistry LoadTrusted(string path)
    {
        var der = Read(path, "PUBLIC KEY", "--trusted-key");
        var registry = new TrustedReviewerKeyRegistry();
        try
        {
            registry.Add(new TrustedReviewerKey(TrustedSigner, [TrustedSigner], der, DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        }
        catch (ArgumentException)
        {
            throw new DriftJobInputException($"--trusted-key '{path}' is not a NIST P-256 public key (PEM \"PUBLIC KEY\" or DER).");
        }

        return registry;
    }

    private static byte[] Read(string path, string label, string option)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DriftJobInputException($"Cannot read {option} '{path}': {ex.Message}", ex);
        }

        var text = System.Text.Encoding.ASCII.GetString(bytes);
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return bytes;
        }

        CryptographicOperations.ZeroMemory(bytes);
        if (!PemEncoding.TryFind(text, out var fields) || !text.AsSpan()[fields.Label].SequenceEqual(label))
        {
            throw new DriftJobInputException($"{option} '{path}' holds no PEM \"{label}\" block.");
        }

        return Convert.FromBase64String(text[fields.Base64Data]);
    }
}
