using AgentCalls.Calendar.Service.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Client;

namespace AgentCalls.Calendar.Service.Google;

/// <summary>
/// This service's own access token at Identity (client credentials as <c>agentcalls-calendar</c>, scope
/// google.tokens), kept until a minute before it expires (halfway, for a shorter lifetime) and fetched once however many callers wait.
/// </summary>
public sealed class ServiceTokenSource(IServiceProvider services, IOptions<CalendarOptions> options, TimeProvider time)
{
    public const string ClientId = "agentcalls-calendar";
    public const string Scope = "google.tokens";

    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? current;

    public bool IsConfigured => options.Value.ServiceClientSecret.Length > 0;

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
                Scopes = [Scope],
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
}
