namespace AiGovernance.Gates.Obligations;

/// <summary>What a distributor, importer or deployer did to a high-risk system that makes it its provider (Art. 25(1)).</summary>
public enum Article25Trigger
{
    /// <summary>Art. 25(1)(a): put its name or trademark on a high-risk system already on the market or in service.</summary>
    OwnNameOrTrademark = 0,

    /// <summary>Art. 25(1)(b): made a substantial modification to a high-risk system such that it remains high-risk.</summary>
    SubstantialModification = 1,

    /// <summary>Art. 25(1)(c): modified the intended purpose of a system (including a general-purpose AI system) so that it
    /// became high-risk.</summary>
    ChangedIntendedPurpose = 2,
}
