using Microsoft.AspNetCore.WebUtilities;

namespace AgentCalls.FakeGoogle.OAuth;

/// <summary>
/// Google's consent screen, answered at once: approved for the hinted (or chosen) account, or denied when a
/// test asked for it. Unknown clients and unregistered redirect URIs get Google's error pages, never a redirect.
/// </summary>
public static class AuthorizationEndpoint
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapAuthorizationEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/o/oauth2/v2/auth", Authorize);
        return app;
    }

    private static IResult Authorize(HttpContext http, FakeGoogleState state, TimeProvider time)
    {
        var query = http.Request.Query;
        var client = state.FindClient(query["client_id"]);
        if (client is null)
        {
            return ErrorPage(StatusCodes.Status401Unauthorized, "invalid_client", "The OAuth client was not found.");
        }

        var redirectUri = query["redirect_uri"].ToString();
        if (!client.RedirectUris.Contains(redirectUri))
        {
            return ErrorPage(StatusCodes.Status400BadRequest, "redirect_uri_mismatch", $"You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. redirect_uri={redirectUri}");
        }

        var stateParameter = query["state"].ToString();
        if (query["response_type"] != "code")
        {
            return Redirect(redirectUri, ("error", "unsupported_response_type"), ("state", stateParameter));
        }

        var scopes = query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0)
        {
            return ErrorPage(StatusCodes.Status400BadRequest, "invalid_request", "Missing required parameter: scope");
        }

        var next = state.TakeNextAuthorization();
        if (next.Deny)
        {
            return Redirect(redirectUri, ("error", "access_denied"), ("state", stateParameter));
        }

        var user = state.ChooseUser(query["login_hint"], next);
        if (user is null)
        {
            return ErrorPage(StatusCodes.Status400BadRequest, "no_account", "No Google account is registered with the fake.");
        }

        var code = state.IssueCode(new IssuedCode(
            client.ClientId, redirectUri, user.Subject, scopes, NullIfEmpty(query["nonce"]),
            NullIfEmpty(query["code_challenge"]), NullIfEmpty(query["code_challenge_method"]),
            Offline: query["access_type"] == "offline",
            ConsentPrompted: query["prompt"].ToString().Split(' ').Contains("consent"),
            IncludeGrantedScopes: query["include_granted_scopes"] == "true",
            next.IdToken,
            time.GetUtcNow() + CodeLifetime));
        return Redirect(redirectUri, ("state", stateParameter), ("code", code), ("scope", string.Join(' ', scopes)), ("authuser", "0"), ("prompt", "consent"));
    }

    private static IResult Redirect(string redirectUri, params (string Name, string Value)[] parameters) =>
        Results.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters.Where(p => p.Value.Length > 0).Select(p => KeyValuePair.Create(p.Name, (string?)p.Value))));

    private static IResult ErrorPage(int status, string error, string description) =>
        Results.Content($"<!doctype html><title>Error</title><h1>Access blocked: Authorization Error</h1><p>Error {status}: {error}</p><p>{System.Net.WebUtility.HtmlEncode(description)}</p>", "text/html", statusCode: status);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
