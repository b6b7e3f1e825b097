using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Client;

namespace AgentCalls.ServiceDefaults.Authentication;

public static class ServiceTokenExtensions
{
    /// <summary>
    /// This service as a confidential client of Identity in its own name (client credentials as
    /// <paramref name="clientId"/>, scope <paramref name="scope"/>; see <see cref="ServiceClients"/>), its secret read
    /// from its own options by <paramref name="secret"/>; <see cref="ServiceTokenSource"/> hands out the token.
    /// </summary>
    public static IServiceCollection AddServiceTokens<TOptions>(this IServiceCollection services, string clientId, string scope, Func<TOptions, string> secret)
        where TOptions : class
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOpenIddict().AddClient(client =>
        {
            client.AllowClientCredentialsFlow();
            client.DisableTokenStorage();
            // Client credentials need no signing or encryption of the client's own; OpenIddict insists on having keys.
            client.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            client.UseSystemNetHttpOnce();
        });
        services.AddOptions<OpenIddictClientOptions>()
            .Configure<IOptions<AuthOptions>, IOptions<TOptions>>((client, auth, options) => client.Registrations.Add(new OpenIddictClientRegistration
            {
                Issuer = auth.Value.Issuer,
                ClientId = clientId,
                ClientSecret = secret(options.Value),
                Scopes = { scope },
            }));
        services.AddSingleton(provider => new ServiceTokenSource(
            provider, clientId, scope, secret(provider.GetRequiredService<IOptions<TOptions>>().Value), provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
