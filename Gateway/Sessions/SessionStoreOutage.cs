using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace AgentCalls.Gateway.Sessions;

/// <summary>
/// Sessions live in Redis: while it is down no request can be tied to its agent. The browser gets a 503 that says so
/// and when to try again, rather than a 500 that reads as a fault of the app; nothing else is affected.
/// </summary>
public sealed partial class SessionStoreOutage(IProblemDetailsService problems, ILogger<SessionStoreOutage> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (RedisConnectionException or RedisTimeoutException))
        {
            return false;
        }

        LogSessionStoreDown(logger, exception.GetType().Name);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Sessions are unavailable for a moment",
                Detail = $"The session store does not answer. Try again in {RetryAfterSeconds} seconds; nothing was changed.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The session store (Redis) did not answer ({Error}); answered 503")]
    private static partial void LogSessionStoreDown(ILogger logger, string error);
}
