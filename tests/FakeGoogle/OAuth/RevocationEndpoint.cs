namespace AgentCalls.FakeGoogle.OAuth;

/// <summary>Google's revocation endpoint: the token may come in the form or the query; revoking it ends the whole grant.</summary>
public static class RevocationEndpoint
{
    public static IEndpointRouteBuilder MapRevocationEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/revoke", async (HttpContext http, FakeGoogleState state) =>
        {
            var token = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync())["token"].ToString() : "";
            if (token.Length == 0)
            {
                token = http.Request.Query["token"].ToString();
            }

            return state.Revoke(token)
                ? Results.Json(new { })
                : Results.Json(new { error = "invalid_token", error_description = "Token expired or revoked" }, statusCode: StatusCodes.Status400BadRequest);
        }).DisableAntiforgery();
        return app;
    }
}
