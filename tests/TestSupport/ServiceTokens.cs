using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentCalls.Contracts.Identity.V1;
using Grpc.Net.Client;

namespace AgentCalls.TestSupport;

/// <summary>Asks Identity's token endpoint for a service token (client credentials), as Calendar.Service does.</summary>
public static class ServiceTokens
{
    public const string CalendarClientId = "agentcalls-calendar";

    public static async Task<(HttpStatusCode Status, JsonElement Body)> RequestAsync(
        Uri issuer, string clientId, string secret, string scope, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(issuer, "connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }), cancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
    }

    /// <summary>A token for Calendar.Service's client with the google.tokens scope, as gRPC metadata.</summary>
    public static async Task<Grpc.Core.Metadata> CalendarServiceBearerAsync(Uri issuer, CancellationToken cancellationToken, string secret = IdentityServerInstance.CalendarServiceSecret)
    {
        var (status, body) = await RequestAsync(issuer, CalendarClientId, secret, "google.tokens", cancellationToken);
        return status == HttpStatusCode.OK
            ? new Grpc.Core.Metadata { { "Authorization", $"Bearer {body.GetProperty("access_token").GetString()}" } }
            : throw new InvalidOperationException($"Identity refused the service token: {body}");
    }

    /// <summary>
    /// What Calendar.Service does while serving an agent's request: asks for the agent's Google access token with its
    /// own token, passing the agent's token along.
    /// </summary>
    public static async Task<GetGoogleAccessTokenResponse> GoogleAccessTokenForCallerAsync(
        GrpcChannel identity, Uri issuer, SignedInAgent agent, CancellationToken cancellationToken, string rejectedAccessToken = "", string secret = IdentityServerInstance.CalendarServiceSecret) =>
        await new GoogleTokens.GoogleTokensClient(identity).GetGoogleAccessTokenAsync(
            new GetGoogleAccessTokenRequest { AgentAccessToken = agent.AccessToken, RejectedAccessToken = rejectedAccessToken },
            await CalendarServiceBearerAsync(issuer, cancellationToken, secret),
            cancellationToken: cancellationToken);
}
