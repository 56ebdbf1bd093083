using System.Security.Cryptography;
using AiGovernance.Gates.Approvals;

namespace AiGovernance.Gates.Tests.Approvals;

/// <summary>Loading a reviewer's private key accepts exactly one PKCS#8 P-256 key and says what was wrong otherwise, without
/// quoting the bytes.</summary>
public class EcdsaApprovalSignerTests
{
    [Fact]
    public void FromPkcs8_BytesThatAreNotAKey_AreRefusedAsNotPkcs8()
    {
        var ex = Assert.Throws<ArgumentException>(() => EcdsaApprovalSigner.FromPkcs8([0x30, 0x00]));
        Assert.Equal("pkcs8PrivateKey", ex.ParamName);
        Assert.StartsWith("The bytes are not a PKCS#8 ECDSA private key.", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CryptographicException>(ex.InnerException);
    }

    [Fact]
    public void FromPkcs8_KeyFollowedByTrailingBytes_IsRefused()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] padded = [.. ecdsa.ExportPkcs8PrivateKey(), 0];

        var ex = Assert.Throws<ArgumentException>(() => EcdsaApprovalSigner.FromPkcs8(padded));

        Assert.Equal("pkcs8PrivateKey", ex.ParamName);
        Assert.StartsWith("The bytes are not a PKCS#8 ECDSA private key.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Trailing data after the key.", ex.InnerException!.Message);
    }

    [Fact]
    public void FromPkcs8_P384Key_IsRefusedAsNotP256()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var ex = Assert.Throws<ArgumentException>(() => EcdsaApprovalSigner.FromPkcs8(p384.ExportPkcs8PrivateKey()));
        Assert.Equal("pkcs8PrivateKey", ex.ParamName);
        Assert.StartsWith("Only NIST P-256 keys are supported.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPkcs8_Brainpool256Key_IsRefusedAsNotP256()
    {
        using var brainpool = ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1);
        var ex = Assert.Throws<ArgumentException>(() => EcdsaApprovalSigner.FromPkcs8(brainpool.ExportPkcs8PrivateKey()));
        Assert.Equal("pkcs8PrivateKey", ex.ParamName);
        Assert.StartsWith("Only NIST P-256 keys are supported.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignAsync_CancelledToken_ThrowsBeforeSigning()
    {
        using var signer = EcdsaApprovalSigner.Create();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => signer.SignAsync("data"u8.ToArray(), new CancellationToken(true)).AsTask());
    }
}
