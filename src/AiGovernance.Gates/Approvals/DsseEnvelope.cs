using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AiGovernance.Gates.Approvals;

/// <summary>A DSSE v1 envelope: a typed payload and signatures over its pre-authentication encoding.</summary>
/// <remarks>The JSON form is <c>{"payloadType": ..., "payload": base64, "signatures": [{"keyid": ..., "sig": base64}]}</c>.
/// Parsing accepts standard and URL-safe base64 as the specification allows and refuses duplicate properties.</remarks>
public sealed class DsseEnvelope
{
    /// <summary>Creates an envelope.</summary>
    /// <param name="payloadType">The payload type, for example <see cref="Dsse.InTotoPayloadType"/>.</param>
    /// <param name="payload">The payload bytes (copied).</param>
    /// <param name="signatures">The signatures.</param>
    /// <exception cref="ArgumentException"><paramref name="payloadType"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="signatures"/> is null.</exception>
    public DsseEnvelope(string payloadType, ReadOnlySpan<byte> payload, IReadOnlyList<DsseSignature> signatures)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadType);
        ArgumentNullException.ThrowIfNull(signatures);
        PayloadType = payloadType;
        Payload = payload.ToArray();
        Signatures = [.. signatures];
    }

    /// <summary>The payload type.</summary>
    public string PayloadType { get; }

    /// <summary>The payload bytes.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The signatures.</summary>
    public IReadOnlyList<DsseSignature> Signatures { get; }

    /// <summary>The bytes the signatures cover.</summary>
    /// <returns>The pre-authentication encoding of the type and payload.</returns>
    public byte[] GetPreAuthenticationEncoding() => Dsse.PreAuthenticationEncoding(PayloadType, Payload.Span);

    /// <summary>Serialises the envelope as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var signatures = new List<DsseSignatureJson>(Signatures.Count);
        foreach (var signature in Signatures)
        {
            signatures.Add(new DsseSignatureJson { KeyId = signature.KeyId, Sig = Convert.ToBase64String(signature.Signature.Span) });
        }

        var json = new DsseEnvelopeJson
        {
            PayloadType = PayloadType,
            Payload = Convert.ToBase64String(Payload.Span),
            Signatures = signatures,
        };
        return JsonSerializer.Serialize(json, GatesJsonContext.Wire.DsseEnvelopeJson);
    }

    /// <summary>The largest envelope, in UTF-8 bytes of JSON, that <see cref="Parse(string)"/> and
    /// <see cref="TryParse(string?, out DsseEnvelope?, out string?)"/> accept: 64 KiB. An approval statement is about
    /// 1 KiB; the limit stops a hostile caller from making the gate decode and hold megabytes per approval.</summary>
    public const int DefaultMaxLength = 64 * 1024;

    /// <summary>Parses an envelope's JSON of at most <see cref="DefaultMaxLength"/> UTF-8 bytes (for another limit use
    /// <see cref="TryParse(string?, int, out DsseEnvelope?, out string?)"/>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The envelope.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a DSSE envelope or is larger than the limit.</exception>
    public static DsseEnvelope Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParse(json, DefaultMaxLength, out var envelope, out var error) ? envelope! : throw new FormatException(error);
    }

    /// <summary>Tries to parse an envelope's JSON of at most <see cref="DefaultMaxLength"/> UTF-8 bytes.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="envelope">The envelope when parsing succeeded.</param>
    /// <param name="error">Why parsing failed.</param>
    /// <returns>Whether the text is a DSSE envelope.</returns>
    public static bool TryParse(string? json, out DsseEnvelope? envelope, out string? error) =>
        TryParse(json, DefaultMaxLength, out envelope, out error);

    /// <summary>Tries to parse an envelope's JSON. Never throws for malformed input: text that is too large, not JSON,
    /// missing a field, or carrying invalid base64 gives <see langword="false"/> and a reason that quotes none of the input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="maxLength">The largest envelope accepted, in UTF-8 bytes; larger text is refused before it is parsed.</param>
    /// <param name="envelope">The envelope when parsing succeeded.</param>
    /// <param name="error">Why parsing failed.</param>
    /// <returns>Whether the text is a DSSE envelope.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is not positive.</exception>
    public static bool TryParse(string? json, int maxLength, out DsseEnvelope? envelope, out string? error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        envelope = null;
        if (json is null)
        {
            error = "The envelope is null.";
            return false;
        }

        // Characters never outnumber UTF-8 bytes, so the cheap length test settles most oversized inputs.
        if (json.Length > maxLength || Encoding.UTF8.GetByteCount(json) > maxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"The envelope is larger than the limit of {maxLength} bytes.");
            return false;
        }

        DsseEnvelopeJson? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, GatesJsonContext.Wire.DsseEnvelopeJson);
        }
        catch (JsonException ex)
        {
            error = "The text is not a DSSE envelope: " + ex.Message;
            return false;
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (a lone surrogate) cannot be transcoded to JSON text.
            error = "The text is not a DSSE envelope: it is not valid UTF-16.";
            return false;
        }

        if (dto is null || string.IsNullOrWhiteSpace(dto.PayloadType) || dto.Signatures is null)
        {
            error = "The envelope lacks a payload type or signatures.";
            return false;
        }

        if (!TryDecodeBase64(dto.Payload, out var payload))
        {
            error = "The payload is not base64.";
            return false;
        }

        var signatures = new List<DsseSignature>(dto.Signatures.Count);
        foreach (var signature in dto.Signatures)
        {
            if (signature is null || !TryDecodeBase64(signature.Sig, out var sig))
            {
                error = "A signature is not base64.";
                return false;
            }

            signatures.Add(new DsseSignature(signature.KeyId, sig));
        }

        envelope = new DsseEnvelope(dto.PayloadType, payload, signatures);
        error = null;
        return true;
    }

    private static bool TryDecodeBase64(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            if (!Base64Url.IsValid(text))
            {
                return false;
            }

            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
    }
}
