using System.Text.Json;

namespace AiGovernance.Monitoring.Drift;

/// <summary>One column of <see cref="WindowProfileData"/>: its name and its profile as written by the Statistics package.</summary>
internal sealed class WindowProfileColumnData
{
    public string? Name { get; set; }

    public JsonElement Profile { get; set; }
}
