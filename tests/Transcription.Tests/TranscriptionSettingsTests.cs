using System.Net;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using static AgentCalls.Transcription.Tests.LiveStream;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Transcription.Tests;

/// <summary>The agent's choice of engine: kept per agent, checked against what the deployment offers, and used by their streams.</summary>
public sealed class TranscriptionSettingsTests(TranscriptionServiceHost host)
{
    [Fact]
    public async Task GetSettings_NewAgent_UsesTheDeploymentsDefaultAndListsTheOfferedEngines()
    {
        var agent = await SignInAsync("Nell Newsettings");

        var settings = (await host.Transcription.GetSettingsAsync(new GetSettingsRequest(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken)).Settings;

        Assert.Equal(("", "pocketsphinx", "pocketsphinx"), (settings.Engine, settings.EngineInUse, settings.DefaultEngine));
        Assert.Equal(["groq", "pocketsphinx"], settings.AvailableEngines);
    }

    [Fact]
    public async Task UpdateSettings_Groq_IsWhatGetSettingsAndGetUsageThenReport()
    {
        var agent = await SignInAsync("Gus Groqfan");

        var saved = await UpdateAsync(agent, "GROQ");
        var read = (await host.Transcription.GetSettingsAsync(new GetSettingsRequest(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken)).Settings;

        Assert.Equal(("groq", "groq"), (saved.Engine, saved.EngineInUse));
        Assert.Equal(saved, read);
        Assert.Equal("groq", (await host.GetUsageAsync(agent, new GetUsageRequest())).Engine);
    }

    [Fact]
    public async Task UpdateSettings_EmptyEngine_GoesBackToTheDeploymentsDefault()
    {
        var agent = await SignInAsync("Dee Default");
        await UpdateAsync(agent, "groq");

        var saved = await UpdateAsync(agent, "");

        Assert.Equal(("", "pocketsphinx"), (saved.Engine, saved.EngineInUse));
    }

    [Theory]
    [InlineData("whisper-9000")]
    [InlineData("a-very-long-engine-name-that-no-deployment-has-ever-offered-anywhere")]
    public async Task UpdateSettings_UnknownEngine_IsInvalidArgumentOnEngineAndChangesNothing(string engine)
    {
        var agent = await SignInAsync("Una Unknown");
        await UpdateAsync(agent, "groq");

        var fields = await RpcAssert.InvalidArgumentAsync(() => UpdateAsync(agent, engine));

        Assert.Equal(["engine"], fields);
        Assert.Equal("groq", (await host.Transcription.GetSettingsAsync(new GetSettingsRequest(), agent.Bearer, cancellationToken: TestContext.Current.CancellationToken)).Settings.Engine);
    }

    [Fact]
    public async Task UpdateSettings_OneAgentsChoice_IsNotAnotherAgents()
    {
        var ann = await SignInAsync("Ann Chooser");
        var bob = await SignInAsync("Bob Bystander");

        await UpdateAsync(ann, "groq");

        var bobs = (await host.Transcription.GetSettingsAsync(new GetSettingsRequest(), bob.Bearer, cancellationToken: TestContext.Current.CancellationToken)).Settings;
        Assert.Equal(("", "pocketsphinx"), (bobs.Engine, bobs.EngineInUse));
    }

    [Fact]
    public async Task StreamTranscription_NamingNoEngine_UsesTheAgentsChoice()
    {
        var agent = await SignInAsync("Cass Chosen");
        var marker = $"marker-{Guid.NewGuid():N}";
        host.Groq.Reply(marker, FakeTranscriptionReply.Text("chosen engine"));
        await UpdateAsync(agent, "groq");
        short[] audio = [.. SpokenAudio.Silence(0.5), .. await SpokenAudio.SayAsync("thank you for calling"), .. SpokenAudio.Silence(1)];

        var responses = await RunAsync(host, agent, [Settings([ProtoChannel.Agent], marker), .. Interleaved((ProtoChannel.Agent, audio))]);

        Assert.Equal("chosen engine", FinalText(responses, ProtoChannel.Agent));
        Assert.Single(host.Groq.RequestsWithPrompt(marker));
    }

    [Fact]
    public async Task Settings_ThroughRest_RoundTripAndABadEngineIs400NamingTheField()
    {
        var agent = await SignInAsync("Rhea Restful");
        var cancel = TestContext.Current.CancellationToken;

        var put = await host.Rest.SendJsonAsync(HttpMethod.Put, "/api/transcription/settings", new { engine = "groq" }, agent, cancel);
        var get = await host.Rest.GetJsonAsync("/api/transcription/settings", agent, cancel);
        var bad = await host.Rest.SendJsonAsync(HttpMethod.Put, "/api/transcription/settings", new { engine = "nonesuch" }, agent, cancel);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (put.StatusCode, get.StatusCode));
        Assert.Equal("groq", get.Body.GetProperty("settings").GetProperty("engineInUse").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["engine"], bad.ViolatedFields());
    }

    private Task<SignedInAgent> SignInAsync(string name) => host.SignInAsync(name, cancellationToken: TestContext.Current.CancellationToken);

    private async Task<TranscriptionSettings> UpdateAsync(SignedInAgent agent, string engine) =>
        (await host.Transcription.UpdateSettingsAsync(
            new UpdateSettingsRequest { Settings = new TranscriptionSettings { Engine = engine } }, agent.Bearer, cancellationToken: TestContext.Current.CancellationToken)).Settings;
}
