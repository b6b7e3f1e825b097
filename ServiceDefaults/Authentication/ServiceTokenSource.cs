using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Client;

namespace AgentCalls.ServiceDefaults.Authentication;

/// <summary>
/// This service's own access token at Identity (client credentials as <see cref="ClientId"/>, asking for
/// <see cref="Scope"/>), kept until a minute before it expires (halfway, for a shorter lifetime) and fetched once however
/// many callers wait. Registered by <see cref="ServiceTokenExtensions.AddServiceTokens{TOptions}"/>.
/// </summary>
public sealed class ServiceTokenSource(IServiceProvider services, string clientId, string scope, string clientSecret, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? current;

    public string ClientId => clientId;

    public string Scope => scope;

    /// <summary>Whether this service was given its client's secret; without it Identity issues it no token.</summary>
    public bool IsConfigured => clientSecret.Length > 0;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } cached && cached.RenewAt > time.GetUtcNow())
        {
            return cached.Token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } fresh && fresh.RenewAt > time.GetUtcNow())
            {
                return fresh.Token;
            }

            var result = await services.GetRequiredService<OpenIddictClientService>().AuthenticateWithClientCredentialsAsync(new()
            {
                Scopes = [scope],
                CancellationToken = cancellationToken,
            });
            var now = time.GetUtcNow();
            var expiresAt = result.AccessTokenExpirationDate ?? now.AddMinutes(5);
            // Renew a minute early, or halfway through a shorter lifetime, so a short-lived token is still reused.
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, (expiresAt - now).Ticks / 2));
            current = (result.AccessToken, expiresAt - margin);
            return result.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The token as gRPC metadata: <c>Authorization: Bearer …</c>.</summary>
    public async Task<global::Grpc.Core.Metadata> HeadersAsync(CancellationToken cancellationToken) =>
        new() { { "Authorization", $"Bearer {await GetAsync(cancellationToken)}" } };
}
