using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AgentCalls.TestSupport;

/// <summary>The bare web app an HTTP fake runs on: a free loopback port, no configuration files, no logging.</summary>
public static class FakeHost
{
    public static (WebApplication App, Uri Origin) Create()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        // The test folder's appsettings.json holds the services' Kestrel endpoints, which would win over ours.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = $"http://127.0.0.1:{port}" });
        builder.Logging.ClearProviders();
        return (builder.Build(), new Uri($"http://127.0.0.1:{port}/"));
    }
}
