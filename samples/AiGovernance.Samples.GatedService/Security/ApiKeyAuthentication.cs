using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.GatedService.Security;

/// <summary>Authenticates a request by its <c>X-Api-Key</c> header against the keys' SHA-256 digests in
/// <see cref="GatedServiceOptions.ApiKeys"/>. Coming from the loopback interface proves nothing, so nothing else counts.</summary>
/// <remarks>The digest of the presented key is compared with every configured digest in constant time, so the time
/// taken says nothing about how close a guess was. A missing or wrong key leaves the request anonymous: an endpoint that
/// requires a role then answers 401; a valid key without the role gets 403.</remarks>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<GatedServiceOptions> service) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The request header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!), presented);
        ApiKeyCredential? match = null;
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        foreach (var credential in service.CurrentValue.ApiKeys)
        {
            if (Convert.FromHexString(credential.Sha256, expected, out _, out var written) == System.Buffers.OperationStatus.Done
                && written == expected.Length && CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                match = credential;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name) };
        claims.AddRange(match.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
