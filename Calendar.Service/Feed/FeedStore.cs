using System.Security.Cryptography;
using AgentCalls.Calendar.Service.Data;
using AgentCalls.Calendar.Service.Hosting;
using AgentCalls.Contracts.Calendar.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
        return feed is null ? await RegenerateAsync(agentId, cancellationToken) : ToMessage(feed);
    }

    public async Task<CalendarFeed> RegenerateAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var feed = await db.Feeds.FirstOrDefaultAsync(f => f.AgentId == agentId, cancellationToken);
        if (feed is null)
        {
            feed = new CalendarFeedAccess { AgentId = agentId, Token = "" };
            db.Feeds.Add(feed);
        }

        feed.Token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        feed.CreatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ToMessage(feed);
    }

    public Task<Guid?> FindAgentAsync(string token, CancellationToken cancellationToken) =>
        db.Feeds.AsNoTracking().Where(f => f.Token == token).Select(f => (Guid?)f.AgentId).FirstOrDefaultAsync(cancellationToken);

    private CalendarFeed ToMessage(CalendarFeedAccess feed) => new()
    {
        Url = new Uri(options.Value.AppBaseUrl, $"{PathPrefix.TrimStart('/')}{feed.Token}.ics").ToString(),
        CreatedAt = Timestamp.FromDateTimeOffset(feed.CreatedAt),
    };
}
