using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace AgentCalls.ServiceDefaults.Authentication;

/// <summary>
/// OpenIddict's HTTP clients (discovery, keys, tokens) with one layer of retries: they are named HttpClients, so the
/// service defaults' standard resilience handler already retries, times out and breaks them. OpenIddict's own retry
/// pipeline sat inside that handler as well, and against a failing server waited out each of its attempts: a refresh
/// from a failing Google token endpoint took 30 s and ended as Unknown.
/// </summary>
public static class OpenIddictHttp
{
    public static OpenIddictClientSystemNetHttpBuilder UseSystemNetHttpOnce(this OpenIddictClientBuilder client) =>
        client.UseSystemNetHttp().SetHttpResiliencePipeline(ResiliencePipeline<HttpResponseMessage>.Empty);

    public static OpenIddictValidationSystemNetHttpBuilder UseSystemNetHttpOnce(this OpenIddictValidationBuilder validation) =>
        validation.UseSystemNetHttp().SetHttpResiliencePipeline(ResiliencePipeline<HttpResponseMessage>.Empty);
}
