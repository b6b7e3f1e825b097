using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AgentCalls.Deploy.Tests.Smoke;
using AgentCalls.TestSupport;

namespace AgentCalls.Deploy.Tests;

/// <summary>
/// The images scripts/build-images.sh makes, run with podman as the manifests' Deployments (see <see cref="ImageSmoke"/>):
/// what each image holds, and one signed-in request through the gateway that reaches a service and its database.
/// Where podman cannot run a container, the tests that need one are skipped, saying why.
/// </summary>
public sealed class ImageSmokeTests(ImageSmoke smoke) : IClassFixture<ImageSmoke>
{
    private const string Libraries = "usr/lib/x86_64-linux-gnu";

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignedInRequest_ThroughTheGateway_ReachesClientsAndItsDatabase()
    {
        SkipWhenPodmanCannotRun();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = smoke.Gateway };

        var arrived = await smoke.WithLogsOnFailureAsync(["gateway", "identity"], () => DevelopmentSignIn.FollowAsync(
            browser, new Uri(smoke.Gateway, "/bff/login?returnUrl=%2Ftoday"), url => url.Port == smoke.Gateway.Port && url.AbsolutePath == "/today",
            "Sam Smoke", $"sam.smoke.{Guid.NewGuid():N}@example.com", Cancel));
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/clients") { Content = JsonContent.Create(new { displayName = "Cleo Container" }) };
        create.Headers.Add("X-CSRF", "1");
        using var created = await browser.SendAsync(create, Cancel);
        var answer = await created.Content.ReadAsStringAsync(Cancel);
        Assert.True(created.StatusCode == HttpStatusCode.OK, $"{(int)created.StatusCode}: {answer}");
        var id = JsonDocument.Parse(answer).RootElement.GetProperty("clientId").GetString();
        var stored = await browser.GetFromJsonAsync<JsonElement>($"/api/clients/{id}", Cancel);

        Assert.Equal("/today", arrived.AbsolutePath);
        Assert.Equal("Cleo Container", stored.GetProperty("displayName").GetString());
        TestContext.Current.SendDiagnosticMessage($"Images built in {smoke.BuildTook}; containers ready in {smoke.StartTook}.");
    }

    [Fact]
    public async Task WebImage_ServesTheStandaloneBuild_ThroughTheGateway()
    {
        SkipWhenPodmanCannotRun();
        using var http = new HttpClient { BaseAddress = smoke.Gateway };

        using var page = await http.GetAsync("/", Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task EveryImage_RunsAsUid1654()
    {
        foreach (var image in smoke.Images)
        {
            await Podman.RequireAsync("pull", "-q", image);
            Assert.StartsWith("1654", (await Podman.RequireAsync("image", "inspect", "--format", "{{.Config.User}}", image)).Trim());
        }
    }

    [Fact]
    public async Task WebImage_HasItsStandaloneServerNodeAndAHealthCheck()
    {
        var image = Image("web");
        await Podman.RequireAsync("pull", "-q", image);
        var healthcheck = await Podman.RequireAsync("image", "inspect", "--format", "{{json .Config.Healthcheck}}", image);
        var root = await smoke.MountAsync(image);

        Assert.True(File.Exists(Path.Combine(root, "app/server.js")), "server.js");
        Assert.True(File.Exists(Path.Combine(root, "usr/bin/node")), "node");
        Assert.True(Directory.Exists(Path.Combine(root, "app/.next-standalone/static")), "static files");
        Assert.Contains("/app/healthcheck.js", healthcheck);
        Assert.True(File.Exists(Path.Combine(root, "app/healthcheck.js")), "healthcheck.js");
    }

    [Fact]
    public async Task TranscriptionImage_CarriesPocketSphinxItsModelAndTheVadModel()
    {
        var image = Image("transcription");
        await Podman.RequireAsync("pull", "-q", image);
        var root = await smoke.MountAsync(image);
        var vad = await Podman.RequireAsync("image", "inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}", image);
        var vadPath = vad.Split('\n').Single(l => l.StartsWith("Transcription__Vad__ModelPath=", StringComparison.Ordinal)).Split('=')[1].Trim();

        foreach (var file in new[] { "libpocketsphinx.so.3", "libsphinxbase.so.3", "libespeak-ng.so.1", "libblas.so.3", "liblapack.so.3" })
        {
            Assert.True(File.Exists(Path.Combine(root, Libraries, file)), file);
        }

        foreach (var file in new[] { "en-us/mdef", "en-us.lm.bin", "cmudict-en-us.dict" })
        {
            Assert.True(File.Exists(Path.Combine(root, "usr/share/pocketsphinx/model/en-us", file)), file);
        }

        await using var model = File.OpenRead(Path.Combine(root, vadPath.TrimStart('/')));
        Assert.Equal("1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3", Convert.ToHexStringLower(await SHA256.HashDataAsync(model, Cancel)));
    }

    [Fact]
    public async Task TranscriptionImage_ResolvesEveryLibraryPocketSphinxAndEspeakLink()
    {
        SkipWhenPodmanCannotRun();
        foreach (var library in new[] { "libpocketsphinx.so.3", "libsphinxbase.so.3", "libespeak-ng.so.1" })
        {
            var (exitCode, output) = await Podman.RunAsync(
                "run", "--rm", "--network", "none", "--entrypoint", "/lib64/ld-linux-x86-64.so.2", Image("transcription"), "--list", $"/{Libraries}/{library}");

            Assert.True(exitCode == 0 && !output.Contains("not found"), $"{library}:\n{output}");
        }
    }

    private string Image(string workload) => smoke.Workloads.Single(w => w.Name == workload).Image;

    private void SkipWhenPodmanCannotRun()
    {
        if (smoke.CannotRun is { } reason)
        {
            Assert.Skip($"podman cannot run containers on this machine, so no image ran: {reason}");
        }
    }
}
