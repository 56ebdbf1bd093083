using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Reliability.Tests.Security;

/// <summary>Hostile envelopes and statements: malformed base64 and JSON, missing fields, wrong payload types, oversized
/// envelopes, random mutations of a valid envelope — and nothing in exceptions, details, logs or audit records leaks key
/// material or the payload.</summary>
public class ApprovalEnvelopeHostileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> MalformedEnvelopes() => new()
    {
        { "", "empty" },
        { "   ", "white space" },
        { "null", "JSON null" },
        { "[]", "array" },
        { "42", "number" },
        { "{", "unterminated object" },
        { "{}", "no fields" },
        { """{"payload":"e30=","signatures":[]}""", "no payloadType" },
        { """{"payloadType":"application/vnd.in-toto+json","signatures":[]}""", "no payload" },
        { """{"payloadType":"application/vnd.in-toto+json","payload":"e30="}""", "no signatures" },
        { """{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":null}""", "null signatures" },
        { """{"payloadType":"","payload":"e30=","signatures":[]}""", "empty payloadType" },
        { """{"payloadType":"application/vnd.in-toto+json","payload":"%%%not base64%%%","signatures":[]}""", "payload not base64" },
        { """{"payloadType":"application/vnd.in-toto+json","payload":"e3=0","signatures":[]}""", "padding inside the payload" },
        { """{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[{"keyid":"k"}]}""", "signature without sig" },
        { """{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[{"keyid":"k","sig":"***"}]}""", "sig not base64" },
        { """{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[null]}""", "null signature" },
        { """{"payloadType":"application/vnd.in-toto+json","payload":"e30=","payload":"e30=","signatures":[]}""", "duplicate property" },
        { """{"payloadType":42,"payload":"e30=","signatures":[]}""", "payloadType a number" },
        { """{"payloadType":"application/vnd.in-toto+json","payload":["e30="],"signatures":[]}""", "payload an array" },
        { new string('[', 10_000) + new string(']', 10_000), "nesting 10 000 deep" },
        { "{\"payloadType\":\"a\uD800b\",\"payload\":\"e30=\",\"signatures\":[]}", "lone surrogate" },
        { "\uFEFF{}", "byte-order mark" },
    };

    [Theory]
    [MemberData(nameof(MalformedEnvelopes))]
    public void MalformedEnvelope_IsRefusedWithAReason_NeverAnotherException(string json, string what)
    {
        Assert.False(DsseEnvelope.TryParse(json, out var envelope, out var error), what);
        Assert.Null(envelope);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.True(error!.Length < 400, what);
        var ex = Assert.Throws<FormatException>(() => DsseEnvelope.Parse(json));
        Assert.Equal(error, ex.Message);
    }

    [Fact]
    public async Task EnvelopesWithNoOrWrongPayloadType_FailClosed()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var good = await bench.SignAsync(bench.Predicate());
        var payload = good.Payload.ToArray();

        var noSignatures = DsseEnvelope.Parse($$"""{"payloadType":"application/vnd.in-toto+json","payload":"{{Convert.ToBase64String(payload)}}","signatures":[]}""");
        Assert.Equal(ApprovalFailureReason.MissingSignature, (await bench.Verifier.VerifyAsync(noSignatures, bench.Expectation, TestContext.Current.CancellationToken)).Reason);

        // The payload type is covered by the signature: swapping it breaks the signature...
        var swapped = new DsseEnvelope("application/json", payload, good.Signatures);
        Assert.Equal(ApprovalFailureReason.BadSignature, (await bench.Verifier.VerifyAsync(swapped, bench.Expectation, TestContext.Current.CancellationToken)).Reason);

        // ...and a trusted reviewer who signs another type gets UnsupportedPayloadType.
        var otherType = await bench.SignRawAsync(payload, payloadType: "application/json");
        Assert.Equal(ApprovalFailureReason.UnsupportedPayloadType, (await bench.Verifier.VerifyAsync(otherType, bench.Expectation, TestContext.Current.CancellationToken)).Reason);
        var hugeType = await bench.SignRawAsync(payload, payloadType: "x/" + new string('y', 5_000) + "\n[CRITICAL] forged");
        var detail = (await bench.Verifier.VerifyAsync(hugeType, bench.Expectation, TestContext.Current.CancellationToken)).Detail;
        Assert.True(detail.Length < 250, detail);
        Assert.DoesNotContain('\n', detail);
    }

    /// <summary>Statement fields removed, nulled or of the wrong type, each signed by a trusted reviewer.</summary>
    public static TheoryData<string, string> BrokenStatementFields() => new()
    {
        { "_type", "remove" }, { "subject", "remove" }, { "predicateType", "remove" }, { "predicate", "remove" },
        { "predicate.gate", "remove" }, { "predicate.approvalKind", "remove" }, { "predicate.systemId", "remove" },
        { "predicate.environment", "remove" }, { "predicate.policyVersion", "remove" }, { "predicate.reviewer", "remove" },
        { "predicate.reviewer.id", "remove" }, { "predicate.reviewer.role", "remove" }, { "predicate.decision", "remove" },
        { "predicate.issuedAt", "remove" }, { "predicate.expiresAt", "remove" }, { "predicate.nonce", "remove" },
        { "subject.0.name", "remove" }, { "subject.0.digest", "remove" }, { "subject.0.digest.sha256", "remove" },
        { "_type", "null" }, { "subject", "null" }, { "predicate", "null" }, { "predicate.gate", "null" },
        { "predicate.reviewer", "null" }, { "predicate.reviewer.id", "null" }, { "predicate.decision", "null" },
        { "predicate.nonce", "null" }, { "predicate.issuedAt", "null" }, { "subject.0", "null" }, { "subject.0.digest", "null" },
        { "subject.0.digest.sha256", "null" }, { "subject.0.name", "null" },
        { "predicate.gate", "number" }, { "predicate.issuedAt", "number" }, { "predicate.reviewer", "number" },
        { "subject", "number" }, { "subject.0.digest.sha256", "short" }, { "predicate.issuedAt", "garbage" },
        { "predicate.decision", "garbage" }, { "predicate.gate", "garbage" }, { "predicateType", "garbage" }, { "_type", "garbage" },
        { "subject", "empty" }, { "predicate.expiresAt", "before-issue" },
    };

    [Theory]
    [MemberData(nameof(BrokenStatementFields))]
    public async Task SignedStatementWithBrokenField_IsMalformed_NeverThrows(string path, string change)
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var good = await bench.SignAsync(bench.Predicate());
        var node = JsonNode.Parse(good.Payload.Span)!;
        var parts = path.Split('.');
        JsonNode parent = node;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            parent = int.TryParse(parts[i], out var index) ? parent[index]! : parent[parts[i]]!;
        }

        var last = parts[^1];
        JsonNode? replacement = change switch
        {
            "null" => null,
            "number" => JsonValue.Create(7),
            "short" => JsonValue.Create("abcd"),
            "garbage" => JsonValue.Create("garbage"),
            "empty" => new JsonArray(),
            "before-issue" => JsonValue.Create(bench.Clock.GetUtcNow().AddDays(-1)),
            _ => null,
        };
        if (int.TryParse(last, out var at))
        {
            parent.AsArray()[at] = replacement;
        }
        else if (change == "remove")
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = replacement;
        }

        var envelope = await bench.SignRawAsync(Encoding.UTF8.GetBytes(node.ToJsonString()));
        var verification = (await bench.Verifier.VerifyAsync(envelope, bench.Expectation, TestContext.Current.CancellationToken));
        Assert.Equal(ApprovalFailureReason.MalformedStatement, verification.Reason);
        Assert.Null(verification.Statement);
        var decision = await bench.Gate.EvaluateAsync(bench.Request([envelope]), Ct);
        Assert.False(decision.IsAllowed);
    }

    [Fact]
    public async Task OversizedEnvelope_IsRefusedBeforeParsing_AndLimitsAreValidated()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var good = await bench.SignAsync(bench.Predicate());
        var json = good.ToJson();
        Assert.True(DsseEnvelope.TryParse(json, out _, out _));

        var padded = json[..^1] + ",\"pad\":\"" + new string('A', DsseEnvelope.DefaultMaxLength) + "\"}";
        Assert.False(DsseEnvelope.TryParse(padded, out _, out var error));
        Assert.Contains("larger than the limit of 65536 bytes", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => DsseEnvelope.Parse(padded));

        // Fewer characters than the limit but more UTF-8 bytes.
        var multiByte = json[..^1] + ",\"pad\":\"" + new string('€', 25_000) + "\"}";
        Assert.True(multiByte.Length < DsseEnvelope.DefaultMaxLength);
        Assert.False(DsseEnvelope.TryParse(multiByte, out _, out error));
        Assert.Contains("larger than the limit", error, StringComparison.Ordinal);

        // Exactly at a custom limit is accepted; one byte less is not.
        var size = Encoding.UTF8.GetByteCount(json);
        Assert.True(DsseEnvelope.TryParse(json, size, out _, out _));
        Assert.False(DsseEnvelope.TryParse(json, size - 1, out _, out _));
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => DsseEnvelope.TryParse(json, 0, out _, out _)).ParamName);
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => DsseEnvelope.TryParse(json, -1, out _, out _)).ParamName);

        // Built in code (not parsed): the verifier refuses it before any signature check.
        var bigPayload = new byte[DsseEnvelope.DefaultMaxLength + 1];
        var big = await bench.SignRawAsync(bigPayload);
        Assert.Equal(ApprovalFailureReason.EnvelopeTooLarge, (await bench.Verifier.VerifyAsync(big, bench.Expectation, TestContext.Current.CancellationToken)).Reason);
        var manySignatures = new DsseEnvelope(good.PayloadType, good.Payload.Span, [.. Enumerable.Repeat(good.Signatures[0], DsseApprovalVerifier.MaxSignatures + 1)]);
        Assert.Equal(ApprovalFailureReason.EnvelopeTooLarge, (await bench.Verifier.VerifyAsync(manySignatures, bench.Expectation, TestContext.Current.CancellationToken)).Reason);
        var sixteen = new DsseEnvelope(good.PayloadType, good.Payload.Span, [.. Enumerable.Repeat(good.Signatures[0], DsseApprovalVerifier.MaxSignatures)]);
        Assert.True((await bench.Verifier.VerifyAsync(sixteen, bench.Expectation, TestContext.Current.CancellationToken)).IsValid);
        Assert.Equal("maxEnvelopeBytes", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new DsseApprovalVerifier(bench.Keys, bench.Nonces, bench.Clock, maxEnvelopeBytes: 0)).ParamName);
    }

    [Fact]
    public void MaxApprovalEnvelopeBytesOutOfRange_FailsAtStartUp()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance().AddGates(o => o.MaxApprovalEnvelopeBytes = 100);
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AiGovernance.Gates.GatesOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("MaxApprovalEnvelopeBytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RandomMutationsOfAValidEnvelope_NeverThrow_AndOnlyTheOriginalStatementIsEverAccepted()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var good = await bench.SignAsync(bench.Predicate(), signer: "alice");
        var json = good.ToJson();
        var originalPayload = good.Payload.ToArray();
        var random = new Random(13);
        var cases = Stress.Pick(3_000, 60_000);
        const string palette = "\"{}[]:,\\ aAzZ09+/=-_\u00e9\u20ac\uD800\u0000\n";
        int unparsed = 0, rejected = 0, accepted = 0;
        for (var i = 0; i < cases; i++)
        {
            var text = new StringBuilder(json);
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(5))
                {
                    case 0: text[at] = palette[random.Next(palette.Length)]; break;
                    case 1: text.Remove(at, 1); break;
                    case 2: text.Insert(at, palette[random.Next(palette.Length)]); break;
                    case 3: text.Length = at; break;
                    default: text.Insert(at, text.ToString(at, Math.Min(20, text.Length - at))); break;
                }

                if (text.Length == 0)
                {
                    break;
                }
            }

            if (!DsseEnvelope.TryParse(text.ToString(), out var envelope, out _))
            {
                unparsed++;
                continue;
            }

            var verification = (await bench.Verifier.VerifyAsync(envelope!, bench.Expectation, TestContext.Current.CancellationToken));
            if (!verification.IsValid)
            {
                rejected++;
                continue;
            }

            accepted++;
            Assert.Equal(Dsse.InTotoPayloadType, envelope!.PayloadType);
            Assert.Equal(originalPayload, envelope.Payload.ToArray());
        }

        Assert.Equal(cases, unparsed + rejected + accepted);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"envelope mutations: {cases} cases; {unparsed} refused by the parser, {rejected} by the verifier, {accepted} accepted (all carrying the original signed statement)");
    }

    [Fact]
    public async Task RandomMutationsOfASignedStatement_NeverThrow()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        var payload = Encoding.UTF8.GetString((await bench.SignAsync(bench.Predicate())).Payload.Span);
        var random = new Random(29);
        var cases = Stress.Pick(600, 12_000);
        const string palette = "\"{}[]:,\\ aZ09-T.\u0000\n";
        var reasons = new Dictionary<ApprovalFailureReason, int>();
        for (var i = 0; i < cases; i++)
        {
            var text = new StringBuilder(payload);
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0: text[at] = palette[random.Next(palette.Length)]; break;
                case 1: text.Remove(at, 1); break;
                default: text.Insert(at, palette[random.Next(palette.Length)]); break;
            }

            var envelope = await bench.SignRawAsync(Encoding.UTF8.GetBytes(text.ToString()));
            var reason = (await bench.Verifier.VerifyAsync(envelope, bench.Expectation, TestContext.Current.CancellationToken)).Reason;
            reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
        }

        Assert.Equal(cases, reasons.Values.Sum());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"statement mutations (signed by a trusted key): {cases} cases; " + string.Join(", ", reasons.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}")));
    }

    [Fact]
    public async Task NoExceptionDetailLogOrAuditRecord_CarriesKeyMaterialOrTheFullPayload()
    {
        using var bench = new ApprovalFixture(clockSkew: TimeSpan.FromMinutes(10));
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pkcs8 = ecdsa.ExportPkcs8PrivateKey();
        var d = ecdsa.ExportParameters(true).D!;
        using var signer = EcdsaApprovalSigner.FromPkcs8(pkcs8);
        bench.Keys.Add(new TrustedReviewerKey("secret-holder", [ReviewerRoles.ModelValidator], signer.PublicKey.Span, ApprovalFixture.Start.AddDays(-1), ApprovalFixture.Start.AddDays(1)));

        const string marker = "SUBJECT-MARKER-9f8e7d";
        var texts = new List<string>();
        var payloads = new List<byte[]>();
        var envelopes = new List<DsseEnvelope>();

        async Task<DsseEnvelope> Sign(ApprovalPredicate p, string subjectName = marker)
        {
            var statement = new ApprovalStatement([new ApprovalSubject(subjectName, bench.Artifact.Digest)], p);
            var e = await ApprovalIssuer.SignAsync(statement, signer, Ct);
            payloads.Add(e.Payload.ToArray());
            envelopes.Add(e);
            return e;
        }

        var valid = bench.Predicate("secret-holder");
        await Sign(valid);
        await Sign(valid with { Nonce = ApprovalPredicate.NewNonce(), ReviewerId = "alice" });
        await Sign(valid with { Nonce = ApprovalPredicate.NewNonce(), ReviewerRole = "executive\n[CRITICAL] forged line" });
        await Sign(valid with { Nonce = ApprovalPredicate.NewNonce(), SystemId = "other-system" });
        await Sign(valid with { Nonce = ApprovalPredicate.NewNonce(), Environment = "staging" });
        await Sign(valid with { Nonce = ApprovalPredicate.NewNonce(), PolicyVersion = "policy-1" });
        await Sign(valid with { Nonce = ApprovalPredicate.NewNonce(), IssuedAt = ApprovalFixture.Start.AddHours(2), ExpiresAt = ApprovalFixture.Start.AddDays(2) });
        await Sign(valid with { Nonce = new string('n', 10_000) });
        await Sign(valid with { Nonce = valid.Nonce, Kind = "other-kind" });
        var tampered = new DsseEnvelope(Dsse.InTotoPayloadType, [.. payloads[0], (byte)' '], envelopes[0].Signatures);
        envelopes.Add(tampered);
        envelopes.Add(new DsseEnvelope("text/plain", payloads[0], envelopes[0].Signatures));

        foreach (var e in envelopes)
        {
            texts.Add((await bench.Verifier.VerifyAsync(e, bench.Expectation, TestContext.Current.CancellationToken)).Detail);
        }

        var decision = await bench.Gate.EvaluateAsync(bench.Request(envelopes), Ct);
        texts.AddRange(decision.Reasons);
        texts.Add(bench.GateLogger.AllText);
        await foreach (var record in bench.Audit.ReadAsync(cancellationToken: Ct))
        {
            texts.Add(record.Payload?.GetRawText() ?? "");
        }

        texts.Add(new DeploymentBlockedException(decision).ToString());

        // Failing key imports: a truncated copy of the real private key, and the public key mangled.
        texts.Add(Assert.Throws<ArgumentException>(() => EcdsaApprovalSigner.FromPkcs8(pkcs8.AsSpan(0, pkcs8.Length - 7))).ToString());
        texts.Add(Assert.Throws<ArgumentException>(() => EcdsaApprovalSigner.FromPkcs8([.. pkcs8, 0, 0])).ToString());
        texts.Add(Assert.Throws<ArgumentException>(() =>
            new TrustedReviewerKey("x", ["r"], signer.PublicKey.Span[..^3], ApprovalFixture.Start, ApprovalFixture.Start.AddDays(1))).ToString());
        var envelopeJson = envelopes[0].ToJson();
        Assert.False(DsseEnvelope.TryParse(envelopeJson[..^5], out _, out var parseError));
        texts.Add(parseError!);

        var forbidden = new List<string>
        {
            Convert.ToBase64String(pkcs8), Convert.ToHexString(pkcs8), Convert.ToBase64String(d), Convert.ToHexString(d),
            Convert.ToBase64String(pkcs8, 0, 48), Convert.ToHexString(d, 0, 16), marker, envelopeJson[..200],
        };
        foreach (var p in payloads)
        {
            forbidden.Add(Convert.ToBase64String(p));
            forbidden.Add(Encoding.UTF8.GetString(p));
        }

        foreach (var text in texts)
        {
            foreach (var secret in forbidden)
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain(new string('n', 65), text, StringComparison.Ordinal);
            Assert.DoesNotContain("\n[CRITICAL]", text, StringComparison.Ordinal);
        }

        Assert.False(decision.IsAllowed);
        TestContext.Current.TestOutputHelper?.WriteLine($"leak check: {texts.Count} texts (details, reasons, logs, audit payloads, exceptions) against {forbidden.Count} secrets");
    }
}
