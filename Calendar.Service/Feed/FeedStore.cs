using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Hosting;
using AgentCalls.Calendar.Service.Security;
using AgentCalls.Contracts.Calendar.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentCalls.Calendar.Service.Feed;

/// <summary>
/// The agent's feed address: <c>/api/calendar/feeds/{token}.ics</c> on the app's origin, the token 256 random bits,
/// made on first ask and replaced (the old address dead at once) on regenerate. Only the token's hash is kept, so the
/// address is answered only when made; asked again, the feed answers when it was made and no address.
/// </summary>
public sealed class FeedStore(CalendarDbContext db, IOptions<CalendarOptions> options, TimeProvider time)
{
    public const string PathPrefix = "/api/calendar/feeds/";

    public async Task<CalendarFeed> GetAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.AsNoTracking().FirstOrDefaultAsync(f => f.AgentId == agentId, cancellationToken);
        if (feed is not null)
        {
            return ToMessage(feed, token: null);
        }

        // Made only if none exists: a first ask never replaces the address another first ask just answered with.
        var token = SecretTokens.New();
        db.Feeds.Add(new CalendarFeedAccess { AgentId = agentId, TokenHash = SecretTokens.Hash(token), CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ToMessage(await db.Feeds.AsNoTracking().FirstAsync(f => f.AgentId == agentId, cancellationToken), token);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another first ask made the feed at the same moment and was answered with its address.
            db.ChangeTracker.Clear();
            return ToMessage(await db.Feeds.AsNoTracking().FirstAsync(f => f.AgentId == agentId, cancellationToken), token: null);
        }
    }

    public async Task<CalendarFeed> RegenerateAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.FirstOrDefaultAsync(f => f.AgentId == agentId, cancellationToken);
        if (feed is null)
        {
            feed = new CalendarFeedAccess { AgentId = agentId, TokenHash = "" };
            db.Feeds.Add(feed);
        }

        var token = SecretTokens.New();
        feed.TokenHash = SecretTokens.Hash(token);
        feed.CreatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ToMessage(feed, token);
    }

    public Task<Guid?> FindAgentAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(token);
        return db.Feeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (Guid?)f.AgentId).FirstOrDefaultAsync(cancellationToken);
    }

    private CalendarFeed ToMessage(CalendarFeedAccess feed, string? token) => new()
    {
        Url = token is null ? "" : new Uri(options.Value.AppBaseUrl, $"{PathPrefix.TrimStart('/')}{token}.ics").ToString(),
        CreatedAt = Timestamp.FromDateTimeOffset(feed.CreatedAt),
    };
}
