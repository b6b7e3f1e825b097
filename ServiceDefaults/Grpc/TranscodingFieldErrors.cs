using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;

namespace AgentCalls.ServiceDefaults.Grpc;

/// <summary>
/// Makes JSON transcoding's own refusals name the field, as the service's validation does: when a transcoded call is
/// answered 400 InvalidArgument with no details (transcoding could not read the request), the answer is replaced by one
/// with the <see cref="UnreadableRequestFields"/> as <c>BadRequest</c> field violations. Only a 400 is held back to be
/// read; every other answer, streamed ones included, passes straight through.
/// </summary>
public static class TranscodingFieldErrors
{
    private static readonly JsonParser StatusParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true).WithTypeRegistry(GrpcApiExtensions.ErrorDetailTypes));
    private static readonly JsonFormatter StatusFormatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(GrpcApiExtensions.ErrorDetailTypes));

    public static WebApplication UseTranscodingFieldErrors(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } transcoded)
            {
                await next(context);
                return;
            }

            context.Request.EnableBuffering();
            var original = context.Response.Body;
            var refusal = new RefusalHoldingStream(context.Response, original);
            context.Response.Body = refusal;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            if (refusal.Held is { } held)
            {
                await original.WriteAsync(await NamedAsync(context, transcoded, held.ToArray()), context.RequestAborted);
            }
        });
        return app;
    }

    private static async Task<byte[]> NamedAsync(HttpContext context, GrpcJsonTranscodingMetadata transcoded, byte[] answer)
    {
        Google.Rpc.Status status;
        try
        {
            status = StatusParser.Parse<Google.Rpc.Status>(System.Text.Encoding.UTF8.GetString(answer));
        }
        catch (InvalidProtocolBufferException)
        {
            return answer;
        }

        if (status.Code != (int)Google.Rpc.Code.InvalidArgument || status.Details.Count > 0)
        {
            return answer;
        }

        context.Request.Body.Position = 0;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var violations = UnreadableRequestFields.Find(transcoded.MethodDescriptor, transcoded.HttpRule, context.Request.Query, body.ToArray());
        if (violations.IsEmpty)
        {
            return answer;
        }

        context.Response.ContentLength = null;
        return System.Text.Encoding.UTF8.GetBytes(StatusFormatter.Format(violations.ToStatus()));
    }

    /// <summary>Passes writes through, unless the answer is a 400 when it is first written: then it holds the whole answer.</summary>
    private sealed class RefusalHoldingStream(HttpResponse response, Stream inner) : Stream
    {
        private Stream? target;

        public MemoryStream? Held { get; private set; }

        private Stream Target => target ??= response.StatusCode == StatusCodes.Status400BadRequest ? Held = new MemoryStream() : inner;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Target.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => Target.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Target.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => target?.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => target?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
