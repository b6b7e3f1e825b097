namespace AgentCalls.FakeGoogle.Control;

/// <summary>
/// What tests do to the fake that, at the real Google, a person or Google itself would do: add accounts and
/// clients, choose who signs in next or press "Cancel", spoil the next id_token, remove the app's access from
/// an account; and what tests read back: how many token requests and revocations arrived.
/// </summary>
public static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/__fake");
        control.MapPost("/users", (FakeUser user, FakeGoogleState state) =>
        {
            state.AddUser(user);
            return Results.NoContent();
        });
        control.MapPost("/clients", (FakeClient client, FakeGoogleState state) =>
        {
            state.AddClient(client);
            return Results.NoContent();
        });
        control.MapPost("/next-authorization", (NextAuthorization next, FakeGoogleState state) =>
        {
            state.SetNextAuthorization(next);
            return Results.NoContent();
        });
        control.MapPost("/users/{subject}/revoke-access", (string subject, FakeGoogleState state) =>
        {
            state.RevokeAllGrantsOf(subject);
            return Results.NoContent();
        });
        control.MapPost("/access-token-lifetime", (AccessTokenLifetime lifetime, FakeGoogleState state) =>
        {
            state.AccessTokenLifetime = TimeSpan.FromSeconds(lifetime.Seconds);
            return Results.NoContent();
        });
        control.MapPost("/token-failures", (TokenFailures failures, FakeGoogleState state) =>
        {
            state.FailTokenRequests(failures.Count);
            return Results.NoContent();
        });
        control.MapGet("/requests", (FakeGoogleState state) => Results.Json(state.RequestCounts()));
        control.MapGet("/users/{subject}/tokens", (string subject, FakeGoogleState state) => Results.Json(state.TokensIssuedTo(subject)));
        return app;
    }

    public sealed record AccessTokenLifetime(int Seconds);

    public sealed record TokenFailures(int Count);
}
