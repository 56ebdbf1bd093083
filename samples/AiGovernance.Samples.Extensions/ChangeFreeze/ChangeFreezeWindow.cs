namespace AiGovernance.Samples.Extensions.ChangeFreeze;

/// <summary>A period in which no rollout stage may advance, for example the year-end trading freeze.</summary>
public sealed class ChangeFreezeWindow
{
    /// <summary>The first instant of the freeze.</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>The end of the freeze (exclusive).</summary>
    public DateTimeOffset End { get; set; }

    /// <summary>Why the freeze exists; shown in the rollout's reason.</summary>
    /// <value>The default value is "change freeze".</value>
    public string Reason { get; set; } = "change freeze";
}
