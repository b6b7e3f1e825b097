using AgentCalls.Calendar.Service.Google;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace AgentCalls.Calendar.Service.Providers;

/// <summary>The gRPC errors scheduling answers when the calendar cannot take the change.</summary>
public static class CalendarErrors
{
    public const string Domain = "calendar.agentcalls";

    public static RpcException ReconnectRequired(string message) =>
        Precondition(GoogleAccessUnavailableException.ReconnectRequired, $"{message} Connect Google Calendar again in Settings.");

    public static RpcException From(GoogleAccessUnavailableException e) => Precondition(e.Reason, e.Message);

    /// <summary>
    /// Google refused a change: calendar access not granted (connect again and allow it); Google busy, failing or
    /// refusing a fresh token (Unavailable: try again, after its Retry-After, given as RetryInfo, when it sent one); or
    /// a request Google does not take, which is this service's fault (Internal).
    /// </summary>
    public static RpcException From(GoogleApiException e)
    {
        if (e.IsMissingPermission)
        {
            return ReconnectRequired("Google did not grant AgentCalls access to the calendar.");
        }

        if (!(e.IsRateLimited || e.IsTokenRefused || (int)e.Status >= 500))
        {
            return new RpcException(new Grpc.Core.Status(StatusCode.Internal, e.Message));
        }

        var status = new global::Google.Rpc.Status
        {
            Code = (int)Code.Unavailable,
            Message = $"Google Calendar did not take the change just now ({(int)e.Status}); try again"
                + (e.RetryAfter is { } wait ? $" in {Math.Ceiling(wait.TotalSeconds)} s." : "."),
        };
        if (e.RetryAfter is { } retryAfter)
        {
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }));
        }

        return status.ToRpcException();
    }

    public static RpcException SlotTaken(string message) => Precondition("SLOT_TAKEN", message);

    public static RpcException Precondition(string reason, string message) =>
        new global::Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }) },
        }.ToRpcException();

    /// <summary>A write that met a concurrent one it cannot settle; trying again is safe.</summary>
    public static RpcException Aborted(string message) => new(new Grpc.Core.Status(StatusCode.Aborted, message));

    /// <summary>A sync was asked for moments ago: ResourceExhausted, with when to ask again as RetryInfo.</summary>
    public static RpcException SyncAskedTooSoon(TimeSpan wait)
    {
        var seconds = Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        return new global::Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = $"A sync with Google Calendar was asked for moments ago; ask again in {seconds} s.",
            Details =
            {
                Any.Pack(new ErrorInfo { Reason = "SYNC_ASKED_TOO_SOON", Domain = Domain }),
                Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(seconds)) }),
            },
        }.ToRpcException();
    }
}
