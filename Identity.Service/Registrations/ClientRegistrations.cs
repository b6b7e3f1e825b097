using AgentCalls.Identity.Service.Hosting;
using AgentCalls.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.Registrations;

/// <summary>The applications allowed to ask Identity for tokens.</summary>
public static class ClientRegistrations
{
    /// <summary>A public client for API clients and scripts: code flow with PKCE, redirected to a loopback listener.</summary>
    public const string CliClientId = "agentcalls-cli";
    public static readonly Uri CliRedirectUri = new("http://127.0.0.1:7890/callback");

    public const string ApiScope = "api";

    /// <summary>Google access tokens of any agent, for background work: Calendar's service token only.</summary>
    public const string GoogleTokensScope = ServiceClients.GoogleTokensScope;

    /// <summary>Transcription's live stream, opened for a named agent: Conversation's service token only.</summary>
    public const string TranscriptionStreamScope = ServiceClients.TranscriptionStreamScope;

    public static OpenIddictApplicationDescriptor Gateway(GatewayClientOptions gateway) =>
        WithCodeFlow(new OpenIddictApplicationDescriptor
        {
            ClientId = GatewayClientOptions.ClientId,
            ClientSecret = gateway.ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "AgentCalls web app (gateway)",
            RedirectUris = { gateway.RedirectUri },
            PostLogoutRedirectUris = { gateway.PostLogoutRedirectUri },
        });

    public static OpenIddictApplicationDescriptor Cli() =>
        WithCodeFlow(new OpenIddictApplicationDescriptor
        {
            ClientId = CliClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "AgentCalls API clients",
            RedirectUris = { CliRedirectUri },
        });

    /// <summary>Calendar.Service: client credentials only, limited to <see cref="GoogleTokensScope"/>.</summary>
    public static OpenIddictApplicationDescriptor CalendarService(ServiceClientOptions calendar) =>
        ServiceClient(ServiceClients.CalendarClientId, calendar, "AgentCalls calendar sync (Calendar.Service)", GoogleTokensScope);

    /// <summary>Conversation.Service: client credentials only, limited to <see cref="TranscriptionStreamScope"/>.</summary>
    public static OpenIddictApplicationDescriptor ConversationService(ServiceClientOptions conversation) =>
        ServiceClient(ServiceClients.ConversationClientId, conversation, "AgentCalls live calls (Conversation.Service)", TranscriptionStreamScope);

    private static OpenIddictApplicationDescriptor ServiceClient(string clientId, ServiceClientOptions options, string displayName, string scope) => new()
    {
        ClientId = clientId,
        ClientSecret = options.ClientSecret,
        ClientType = ClientTypes.Confidential,
        DisplayName = displayName,
        Permissions =
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.ClientCredentials,
            Permissions.Prefixes.Scope + scope,
        },
    };

    private static OpenIddictApplicationDescriptor WithCodeFlow(OpenIddictApplicationDescriptor descriptor)
    {
        descriptor.ConsentType = ConsentTypes.Implicit;
        foreach (var permission in new[]
        {
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.Revocation,
            Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile,
            Permissions.Scopes.Email,
            Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            Permissions.Prefixes.Scope + ApiScope,
        })
        {
            descriptor.Permissions.Add(permission);
        }

        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return descriptor;
    }
}
