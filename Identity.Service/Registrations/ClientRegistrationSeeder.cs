using AgentCalls.Identity.Service.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace AgentCalls.Identity.Service.Registrations;

/// <summary>Makes the registered applications match configuration at every start (redirect URIs, secret).</summary>
public sealed class ClientRegistrationSeeder(IServiceScopeFactory scopes, IOptions<IdentityOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await UpsertAsync(applications, ClientRegistrations.Gateway(options.Value.Gateway), cancellationToken);
        await UpsertAsync(applications, ClientRegistrations.Cli(), cancellationToken);
        if (options.Value.CalendarService.ClientSecret.Length > 0)
        {
            await UpsertAsync(applications, ClientRegistrations.CalendarService(options.Value.CalendarService), cancellationToken);
        }
        else if (await applications.FindByClientIdAsync(CalendarServiceClientOptions.ClientId, cancellationToken) is { } stale)
        {
            // No secret configured: no background calendar sync, and no client left over from an earlier configuration.
            await applications.DeleteAsync(stale, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
