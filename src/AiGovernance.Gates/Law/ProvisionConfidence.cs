namespace AiGovernance.Gates.Law;

/// <summary>How well a provision's text and date are established.</summary>
public enum ProvisionConfidence
{
    /// <summary>Taken from the regulation's published text.</summary>
    Confirmed = 0,

    /// <summary>Reported by official press releases or secondary sources; the published text was not seen, so the provision,
    /// its wording or its date may differ. Classifications citing it say so.</summary>
    Unconfirmed = 1,
}
