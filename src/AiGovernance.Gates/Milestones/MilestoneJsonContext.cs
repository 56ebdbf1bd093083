using System.Text.Json.Serialization;

namespace AiGovernance.Gates.Milestones;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class MilestoneJsonContext : JsonSerializerContext;
