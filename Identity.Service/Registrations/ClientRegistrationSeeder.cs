using AgentCalls.Identity.Service.Hosting;
using AgentCalls.ServiceDefaults.Authentication;
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
        await SyncServiceClientAsync(applications, ServiceClients.CalendarClientId, options.Value.CalendarService, ClientRegistrations.CalendarService, cancellationToken);
        await SyncServiceClientAsync(applications, ServiceClients.ConversationClientId, options.Value.ConversationService, ClientRegistrations.ConversationService, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Registers a service's own client when its secret is configured, and removes one left from an earlier configuration otherwise.</summary>
    private static async Task SyncServiceClientAsync(
        IOpenIddictApplicationManager applications, string clientId, ServiceClientOptions client, Func<ServiceClientOptions, OpenIddictApplicationDescriptor> descriptor,
        CancellationToken cancellationToken)
    {
        if (client.ClientSecret.Length > 0)
        {
            await UpsertAsync(applications, descriptor(client), cancellationToken);
        }
        else if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } stale)
        {
            // No secret configured: the service cannot use its client, and none is left over from an earlier configuration.
            await applications.DeleteAsync(stale, cancellationToken);
        }
    }

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
