using System.Globalization;
using AiGovernance.Gates.Approvals;

namespace AiGovernance.Gates.Tests.Approvals;

/// <summary>Envelope parsing fails closed: anything that is not exactly a DSSE envelope within the size limit gives
/// <see langword="false"/>, no envelope and a reason — never an exception, never a half-read envelope.</summary>
public class DsseEnvelopeTests
{
    private const string Valid = """{"payloadType":"t","payload":"e30=","signatures":[{"keyid":"k1","sig":"AQID"}]}""";

    private static string Refusal(string? json, int maxLength = DsseEnvelope.DefaultMaxLength)
    {
        Assert.False(DsseEnvelope.TryParse(json, maxLength, out var envelope, out var error));
        Assert.Null(envelope);
        Assert.NotNull(error);
        return error;
    }

    [Fact]
    public void Constructor_BlankPayloadType_NamesArgument() =>
        Assert.Equal("payloadType", Assert.Throws<ArgumentException>(() => new DsseEnvelope(" ", "{}"u8, [])).ParamName);

    [Fact]
    public void Constructor_NullSignatures_NamesArgument() =>
        Assert.Equal("signatures", Assert.Throws<ArgumentNullException>(() => new DsseEnvelope("t", "{}"u8, null!)).ParamName);

    [Fact]
    public void Parse_Null_NamesArgument() =>
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => DsseEnvelope.Parse(null!)).ParamName);

    [Fact]
    public void TryParse_NonPositiveLimit_NamesArgument() =>
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => DsseEnvelope.TryParse(Valid, 0, out _, out _)).ParamName);

    [Fact]
    public void TryParse_Null_IsRefused() => Assert.Equal("The envelope is null.", Refusal(null));

    [Fact]
    public void TryParse_EnvelopeOfExactlyTheLimit_IsAccepted()
    {
        Assert.True(DsseEnvelope.TryParse(Valid, Valid.Length, out var envelope, out var error));
        Assert.Null(error);
        Assert.Equal("t", envelope!.PayloadType);
    }

    [Fact]
    public void TryParse_OneByteOverTheLimit_IsRefusedNamingTheLimit() =>
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"The envelope is larger than the limit of {Valid.Length - 1} bytes."),
            Refusal(Valid, Valid.Length - 1));

    [Fact]
    public void TryParse_LimitCountsUtf8Bytes_NotCharacters()
    {
        // "é" is one UTF-16 character but two UTF-8 bytes: the text has fewer characters than the limit, more bytes.
        var json = Valid.Replace("\"k1\"", "\"kéé\"", StringComparison.Ordinal);
        var limit = json.Length;
        Assert.Equal(limit + 2, System.Text.Encoding.UTF8.GetByteCount(json));

        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"The envelope is larger than the limit of {limit} bytes."), Refusal(json, limit));
    }

    [Fact]
    public void TryParse_NotJson_IsRefusedSayingSo() =>
        Assert.StartsWith("The text is not a DSSE envelope: ", Refusal("{\"payloadType\":"), StringComparison.Ordinal);

    [Fact]
    public void TryParse_LoneSurrogate_IsRefusedAsInvalidText() =>
        Assert.Equal("The text is not a DSSE envelope: it is not valid UTF-16.", Refusal(Valid.Replace("k1", "k\uD800", StringComparison.Ordinal)));

    [Fact]
    public void TryParse_JsonNull_IsRefused() => Assert.Equal("The envelope lacks a payload type or signatures.", Refusal("null"));

    [Fact]
    public void TryParse_BlankPayloadType_IsRefused() =>
        Assert.Equal("The envelope lacks a payload type or signatures.", Refusal(Valid.Replace("\"t\"", "\" \"", StringComparison.Ordinal)));

    [Fact]
    public void TryParse_NullPayloadType_IsRefused() =>
        Assert.Equal("The envelope lacks a payload type or signatures.", Refusal(Valid.Replace("\"t\"", "null", StringComparison.Ordinal)));

    [Fact]
    public void TryParse_NullSignatureList_IsRefused() =>
        Assert.Equal("The envelope lacks a payload type or signatures.", Refusal("""{"payloadType":"t","payload":"e30=","signatures":null}"""));

    [Fact]
    public void TryParse_NullPayload_IsRefused() =>
        Assert.Equal("The payload is not base64.", Refusal("""{"payloadType":"t","payload":null,"signatures":[]}"""));

    [Fact]
    public void TryParse_SignatureNotBase64_IsRefused() =>
        Assert.Equal("A signature is not base64.", Refusal(Valid.Replace("AQID", "A*ID", StringComparison.Ordinal)));

    [Fact]
    public void TryParse_NullSignatureValue_IsRefused() =>
        Assert.Equal("A signature is not base64.", Refusal(Valid.Replace("\"AQID\"", "null", StringComparison.Ordinal)));

    [Fact]
    public void TryParse_NullSignatureEntry_IsRefused() =>
        Assert.Equal("A signature is not base64.", Refusal("""{"payloadType":"t","payload":"e30=","signatures":[null]}"""));
}
