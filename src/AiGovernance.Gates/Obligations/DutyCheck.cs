namespace AiGovernance.Gates.Obligations;

/// <summary>Whether the classifier could check a duty against the facts it was given.</summary>
public enum DutyCheck
{
    /// <summary>The duty is listed but not checked: the classifier has no facts to check it against.</summary>
    NotChecked = 0,

    /// <summary>The facts given satisfy the duty (for example a log retention of at least six months, Art. 26(6)).</summary>
    Satisfied = 1,

    /// <summary>The facts given break the duty.</summary>
    Violated = 2,
}
