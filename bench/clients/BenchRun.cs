using System.Diagnostics;
using AgentCalls.Bench.Support;
using Npgsql;

namespace AgentCalls.Bench.Clients;

/// <summary>
/// The whole benchmark, in order: the system; the books (the measured agent's and the other agents'); call-queue and
/// search latency (unless <c>--import-only</c>); two imports of different sizes, each beside a binary COPY of the same
/// rows into the service's own tables and a raw COPY of the file into a plain table; the report. Generated files live
/// in a temporary folder that is removed at the end, whatever happens.
/// </summary>
public static class BenchRun
{
    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var folder = Directory.CreateTempSubdirectory("agentcalls-bench-clients-");
        try
        {
            Console.WriteLine("Starting Postgres, Redis, Identity (in this process) and Clients.Service (Release, its own process) ...");
            await using var system = await ClientsSystem.StartAsync();
            var agent = await system.SignInAsync("Benchmark agent", cancellationToken);

            var clock = Stopwatch.StartNew();
            var book = new FakeBook(1, "A", now).Clients(options.Clients, options.Policies).ToList();
            await BookWriter.WriteAsync(system.Database, agent.AgentId, book, cancellationToken);
            for (var other = 0; other < options.OtherAgents; other++)
            {
                var otherAgent = await system.SignInAsync($"Other agent {other + 1}", cancellationToken);
                var otherBook = new FakeBook(100 + other, "O", now).Clients(options.OtherClients, options.OtherPolicies).ToList();
                await BookWriter.WriteAsync(system.Database, otherAgent.AgentId, otherBook, cancellationToken);
            }

            await BookWriter.AnalyzeAsync(system.Database, cancellationToken);
            Console.WriteLine($"Book written with binary COPY in {clock.Elapsed.TotalSeconds:F1} s: {options.Clients:N0} clients and {options.Policies:N0} policies for the measured agent, "
                + $"{options.OtherAgents} other agents with {options.OtherClients:N0} clients and {options.OtherPolicies:N0} policies each.");

            var report = new ClientsReport(options) { BookWrite = clock.Elapsed };
            if (!options.ImportOnly)
            {
                Console.WriteLine("Measuring the call queue and search through the gRPC API, one call at a time ...");
                report.Queue = await QueryLatency.CallQueueAsync(system.Channel, system.Database, agent, options.QueueCalls, cancellationToken);
                report.Search = await QueryLatency.SearchAsync(system.Channel, agent, SearchQueries.From(book, 5), options.SearchRounds, cancellationToken);
            }

            foreach (var rows in new[] { options.SmallImportRows, options.LargeImportRows })
            {
                var path = Path.Combine(folder.FullName, $"book-{rows}.csv");
                var clients = ImportFile.Clients(new FakeBook(rows, "I", now), rows);
                await ImportFile.WriteAsync(path, clients, cancellationToken);
                Console.WriteLine($"Importing {rows:N0} rows ({new FileInfo(path).Length / (1024.0 * 1024):F0} MiB CSV) through upload + import worker, "
                    + "then the same rows with binary COPY into the service's tables, then the file with raw COPY ...");
                var importer = await system.SignInAsync($"Importing agent {rows}", cancellationToken);
                var import = await ImportRun.RunAsync(system, importer, path, cancellationToken);
                // The relay may still be publishing the import's events: the COPY is timed on a database that has
                // nothing else to do, as the import started on one.
                var relayed = Stopwatch.StartNew();
                await WaitForOutboxAsync(system.Database, cancellationToken);
                relayed.Stop();
                var copier = await system.SignInAsync($"Copying agent {rows}", cancellationToken);
                var indexed = Stopwatch.StartNew();
                await BookWriter.WriteAsync(system.Database, copier.AgentId, clients, cancellationToken);
                indexed.Stop();
                var raw = await RawCopy.RunAsync(system.RawDatabase, path, cancellationToken);
                report.Imports.Add(new ImportComparison(import, relayed.Elapsed, indexed.Elapsed, raw));
                Console.WriteLine($"  import {import.Total.TotalSeconds:F1} s ({import.RowsPerSecond:N0} rows/s), events relayed {relayed.Elapsed.TotalSeconds:F1} s later, "
                    + $"binary COPY {indexed.Elapsed.TotalSeconds:F1} s, raw COPY {raw.TotalSeconds:F1} s");
                File.Delete(path);
            }

            report.Print();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task WaitForOutboxAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL");
        while ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            await Task.Delay(500, cancellationToken);
        }
    }
}
