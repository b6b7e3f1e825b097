using AgentCalls.TestSupport;
using AgentCalls.Transcription.Service.Recordings;

namespace AgentCalls.Transcription.Tests;

/// <summary>The gateway's limit on the upload route and the service's own agree (<see cref="GatewayRoutes.UploadMargin"/>).</summary>
public sealed class RecordingUploadRouteTests
{
    [Fact]
    public void GatewayUploadRoute_BoundsTheBodyAtTheServicesLimitPlusTheMargin() =>
        Assert.Equal(new RecordingsOptions().MaxBytes + GatewayRoutes.UploadMargin, GatewayRoutes.MaxRequestBodySize("transcription-recording-upload"));
}
