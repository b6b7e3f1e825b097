using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using FeedBase = AgentCalls.Contracts.Calendar.V1.Feed.FeedBase;

namespace AgentCalls.Calendar.Service.Feed;

public sealed class FeedGrpcService(CurrentAgent agent, FeedStore feeds) : FeedBase
{
    public override Task<CalendarFeed> GetCalendarFeed(GetCalendarFeedRequest request, ServerCallContext context) =>
        feeds.GetAsync(agent.Id, context.CancellationToken);

    public override Task<CalendarFeed> RegenerateCalendarFeed(RegenerateCalendarFeedRequest request, ServerCallContext context) =>
        feeds.RegenerateAsync(agent.Id, context.CancellationToken);
}
