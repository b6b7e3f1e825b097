using System.Diagnostics;
using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.Clients.Service.Standards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentCalls.Clients.Service.CallQueue;

/// <summary>
/// Ranks each agent's book for their new day shortly after their midnight, so that the day's first read of the queue
/// finds the ranking made, as every other read does, instead of ranking the whole book itself. Every
/// <see cref="CallQueueOptions.PrerankInterval"/> it looks for agents whose ranking is for a day that has ended in
/// their time zone, oldest first, at most <see cref="CallQueueOptions.PrerankBatchSize"/> a pass, and brings each up to
/// date through <see cref="CallQueueRefresh"/>, the same code a read runs. Only agents who have read their queue have a
/// ranking to keep. An agent whose refresh is already under way (a read, or another replica's preranker) is skipped,
/// not waited for, so nothing is ranked twice and replicas spread the agents between them. A pass that finds nothing
/// records no trace (its queries are root database spans, which <c>QuietPollingProcessor</c> drops); each agent ranked
/// is one trace.
/// </summary>
public sealed partial class CallQueuePreranker(
    IServiceScopeFactory scopes, IOptions<CallQueueOptions> options, TimeProvider time, ILogger<CallQueuePreranker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("AgentCalls.Clients.CallQueue");

    /// <summary>
    /// What one pass did: how many agents were due (up to the batch size), and how many of them it brought up to date
    /// (or found brought up to date by a read just before); the others were skipped, under way elsewhere, or failed.
    /// </summary>
    public readonly record struct Pass(int Due, int Ranked);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PrerankInterval, time);
        do
        {
            try
            {
                await PrerankAllDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is (NpgsqlException or TimeoutException) && !stoppingToken.IsCancellationRequested)
            {
                LogDatabaseUnavailable(logger, e);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Passes until none is full: every agent whose day has turned is ranked, however many, unless a pass ranks none of
    /// its batch (all under way elsewhere, or failing), which would only find the same agents again. Answers how many
    /// were ranked.
    /// </summary>
    public async Task<int> PrerankAllDueAsync(CancellationToken cancellationToken)
    {
        var ranked = 0;
        Pass pass;
        do
        {
            pass = await PrerankAsync(cancellationToken);
            ranked += pass.Ranked;
        }
        while (pass.Due == options.Value.PrerankBatchSize && pass.Ranked > 0);

        return ranked;
    }

    /// <summary>One pass: ranks up to a batch of the agents whose day has turned since their book was last ranked.</summary>
    public async Task<Pass> PrerankAsync(CancellationToken cancellationToken)
    {
        var due = await FindDueAsync(time.GetUtcNow(), cancellationToken);
        var ranked = 0;
        foreach (var agent in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await PrerankAsync(agent, cancellationToken))
            {
                ranked++;
            }
        }

        if (ranked > 0)
        {
            LogRanked(logger, ranked);
        }

        return new Pass(due.Length, ranked);
    }

    /// <summary>
    /// The agents whose ranking is for a day before their today, oldest first. "Today" is worked out here, per time
    /// zone the agents use, as a read works it out (<see cref="TimeZones.Today"/>), and handed to the query.
    /// </summary>
    private async Task<Guid[]> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientsDbContext>();
        var zones = (await db.Database.SqlQuery<string>($"""SELECT DISTINCT time_zone AS "Value" FROM book_settings""").ToListAsync(cancellationToken))
            .Append(BookSettings.DefaultTimeZone).Distinct().ToArray();
        var days = zones.Select(zone => TimeZones.Today(zone, now)).ToArray();
        return await db.Database.SqlQuery<Guid>($"""
            SELECT r.agent_id AS "Value"
            FROM call_queue_rankings AS r
            LEFT JOIN book_settings AS s ON s.agent_id = r.agent_id
            JOIN unnest({zones}::text[], {days}::date[]) AS z(time_zone, today) ON z.time_zone = coalesce(s.time_zone, {BookSettings.DefaultTimeZone})
            WHERE r.ranked_on < z.today
            ORDER BY r.ranked_on, r.agent_id
            LIMIT {options.Value.PrerankBatchSize}
            """).ToArrayAsync(cancellationToken);
    }

    /// <summary>Brings one agent's ranking up to date for their today; false if it was under way elsewhere or failed.</summary>
    private async Task<bool> PrerankAsync(Guid agent, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("call queue prerank");
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var book = await scope.ServiceProvider.GetRequiredService<BookSettingsStore>().GetAsync(agent, cancellationToken);
            var today = TimeZones.Today(book.TimeZone, time.GetUtcNow());
            activity?.SetTag("agentcalls.call_queue.day", today.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            var ranked = await scope.ServiceProvider.GetRequiredService<CallQueueRefresh>().TryBringUpToDateAsync(book, today, cancellationToken);
            activity?.SetTag("agentcalls.call_queue.skipped", !ranked);
            return ranked;
        }
        catch (Exception e) when (e is not (NpgsqlException { IsTransient: true } or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            // One agent's book failing to rank (its read would fail the same way) must not keep the others' from ranking.
            activity?.SetStatus(ActivityStatusCode.Error);
            LogAgentFailed(logger, e, agent);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call queues ranked ahead of their agents' new day: {Agents}.")]
    private static partial void LogRanked(ILogger logger, int agents);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ranking the call queue of agent {AgentId} ahead of their day failed; their first read ranks it.")]
    private static partial void LogAgentFailed(ILogger logger, Exception exception, Guid agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The call queue preranker cannot reach the database; trying again at the next interval.")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A call queue prerank pass failed; trying again at the next interval.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
