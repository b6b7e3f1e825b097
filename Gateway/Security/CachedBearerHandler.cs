using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace AgentCalls.Gateway.Security;

/// <summary>
/// Authenticates a bearer token from <see cref="ValidatedBearerTokens"/> when it was validated lately, else through
/// OpenIddict's validation, remembering the tokens that pass. Challenges and refusals are OpenIddict's.
/// </summary>
public sealed class CachedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ValidatedBearerTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "cached-bearer";

    private const string Prefix = "Bearer ";

    public static void Configure(AuthenticationSchemeOptions scheme)
    {
        scheme.ForwardChallenge = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        scheme.ForwardForbid = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header[Prefix.Length..].Trim();
        if (tokens.Find(token) is { } ticket)
        {
            return AuthenticateResult.Success(ticket);
        }

        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Succeeded)
        {
            tokens.Remember(token, result.Ticket);
        }

        return result;
    }
}
