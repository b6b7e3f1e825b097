using AgentCalls.Eventing;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AgentCalls.TestSupport;

/// <summary>Puts an event on its Redis stream as another service's outbox relay would, for the service under test to consume.</summary>
public static class EventStreamPublishing
{
    public static async Task PublishEventAsync(this IServiceProvider services, IMessage @event)
    {
        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        var type = @event.Descriptor.FullName;
        await redis.GetDatabase().StreamAddAsync(EventStreams.For(type),
        [
            new NameValueEntry(EventStreams.IdField, Guid.CreateVersion7().ToString()),
            new NameValueEntry(EventStreams.TypeField, type),
            new NameValueEntry(EventStreams.PayloadField, @event.ToByteArray()),
            new NameValueEntry(EventStreams.OccurredAtField, DateTimeOffset.UtcNow.ToString("O")),
            new NameValueEntry(EventStreams.TraceParentField, ""),
        ]);
    }
}
