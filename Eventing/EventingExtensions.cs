using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Polly;
using Polly.Retry;

namespace AgentCalls.Eventing;

public static class EventingExtensions
{
    /// <summary>
    /// Publishes the context's outbox to Redis streams. Subscribe handlers on the returned builder.
    /// The context must call <see cref="EventingModelExtensions.AddEventingTables"/> in its model.
    /// </summary>
    public static EventingBuilder<TContext> AddEventing<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddOptions<EventingOptions>()
            .BindConfiguration(EventingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddResiliencePipeline(OutboxRelay<TContext>.PipelineName, pipeline => pipeline.AddRetry(new RetryStrategyOptions
        {
            // Redis or Postgres unavailable: keep the events in the outbox and try again, backing off to 5 s.
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(5),
        }));
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return new EventingBuilder<TContext>(builder.Services);
    }
}

/// <summary>Declares which events a service consumes and who handles them.</summary>
public sealed class EventingBuilder<TContext>(IServiceCollection services) where TContext : DbContext
{
    public EventingBuilder<TContext> Subscribe<TEvent, THandler>()
        where TEvent : IMessage<TEvent>, new()
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddHostedService<EventConsumer<TContext, TEvent, THandler>>();
        return this;
    }
}
