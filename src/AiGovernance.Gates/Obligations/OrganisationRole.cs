namespace AiGovernance.Gates.Obligations;

/// <summary>The roles an organisation may hold towards an AI system under the EU AI Act (Art. 3(3)–(7)); one organisation
/// may hold several, and the duties of each apply.</summary>
public enum OrganisationRole
{
    /// <summary>Develops the system (or has it developed) and places it on the market or puts it into service under its own
    /// name or trademark (Art. 3(3)).</summary>
    Provider = 0,

    /// <summary>Uses the system under its authority, other than in a personal non-professional activity (Art. 3(4)).</summary>
    Deployer = 1,

    /// <summary>Established in the Union, places on the market a system bearing the name or trademark of a person established
    /// in a third country (Art. 3(6)).</summary>
    Importer = 2,

    /// <summary>Makes the system available on the Union market, other than the provider or the importer (Art. 3(7)).</summary>
    Distributor = 3,
}
