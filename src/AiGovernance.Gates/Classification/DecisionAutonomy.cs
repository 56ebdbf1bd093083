namespace AiGovernance.Gates.Classification;

/// <summary>How much a human is involved in the decisions an AI system makes.</summary>
public enum DecisionAutonomy
{
    /// <summary>The system decides on its own; no human reviews individual decisions.</summary>
    Automated = 0,

    /// <summary>A human approves each decision before it takes effect.</summary>
    HumanInTheLoop = 1,

    /// <summary>The system decides and a human monitors and may intervene.</summary>
    HumanOnTheLoop = 2,
}
