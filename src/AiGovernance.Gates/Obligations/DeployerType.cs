namespace AiGovernance.Gates.Obligations;

/// <summary>What kind of body the deployer is; it decides the fundamental rights impact assessment (Art. 27(1)) and the
/// deployer's registration duties (Art. 26(8), 49(3)).</summary>
public enum DeployerType
{
    /// <summary>Not stated: treated as a public body (fail closed), so the public-sector duties are listed.</summary>
    Unknown = 0,

    /// <summary>A private entity that does not provide public services.</summary>
    PrivateEntity = 1,

    /// <summary>A private entity providing public services (for example education, healthcare, social services, housing,
    /// the administration of justice), bound by Art. 27(1).</summary>
    PrivateEntityProvidingPublicServices = 2,

    /// <summary>A public authority, a body governed by public law, or a person acting on behalf of one.</summary>
    PublicAuthority = 3,

    /// <summary>A Union institution, body, office or agency, or a person acting on its behalf.</summary>
    UnionInstitution = 4,
}
