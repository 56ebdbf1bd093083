namespace AiGovernance.Gates.Classification;

/// <summary>Fundamental rights of the Charter of Fundamental Rights of the EU that an AI system may affect.</summary>
public enum FundamentalRight
{
    /// <summary>Human dignity (Charter Art. 1).</summary>
    HumanDignity = 0,

    /// <summary>Respect for private and family life (Charter Art. 7).</summary>
    Privacy = 1,

    /// <summary>Protection of personal data (Charter Art. 8).</summary>
    DataProtection = 2,

    /// <summary>Freedom of expression and information (Charter Art. 11).</summary>
    FreedomOfExpression = 3,

    /// <summary>Right to education (Charter Art. 14).</summary>
    Education = 4,

    /// <summary>Freedom to choose an occupation and right to engage in work (Charter Art. 15).</summary>
    Work = 5,

    /// <summary>Non-discrimination (Charter Art. 21).</summary>
    NonDiscrimination = 6,

    /// <summary>Rights of the child (Charter Art. 24).</summary>
    RightsOfTheChild = 7,

    /// <summary>Social security and social assistance (Charter Art. 34).</summary>
    SocialSecurity = 8,

    /// <summary>Consumer protection (Charter Art. 38).</summary>
    ConsumerProtection = 9,

    /// <summary>Right to an effective remedy and to a fair trial (Charter Art. 47).</summary>
    FairTrial = 10,

    /// <summary>Presumption of innocence and right of defence (Charter Art. 48).</summary>
    PresumptionOfInnocence = 11,

    /// <summary>Right to asylum (Charter Art. 18).</summary>
    Asylum = 12,
}
