namespace AiGovernance.Samples.GatedService.Security;

/// <summary>One API key the service accepts (section <c>GatedService:ApiKeys</c>): who holds it, the SHA-256 of the key
/// (the key itself is never stored in configuration) and the roles it grants.</summary>
public sealed class ApiKeyCredential
{
    /// <summary>The holder's id. A reviewer's key name is the reviewer id the review endpoints record.</summary>
    public string Name { get; set; } = "";

    /// <summary>The SHA-256 of the key's UTF-8 bytes, 64 hex digits
    /// (<c>printf %s "$KEY" | sha256sum</c>).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The roles the key grants: <see cref="GatedServiceRoles.Operator"/>, <see cref="GatedServiceRoles.Reviewer"/>.</summary>
    public List<string> Roles { get; set; } = [];
}
