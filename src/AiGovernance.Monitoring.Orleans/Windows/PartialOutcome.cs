namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>What a window grain did with a partial.</summary>
public enum PartialOutcome
{
    /// <summary>Merged and persisted: acknowledged.</summary>
    Accepted,

    /// <summary>Counted before under the same flush id (a resend): acknowledged, not counted again.</summary>
    Duplicate,

    /// <summary>The window had already closed: not counted; the sender reports the rows as late.</summary>
    WindowClosed,

    /// <summary>Not counted: the profile does not fit the reference or the window (see the receipt's reason).</summary>
    Rejected,
}
