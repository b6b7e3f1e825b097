using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace AgentCalls.FakeGoogle.OAuth;

/// <summary>
/// Google's token endpoint: code exchange (with PKCE and redirect URI checks) and refresh. Errors are the
/// JSON bodies Google sends: invalid_client (401), invalid_grant and friends (400), and a 500 while a test has it down. Refresh responses carry no
/// new refresh token: Google does not rotate them.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/token", ExchangeAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http, FakeGoogleState state, IdTokenSigner signer, TimeProvider time)
    {
        var form = await http.Request.ReadFormAsync();
        var grantType = form["grant_type"].ToString();
        state.Record($"token:{grantType}");
        if (state.TakeTokenFailure())
        {
            return Error(StatusCodes.Status500InternalServerError, "internal_failure", "Backend Error");
        }

        var client = Authenticate(http.Request, form, state);
        if (client is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "invalid_client", "Unauthorized");
        }

        var now = time.GetUtcNow();
        return grantType switch
        {
            "authorization_code" => RedeemCode(form, client, state, signer, DiscoveryEndpoints.Issuer(http), now),
            "refresh_token" => Refresh(form, client, state, signer, DiscoveryEndpoints.Issuer(http), now),
            _ => Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", $"Invalid grant_type: {grantType}"),
        };
    }

    private static IResult RedeemCode(IFormCollection form, FakeClient client, FakeGoogleState state, IdTokenSigner signer, string issuer, DateTimeOffset now)
    {
        var code = state.RedeemCode(form["code"].ToString());
        if (code is null || code.ClientId != client.ClientId || code.ExpiresAt < now)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_grant", "Malformed auth code.");
        }

        if (code.RedirectUri != form["redirect_uri"])
        {
            return Error(StatusCodes.Status400BadRequest, "redirect_uri_mismatch", "Bad Request");
        }

        if (!VerifierMatches(code, form["code_verifier"].ToString()))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_grant", "Invalid code verifier.");
        }

        var user = state.FindUser(code.Subject)!;
        var refreshToken = code.Offline && (code.ConsentPrompted || !state.HasLiveRefreshToken(code.Subject, client.ClientId))
            ? state.IssueRefreshToken(code.Subject, client.ClientId, code.Scopes)
            : null;
        var accessToken = state.IssueAccessToken(code.Subject, client.ClientId, code.Scopes, refreshToken, now);
        var response = TokenResponse(accessToken, code.Scopes, state);
        if (refreshToken is not null)
        {
            response["refresh_token"] = refreshToken;
        }

        if (code.Scopes.Contains("openid"))
        {
            response["id_token"] = signer.Sign(code, user, issuer, accessToken, now);
        }

        return Results.Json(response);
    }

    private static IResult Refresh(IFormCollection form, FakeClient client, FakeGoogleState state, IdTokenSigner signer, string issuer, DateTimeOffset now)
    {
        var refreshToken = form["refresh_token"].ToString();
        var grant = state.FindRefreshToken(refreshToken);
        if (grant is null || grant.ClientId != client.ClientId)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_grant", "Token has been expired or revoked.");
        }

        var accessToken = state.IssueAccessToken(grant.Subject, client.ClientId, grant.Scopes, refreshToken, now);
        var response = TokenResponse(accessToken, grant.Scopes, state);
        if (grant.Scopes.Contains("openid"))
        {
            var asCode = new IssuedCode(client.ClientId, "", grant.Subject, grant.Scopes, null, null, null, true, false, false, IdTokenTampering.None, now);
            response["id_token"] = signer.Sign(asCode, state.FindUser(grant.Subject)!, issuer, accessToken, now, forRefresh: true);
        }

        return Results.Json(response);
    }

    private static Dictionary<string, object> TokenResponse(string accessToken, IReadOnlyList<string> scopes, FakeGoogleState state) => new()
    {
        ["access_token"] = accessToken,
        ["expires_in"] = (int)state.AccessTokenLifetime.TotalSeconds,
        ["scope"] = string.Join(' ', scopes),
        ["token_type"] = "Bearer",
    };

    private static bool VerifierMatches(IssuedCode code, string verifier)
    {
        if (code.CodeChallenge is null)
        {
            return verifier.Length == 0;
        }

        var expected = code.CodeChallengeMethod == "S256"
            ? Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code.CodeChallenge));
    }

    /// <summary>client_secret_basic or client_secret_post, as Google accepts both.</summary>
    private static FakeClient? Authenticate(HttpRequest request, IFormCollection form, FakeGoogleState state)
    {
        string? clientId = form["client_id"], secret = form["client_secret"];
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) && header.Scheme == "Basic" && header.Parameter is not null)
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
            (clientId, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair.ElementAtOrDefault(1) ?? ""));
        }

        var client = state.FindClient(clientId);
        return client is not null && client.ClientSecret == secret ? client : null;
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: status);
}
