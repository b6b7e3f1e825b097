using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AgentCalls.ServiceDefaults.Grpc;

public static class StreamingGrpcClients
{
    /// <summary>
    /// A gRPC client for long-lived streaming calls (a call's transcription stream). Every other HttpClient gets the
    /// standard resilience handler from the service defaults; a stream must not: its 10 s attempt timeout runs until the
    /// response headers, which a stream may send only with its first message, and its retries would resend a stream
    /// already half sent. No call-context propagation either: the stream outlives the request that opened it.
    /// </summary>
    public static IHttpClientBuilder AddStreamingGrpcClient<TClient>(this IServiceCollection services, Uri address) where TClient : ClientBase
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is the documented way to take the standard handler off one client.
        return services.AddGrpcClient<TClient>(grpc => grpc.Address = address).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}
