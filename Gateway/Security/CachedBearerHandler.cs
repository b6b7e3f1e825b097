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

    /// <summary>The request's bearer token, or null when it carries none (the gateway then looks for the session cookie).</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

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
