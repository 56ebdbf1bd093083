using System.Globalization;
using System.Text;

namespace AiGovernance.Gates.Approvals;

/// <summary>The Dead Simple Signing Envelope (secure-systems-lab DSSE v1) protocol's pre-authentication encoding.</summary>
public static class Dsse
{
    /// <summary>The payload type of an in-toto statement.</summary>
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary>The pre-authentication encoding signed by DSSE v1:
    /// <c>"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>, where LEN is the ASCII decimal byte count (no leading
    /// zeros) of the UTF-8 type and of the payload.</summary>
    /// <param name="payloadType">The payload type, encoded as UTF-8.</param>
    /// <param name="payload">The payload bytes.</param>
    /// <returns>The bytes to sign or verify.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payloadType"/> is null.</exception>
    public static byte[] PreAuthenticationEncoding(string payloadType, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        var typeLength = Encoding.UTF8.GetByteCount(payloadType);
        var header = string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {typeLength} ");
        var middle = string.Create(CultureInfo.InvariantCulture, $" {payload.Length} ");
        var result = new byte[header.Length + typeLength + middle.Length + payload.Length];
        var offset = Encoding.ASCII.GetBytes(header, result);
        offset += Encoding.UTF8.GetBytes(payloadType, result.AsSpan(offset));
        offset += Encoding.ASCII.GetBytes(middle, result.AsSpan(offset));
        payload.CopyTo(result.AsSpan(offset));
        return result;
    }
}
