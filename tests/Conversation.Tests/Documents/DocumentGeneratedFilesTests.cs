using System.Net;
using AgentCalls.TestSupport;
using AgentCalls.TestSupport.BadInput;
using CsCheck;

namespace AgentCalls.Conversation.Tests.Documents;

/// <summary>Generated documents (issue #16, "bad input changes nothing"): refused with a reason and nothing stored, or indexed; never a 5xx or a failed upload.</summary>
public sealed class DocumentGeneratedFilesTests(ConversationServiceHost host)
{
    [Fact]
    public async Task Upload_GeneratedDocuments_AreRefusedWithAReasonAndStoreNothingOrAreIndexed()
    {
        var agent = await host.SignInAsync("Doc Dubious", cancellationToken: TestContext.Current.CancellationToken);

        await BadDocuments.Files.CheckAsync("BadDocuments.Files", 60, async file =>
        {
            var before = await AgentTables.ChecksumsAsync(host.ServiceDatabaseConnectionString, agent.AgentId, TestContext.Current.CancellationToken);
            var upload = await host.UploadAsync(agent, file.Item1, file.Item2);

            Assert.True((int)upload.Status < 500, $"upload answered {(int)upload.Status}: {upload.Lines[0]}");
            if (upload.Status != HttpStatusCode.OK)
            {
                Assert.NotEmpty(upload.Lines[0].TryGetProperty("detail", out var detail) ? detail.GetString()! : upload.Lines[0].GetProperty("errors").ToString());
                Assert.Equal(before, await AgentTables.ChecksumsAsync(host.ServiceDatabaseConnectionString, agent.AgentId, TestContext.Current.CancellationToken));
                return;
            }

            Assert.Equal("done", upload.Lines[^1].GetProperty("stage").GetString());
        }, print: file => $"{file.Item1[..Math.Min(80, file.Item1.Length)]}: {Convert.ToHexString(file.Item2.AsSpan(0, Math.Min(200, file.Item2.Length)))}");
    }

    [Fact]
    public async Task Upload_ANameLongerThanATitleKeeps_Is400NamingNameAndStoresNothing()
    {
        var agent = await host.SignInAsync("Lena Longname", cancellationToken: TestContext.Current.CancellationToken);

        var upload = await host.UploadAsync(agent, new string('n', 2_000) + ".md", "# Flood cover\nWater damage is covered."u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.True(upload.Lines[0].GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(0, await AgentTables.CountAsync(host.ServiceDatabaseConnectionString, agent.AgentId, TestContext.Current.CancellationToken));
    }
}
