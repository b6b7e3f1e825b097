using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentCalls.ServiceDefaults.Grpc;

public static class GrpcApiExtensions
{
    /// <summary>The <c>google.rpc</c> error details services attach, so transcoding can write them as JSON.</summary>
    public static readonly TypeRegistry ErrorDetailTypes = TypeRegistry.FromMessages(
        BadRequest.Descriptor, ErrorInfo.Descriptor, PreconditionFailure.Descriptor, ResourceInfo.Descriptor,
        RetryInfo.Descriptor, QuotaFailure.Descriptor, Help.Descriptor, LocalizedMessage.Descriptor, DebugInfo.Descriptor);

    /// <summary>gRPC with JSON transcoding (the browser's REST face of the same contract) and gRPC health.</summary>
    public static TBuilder AddGrpcApi<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services
            .AddGrpc(options =>
            {
                options.EnableDetailedErrors = builder.Environment.IsDevelopment();
                options.Interceptors.Add<UnstorableTextInterceptor>();
            })
            .AddJsonTranscoding(transcoding => transcoding.TypeRegistry = ErrorDetailTypes);
        builder.Services.AddGrpcHealthChecks();
        return builder;
    }

    public static WebApplication MapGrpcHealth(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }
}
