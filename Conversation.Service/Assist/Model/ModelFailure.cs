using System.ClientModel;
using AgentCalls.Conversation.Service.Ai;

namespace AgentCalls.Conversation.Service.Assist.Model;

/// <summary>Why a model call failed, in words an agent can act on, for the <c>error</c> message on the call's socket.</summary>
public static class ModelFailure
{
    public static string Describe(string what, Exception failure) => $"{what} failed: {Reason(failure)}. The call goes on.";

    private static string Reason(Exception failure) => failure switch
    {
        ClientResultException { Status: 429 } => "the model's provider is rate limiting (429 Too Many Requests), also after waiting as it asked",
        ClientResultException { Status: > 0 } e => $"the model's provider answered {e.Status}",
        LlmCallLimitExceededException e => $"the limit on model calls per minute is reached until {e.RetryAt:HH:mm:ss} UTC",
        IOException or HttpRequestException { InnerException: IOException } or ClientResultException { InnerException: IOException } =>
            "the model's response was cut off before it finished",
        TimeoutException or OperationCanceledException => "the model's provider did not answer in time",
        HttpRequestException or ClientResultException => "the model's provider could not be reached",
        _ => "the model call failed",
    };
}
