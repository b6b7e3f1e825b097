using k8s;

namespace AgentCalls.Deploy.Tests;

public sealed class KustomizeTests
{
    [Theory]
    [MemberData(nameof(KubernetesObjectsTests.Folders), MemberType = typeof(KubernetesObjectsTests))]
    public async Task Kustomize_RendersStrictlyDecodableObjects(string folder)
    {
        if (!DeployFolder.OnPath("kubectl"))
        {
            Assert.Skip("kubectl 1.21+ is not installed: the rendering of the overlays is not checked here.");
        }
        var (exitCode, output) = await DeployFolder.Run("kubectl", "kustomize", Path.Combine(DeployFolder.Kubernetes, folder));
        Assert.True(exitCode == 0, output);
        var objects = KubernetesYaml.LoadAllFromString(output, strict: true);
        Assert.Contains(objects, o => o is k8s.Models.V1Deployment { Metadata.NamespaceProperty: "agentcalls" });
    }
}
