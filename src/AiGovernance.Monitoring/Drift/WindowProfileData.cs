namespace AiGovernance.Monitoring.Drift;

/// <summary>The JSON form of a <see cref="WindowProfile"/>.</summary>
internal sealed class WindowProfileData
{
    public long RowCount { get; set; }

    public List<WindowProfileColumnData>? Columns { get; set; }
}
