using System.Net;

namespace AgentCalls.Calendar.Service.Google;

/// <summary>Google Calendar answered with an error: its status, Google's reason ("fullSyncRequired", "rateLimitExceeded" …) and Retry-After.</summary>
public sealed class GoogleApiException(HttpStatusCode status, string? reason, string message, TimeSpan? retryAfter)
    : Exception($"Google Calendar answered {(int)status} {reason}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    public string? Reason { get; } = reason;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// Google asks to slow down: 429, or 403 with reason rateLimitExceeded, userRateLimitExceeded or quotaExceeded (the
    /// project's Calendar usage limit, for which Google's advice is the same exponential backoff).
    /// </summary>
    public bool IsRateLimited => IsRateLimit(Status, Reason);

    /// <summary>The sync token (or page token) is no longer valid: a full sync is needed.</summary>
    public bool IsSyncTokenGone => Status == HttpStatusCode.Gone;

    /// <summary>A page token Google no longer knows (expired, or from before a change): 400 invalid, or 410.</summary>
    public bool IsPageTokenRejected => Status == HttpStatusCode.Gone || (Status == HttpStatusCode.BadRequest && Reason == "invalid");

    /// <summary>The event is not there: never was (404), or deleted (410).</summary>
    public bool IsGone => Status is HttpStatusCode.NotFound or HttpStatusCode.Gone;

    /// <summary>Google refused the access token (401): revoked at Google, or ended before its time.</summary>
    public bool IsTokenRefused => Status == HttpStatusCode.Unauthorized;

    /// <summary>The agent did not grant Calendar access (unticked it on Google's consent screen).</summary>
    public bool IsMissingPermission => Status == HttpStatusCode.Forbidden && Reason is "insufficientPermissions" or "forbidden";

    public static bool IsRateLimit(HttpStatusCode status, string? reason) =>
        status == HttpStatusCode.TooManyRequests
        || (status == HttpStatusCode.Forbidden && reason is "rateLimitExceeded" or "userRateLimitExceeded" or "quotaExceeded");
}
