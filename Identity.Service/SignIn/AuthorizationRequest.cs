namespace AgentCalls.Identity.Service.SignIn;

/// <summary>Sign-in pages only ever send the browser back to this server's own authorization endpoint: no open redirect.</summary>
public static class AuthorizationRequest
{
    public static bool IsOwn(HttpContext http, string? returnUrl)
    {
        var authorize = http.Request.PathBase + "/connect/authorize";
        return returnUrl is not null
            && returnUrl.StartsWith(authorize + "?", StringComparison.Ordinal)
            && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative);
    }

    public static IResult NotOwn() =>
        Results.Problem(title: "Sign in from AgentCalls", detail: "returnUrl must be this server's authorization endpoint.", statusCode: StatusCodes.Status400BadRequest);
}
