namespace AiGovernance.Gates.Classification;

/// <summary>The eight areas of Annex III of the EU AI Act; the value is the Annex's point number.</summary>
public enum AnnexIIIArea
{
    /// <summary>Point 1: biometrics.</summary>
    Biometrics = 1,

    /// <summary>Point 2: critical infrastructure.</summary>
    CriticalInfrastructure = 2,

    /// <summary>Point 3: education and vocational training.</summary>
    EducationAndVocationalTraining = 3,

    /// <summary>Point 4: employment, workers' management and access to self-employment.</summary>
    Employment = 4,

    /// <summary>Point 5: access to and enjoyment of essential private and public services and benefits.</summary>
    EssentialServices = 5,

    /// <summary>Point 6: law enforcement.</summary>
    LawEnforcement = 6,

    /// <summary>Point 7: migration, asylum and border control management.</summary>
    MigrationAsylumAndBorderControl = 7,

    /// <summary>Point 8: administration of justice and democratic processes.</summary>
    JusticeAndDemocraticProcesses = 8,
}
