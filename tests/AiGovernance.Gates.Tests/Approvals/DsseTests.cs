using System.Text;
using AiGovernance.Gates.Approvals;

namespace AiGovernance.Gates.Tests.Approvals;

public class DsseTests
{
    [Fact]
    public void PreAuthenticationEncoding_MatchesTheSpecificationVector()
    {
        // secure-systems-lab/dsse protocol.md test vector.
        var pae = Dsse.PreAuthenticationEncoding("http://example.com/HelloWorld", "hello world"u8);
        Assert.Equal("DSSEv1 29 http://example.com/HelloWorld 11 hello world", Encoding.UTF8.GetString(pae));
    }

    [Fact]
    public void PreAuthenticationEncoding_LengthsAreUtf8ByteCounts()
    {
        var pae = Dsse.PreAuthenticationEncoding("tÿpe", [0xE2, 0x82, 0xAC]);
        var expected = new List<byte>(Encoding.ASCII.GetBytes("DSSEv1 5 "));
        expected.AddRange(Encoding.UTF8.GetBytes("tÿpe"));
        expected.AddRange(Encoding.ASCII.GetBytes(" 3 "));
        expected.AddRange([0xE2, 0x82, 0xAC]);
        Assert.Equal(expected.ToArray(), pae);
    }

    [Fact]
    public void PreAuthenticationEncoding_EmptyPayload() =>
        Assert.Equal("DSSEv1 1 t 0 ", Encoding.UTF8.GetString(Dsse.PreAuthenticationEncoding("t", [])));

    [Fact]
    public void PreAuthenticationEncoding_NullType_NamesArgument() =>
        Assert.Equal("payloadType", Assert.Throws<ArgumentNullException>(() => Dsse.PreAuthenticationEncoding(null!, [])).ParamName);

    [Fact]
    public void Envelope_JsonRoundTrip_KeepsTypePayloadAndSignatures()
    {
        var envelope = new DsseEnvelope("application/vnd.in-toto+json", "{}"u8, [new DsseSignature("k1", new byte[] { 1, 2, 3 })]);
        var json = envelope.ToJson();
        var parsed = DsseEnvelope.Parse(json);

        Assert.Equal("""{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[{"keyid":"k1","sig":"AQID"}]}""", json);
        Assert.Equal(envelope.PayloadType, parsed.PayloadType);
        Assert.Equal(envelope.Payload.ToArray(), parsed.Payload.ToArray());
        Assert.Equal("k1", parsed.Signatures[0].KeyId);
        Assert.Equal(new byte[] { 1, 2, 3 }, parsed.Signatures[0].Signature.ToArray());
    }

    [Fact]
    public void Envelope_Parse_AcceptsUrlSafeBase64()
    {
        // 0xFB 0xFF encodes to "+/8=" in standard and "-_8" in URL-safe base64.
        var parsed = DsseEnvelope.Parse("""{"payloadType":"t","payload":"-_8","signatures":[{"sig":"AQID"}]}""");
        Assert.Equal(new byte[] { 0xFB, 0xFF }, parsed.Payload.ToArray());
        Assert.Null(parsed.Signatures[0].KeyId);
    }

    [Theory]
    [InlineData("""{"payloadType":"t","payload":"e30=","payload":"e31=","signatures":[]}""")]
    [InlineData("""{"payloadType":"t","payload":"not base64!","signatures":[]}""")]
    [InlineData("""{"payload":"e30=","signatures":[]}""")]
    [InlineData("[]")]
    public void Envelope_Parse_RefusesMalformedJson(string json)
    {
        Assert.False(DsseEnvelope.TryParse(json, out var envelope, out var error));
        Assert.Null(envelope);
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Throws<FormatException>(() => DsseEnvelope.Parse(json));
    }
}
