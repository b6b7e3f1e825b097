using AgentCalls.AppHost.LocalServers;
using AgentCalls.TestSupport;
using Npgsql;

namespace AgentCalls.AppHost.Tests;

/// <summary>
/// The AppHost's own Postgres wrapper, run as Aspire runs it, from a checkout in a folder only root can enter (root's
/// home, a <c>mktemp -d</c> folder): it must start and keep its data across restarts.
/// </summary>
public sealed class PrivateFolderPostgresTests : IDisposable
{
    private readonly DirectoryInfo checkout = Directory.CreateTempSubdirectory("agentcalls-private-checkout-");

    [Fact]
    public async Task PostgresWrapper_CheckoutInAPrivateFolderAsRoot_StartsAndKeepsItsDataAcrossRestarts()
    {
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "Only root meets this: as another user Postgres runs as that user.");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(checkout.FullName));
        var workingDirectory = Directory.CreateDirectory(Path.Combine(checkout.FullName, "AppHost")).FullName;
        var data = PostgresDataDirectory.Choose(Path.Combine(checkout.FullName, ".data", "postgres"), runsAsRoot: true);
        Assert.DoesNotContain(checkout.FullName, data);
        var port = FreePort.Next();
        var connectionString = $"{DatabaseServers.PostgresConnectionStringFor(port)};Database=postgres;Pooling=false";
        try
        {
            await using (await DatabaseServers.StartPostgresAsync(data, port, workingDirectory))
            {
                await ExecuteAsync(connectionString, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
            }

            await using (await DatabaseServers.StartPostgresAsync(data, port, workingDirectory))
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var read = new NpgsqlCommand("SELECT note FROM kept", connection);
                Assert.Equal("still here", await read.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            }
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    public void Dispose() => checkout.Delete(recursive: true);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
