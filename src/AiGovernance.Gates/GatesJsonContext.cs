using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Decisions;
using AiGovernance.Shared;

namespace AiGovernance.Gates;

/// <summary>Source-generated (AOT-safe) JSON metadata for envelopes, statements and audit payloads.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(DsseEnvelopeJson))]
[JsonSerializable(typeof(InTotoStatementJson<ApprovalPredicateJson>), TypeInfoPropertyName = "ApprovalStatementJson")]
[JsonSerializable(typeof(GateDecisionAuditJson))]
[JsonSerializable(typeof(Lifecycle.LifecycleAuditJson))]
[JsonSerializable(typeof(Inventory.InventoryDocumentJson))]
internal sealed partial class GatesJsonContext : JsonSerializerContext
{
    /// <summary>The same metadata with an encoder that leaves characters such as <c>+</c> unescaped (the output is never
    /// embedded in HTML), so envelopes read like the DSSE and in-toto examples.</summary>
    public static GatesJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowDuplicateProperties = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
