namespace AiGovernance.Monitoring.Drift;

/// <summary>Whether a column could be compared, and if not, why.</summary>
public enum ColumnDriftStatus
{
    /// <summary>Compared with the reference.</summary>
    Compared = 0,

    /// <summary>The reference has the column but the current window does not (counted as drifted).</summary>
    MissingInCurrent = 1,

    /// <summary>The current window has a column the reference lacks (reported, not counted in the drift share).</summary>
    NotInReference = 2,

    /// <summary>Every current value is missing (counted as drifted).</summary>
    AllMissing = 3,

    /// <summary>The column is numeric on one side and categorical on the other (counted as drifted).</summary>
    KindMismatch = 4,

    /// <summary>Every reference value is missing, so there is no distribution to compare with (not counted).</summary>
    NoReferenceValues = 5,
}
