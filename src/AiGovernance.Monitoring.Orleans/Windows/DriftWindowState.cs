namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>The persisted state of a window grain.</summary>
/// <remarks>Profiles and reports are kept as their JSON forms (the packages' own validating serializers), so the state stays
/// readable across versions of the Orleans serializer.</remarks>
[GenerateSerializer]
[Alias("AiGovernance.Monitoring.Orleans.DriftWindowState")]
internal sealed class DriftWindowState
{
    [Id(0)]
    public DriftWindowPhase Phase { get; set; }

    [Id(1)]
    public long WindowLengthTicks { get; set; }

    [Id(2)]
    public long CloseAtTicks { get; set; }

    [Id(3)]
    public string? ProfileJson { get; set; }

    [Id(4)]
    public long RowCount { get; set; }

    [Id(5)]
    public HashSet<string> AppliedFlushes { get; set; } = [];

    [Id(6)]
    public HashSet<string> Sources { get; set; } = [];

    [Id(7)]
    public string? ReportJson { get; set; }

    [Id(8)]
    public bool ReminderRegistered { get; set; }

    [Id(9)]
    public bool ResponseStarted { get; set; }

    [Id(10)]
    public bool ResponseRaised { get; set; }

    [Id(11)]
    public int PartialCount { get; set; }
}
