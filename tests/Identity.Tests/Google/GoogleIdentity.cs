using AgentCalls.Contracts.Identity.V1;
using AgentCalls.FakeGoogle;
using AgentCalls.TestSupport;
using Grpc.Net.Client;

namespace AgentCalls.Identity.Tests.Google;

/// <summary>
/// Identity in Production with Google configured against the fake (so sign-in goes straight to Google, with
/// no development page), on the test assembly's Postgres and Redis.
/// </summary>
public sealed class GoogleIdentity(IdentityHost shared) : IAsyncLifetime
{
    public GoogleFake Google { get; private set; } = null!;

    public IdentityServerInstance Identity { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public GrpcChannel Channel { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Google = GoogleFake.Start();
        DatabaseConnectionString = await shared.Servers.CreateDatabaseAsync("identity_google");
        Identity = IdentityServerInstance.Start(DatabaseConnectionString, shared.Servers.RedisConnectionString, "Production", Google.IdentitySettings());
        await Google.RegisterClientAsync(new Uri(Identity.Issuer, "callback/google"));
        Channel = GrpcChannel.ForAddress(Identity.GrpcAddress);
    }

    /// <summary>Signs a Google account in through the real code flow (the CLI client, PKCE) and returns its tokens.</summary>
    public async Task<SignedInAgent> SignInAsync(FakeUser user, CancellationToken cancellationToken)
    {
        await Google.NextAuthorizationAsync(new NextAuthorization { Subject = user.Subject });
        return await IdentityHost.SignInAsync(Identity.Issuer, user.Name, user.Email, cancellationToken);
    }

    /// <summary>The agent presses "Connect Google Calendar": Identity's one-time link, Google's consent, back to Settings.</summary>
    public Task<Uri> ConnectCalendarAsync(SignedInAgent agent, FakeUser user, CancellationToken cancellationToken) =>
        GoogleCalendarConnect.ConnectAsync(Channel, Identity.Issuer, agent, user, cancellationToken);

    /// <summary>The agent's Google access token, asked for as Calendar.Service does while serving the agent.</summary>
    public Task<GetGoogleAccessTokenResponse> GoogleAccessTokenAsync(SignedInAgent agent, CancellationToken cancellationToken, string rejectedAccessToken = "") =>
        ServiceTokens.GoogleAccessTokenForCallerAsync(Channel, Identity.Issuer, agent, cancellationToken, rejectedAccessToken);

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        await Identity.DisposeAsync();
        await Google.DisposeAsync();
    }
}
