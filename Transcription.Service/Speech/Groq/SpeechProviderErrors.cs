using System.ClientModel;
using System.Text.Json;
using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;

namespace AgentCalls.Transcription.Service.Speech.Groq;

/// <summary>What the provider's refusals mean for the caller, with the provider's own words.</summary>
public static class SpeechProviderErrors
{
    public static RpcException From(ClientResultException e, GroqOptions options)
    {
        var said = ProviderMessage(e) ?? e.Message;
        return e.Status switch
        {
            400 or 415 => FieldViolations.Single("audio", $"was refused by the speech provider as unsupported media: {said}"),
            413 => new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The speech provider refused a file as too large ({said}); set Transcription:Groq:MaxUploadBytes to its limit (now {options.MaxUploadBytes} bytes).")),
            401 or 403 => new RpcException(new Status(StatusCode.FailedPrecondition, $"The speech provider at {options.BaseUrl} refused the API key (Transcription:Groq:ApiKey): {said}")),
            429 => new RpcException(new Status(StatusCode.Unavailable, $"The speech provider is rate limiting this deployment and retries did not get through: {said}")),
            _ => new RpcException(new Status(StatusCode.Unavailable, $"The speech provider failed ({e.Status}): {said}")),
        };
    }

    /// <summary>The <c>error.message</c> of an OpenAI-style error body, when there is one.</summary>
    private static string? ProviderMessage(ClientResultException e)
    {
        try
        {
            var body = e.GetRawResponse()?.Content;
            if (body is null)
            {
                return null;
            }

            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message) ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
