using System.Text;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.TestSupport;
using AgentCalls.TestSupport.BadInput;
using CsCheck;
using Grpc.Core;

namespace AgentCalls.Clients.Tests;

/// <summary>Generated import files (issue #16, "bad input changes nothing"): a clear refusal naming the field, or an import that ends.</summary>
public sealed class ImportGeneratedFilesTests(ClientsServiceHost host)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UploadAndImport_GeneratedFiles_AreRefusedNamingTheFieldOrImportedAndNeverA5xx()
    {
        var agent = await host.NewAgentAsync("Cass Csv");

        await BadCsv.Files.CheckAsync("BadCsv.Files", 60, async file =>
        {
            var before = await RowsAsync(agent);
            var upload = await host.UploadAsync(agent, file.Bytes);
            Assert.True((int)upload.StatusCode < 500, $"upload answered {(int)upload.StatusCode}: {upload.Body}");
            if ((int)upload.StatusCode >= 300)
            {
                Assert.NotEmpty(upload.Body.GetProperty("errors").EnumerateObject());
                Assert.Equal(before, await RowsAsync(agent));
                return;
            }

            var importId = upload.Body.GetProperty("importId").GetString()!;
            before = await RowsAsync(agent);
            try
            {
                var import = await host.RunImportAsync(agent, importId);
                Assert.True(import.Status is ImportStatus.Succeeded || (import.Status is ImportStatus.Failed && import.Error.Length > 0 && import.Error != Service.Import.Jobs.ImportWorker.UnexpectedFailure),
                    $"import ended as {import}");
            }
            catch (RpcException refused)
            {
                Assert.True(refused.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition, $"StartImport answered {refused.Status}");
                Assert.Equal(before, await RowsAsync(agent));
            }
        }, print: file => file.Item1.Length > 500 ? file.Item1[..500] + "…" : file.Item1);
    }

    [Fact]
    public async Task UploadAndImport_ANulCharacterInACell_ImportsItAsTheReplacementCharacter()
    {
        var agent = await host.NewAgentAsync("Nell Nul");

        var upload = await host.UploadAsync(agent, Encoding.UTF8.GetBytes("Na\0me,Email\nAnn\0Lee,ann@example.com\n"));
        var import = await host.RunImportAsync(agent, upload.Body.GetProperty("importId").GetString()!);

        Assert.Equal(ImportStatus.Succeeded, import.Status);
        Assert.Equal(["Ann\uFFFDLee"], (await host.AllClientsAsync(agent)).Select(c => c.DisplayName));
    }

    private Task<Dictionary<string, string>> RowsAsync(SignedInAgent agent) =>
        AgentTables.ChecksumsAsync(host.ServiceDatabaseConnectionString, agent.AgentId, Cancel);
}
