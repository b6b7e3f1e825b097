using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentCalls.Contracts.Identity.V1;
using Grpc.Net.Client;

namespace AgentCalls.TestSupport;

/// <summary>Asks Identity's token endpoint for a service token (client credentials), as Calendar.Service and Conversation.Service do.</summary>
public static class ServiceTokens
{
    public const string CalendarClientId = "agentcalls-calendar";
    public const string ConversationClientId = "agentcalls-conversation";
    public const string TranscriptionStreamScope = "transcription.stream";

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
    public static Task<Grpc.Core.Metadata> CalendarServiceBearerAsync(Uri issuer, CancellationToken cancellationToken, string secret = IdentityServerInstance.CalendarServiceSecret) =>
        BearerAsync(issuer, CalendarClientId, secret, "google.tokens", cancellationToken);

    /// <summary>A token for Conversation.Service's client (by default with the transcription.stream scope), as gRPC metadata.</summary>
    public static Task<Grpc.Core.Metadata> ConversationServiceBearerAsync(Uri issuer, CancellationToken cancellationToken, string scope = TranscriptionStreamScope) =>
        BearerAsync(issuer, ConversationClientId, IdentityServerInstance.ConversationServiceSecret, scope, cancellationToken);

    /// <summary>A service token Identity issued, as gRPC metadata; throws when Identity refuses it.</summary>
    public static async Task<Grpc.Core.Metadata> BearerAsync(Uri issuer, string clientId, string secret, string scope, CancellationToken cancellationToken)
    {
        var (status, body) = await RequestAsync(issuer, clientId, secret, scope, cancellationToken);
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
