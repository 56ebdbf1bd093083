using System.Text.Json;
using System.Text.Json.Serialization;
using AiGovernance.Shared;

namespace AiGovernance.Shared.Tests.Attestation;

public sealed partial class InTotoStatementJsonTests
{
    [Fact]
    public void Serialize_WritesTheInTotoV1FieldNames()
    {
        var statement = new InTotoStatementJson<SamplePredicate>
        {
            Type = InTotoStatementJson<SamplePredicate>.StatementType,
            Subject = [InTotoSubjectJson.Sha256("model.onnx", "ab12")],
            PredicateType = "https://example.test/p/v1",
            Predicate = new SamplePredicate { Value = "x" },
        };

        var json = JsonSerializer.Serialize(statement, SampleContext.Default.InTotoStatementJsonSamplePredicate);

        Assert.Equal(
            """{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"model.onnx","digest":{"sha256":"ab12"}}]"""
                + ""","predicateType":"https://example.test/p/v1","predicate":{"value":"x"}}""",
            json);
    }

    [Fact]
    public void Deserialize_MissingPredicate_IsRefused()
    {
        const string json = """{"_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"p"}""";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, SampleContext.Default.InTotoStatementJsonSamplePredicate));
    }

    internal sealed class SamplePredicate
    {
        public required string Value { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(InTotoStatementJson<SamplePredicate>))]
    internal sealed partial class SampleContext : JsonSerializerContext;
}
