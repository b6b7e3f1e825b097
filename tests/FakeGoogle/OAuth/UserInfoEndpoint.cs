using System.Net.Http.Headers;

namespace AgentCalls.FakeGoogle.OAuth;

public static class UserInfoEndpoint
{
    public static IEndpointRouteBuilder MapUserInfoEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/userinfo", (HttpContext http, FakeGoogleState state, TimeProvider time) =>
        {
            var token = AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header) && header.Scheme == "Bearer" ? header.Parameter : null;
            var issued = token is null ? null : state.FindAccessToken(token, time.GetUtcNow());
            if (issued is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Results.Json(new { error = "invalid_request", error_description = "Invalid Credentials" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            var user = state.FindUser(issued.Subject)!;
            return Results.Json(new Dictionary<string, object> { ["sub"] = user.Subject, ["name"] = user.Name, ["email"] = user.Email, ["email_verified"] = true });
        });
        return app;
    }
}
