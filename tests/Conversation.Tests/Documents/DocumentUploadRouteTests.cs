using AgentCalls.Conversation.Service.Documents;
using AgentCalls.TestSupport;

namespace AgentCalls.Conversation.Tests.Documents;

/// <summary>The gateway's limit on the upload route and the service's own agree (<see cref="GatewayRoutes.UploadMargin"/>).</summary>
public sealed class DocumentUploadRouteTests
{
    [Fact]
    public void GatewayUploadRoute_BoundsTheBodyAtTheServicesLimitPlusTheMargin() =>
        Assert.Equal(new DocumentsOptions().MaxDocumentBytes + GatewayRoutes.UploadMargin, GatewayRoutes.MaxRequestBodySize("conversation-document-upload"));
}
