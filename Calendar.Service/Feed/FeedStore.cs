using System.Security.Cryptography;
using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Hosting;
using AgentCalls.Contracts.Calendar.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentCalls.Calendar.Service.Feed;

/// <summary>
/// The agent's feed address: <c>/api/calendar/feeds/{token}.ics</c> on the app's origin, the token 256 random bits,
/// made on first ask and replaced (the old address dead at once) on regenerate.
/// </summary>
public sealed class FeedStore(CalendarDbContext db, IOptions<CalendarOptions> options, TimeProvider time)
{
    public const string PathPrefix = "/api/calendar/feeds/";

    public async Task<CalendarFeed> GetAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.AsNoTracking().FirstOrDefaultAsync(f => f.AgentId == agentId, cancellationToken);
        if (feed is not null)
        {
            return ToMessage(feed);
        }

        // Made only if none exists: a first ask never replaces the address another first ask just answered with.
        db.Feeds.Add(new CalendarFeedAccess { AgentId = agentId, Token = NewToken(), CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another first ask made the feed at the same moment: its address is the agent's.
            db.ChangeTracker.Clear();
        }

        return ToMessage(await db.Feeds.AsNoTracking().FirstAsync(f => f.AgentId == agentId, cancellationToken));
    }

    public async Task<CalendarFeed> RegenerateAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.FirstOrDefaultAsync(f => f.AgentId == agentId, cancellationToken);
        if (feed is null)
        {
            feed = new CalendarFeedAccess { AgentId = agentId, Token = "" };
            db.Feeds.Add(feed);
        }

        feed.Token = NewToken();
        feed.CreatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ToMessage(feed);
    }

    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public Task<Guid?> FindAgentAsync(string token, CancellationToken cancellationToken) =>
        db.Feeds.AsNoTracking().Where(f => f.Token == token).Select(f => (Guid?)f.AgentId).FirstOrDefaultAsync(cancellationToken);

    private CalendarFeed ToMessage(CalendarFeedAccess feed) => new()
    {
        Url = new Uri(options.Value.AppBaseUrl, $"{PathPrefix.TrimStart('/')}{feed.Token}.ics").ToString(),
        CreatedAt = Timestamp.FromDateTimeOffset(feed.CreatedAt),
    };
}
