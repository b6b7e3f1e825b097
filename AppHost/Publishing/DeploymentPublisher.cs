using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace AgentCalls.AppHost.Publishing;

/// <summary>
/// After Aspire's manifest publisher has written <c>aspire-manifest.json</c>
/// (<c>--operation publish --publisher manifest --output-path DIR</c>), writes the Kubernetes and Container Apps
/// deployments from it into the same folder, so all three describe the one app model.
/// </summary>
public static partial class DeploymentPublisher
{
    public const string ManifestFile = "aspire-manifest.json";

    public static void WriteIfPublishing(IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsPublishMode || builder.Configuration["Publishing:Publisher"] != "manifest")
        {
            return;
        }
        var output = builder.Configuration["Pipeline:OutputPath"] ?? builder.Configuration["Publishing:OutputPath"]
            ?? throw new InvalidOperationException("Publishing needs --output-path.");
        Write(Path.GetFullPath(output));
    }

    public static void Write(string directory)
    {
        var manifestPath = Path.Combine(directory, ManifestFile);
        // Aspire names volumes after a hash of the AppHost's path; one name for every checkout keeps deploy/ comparable.
        var text = VolumePrefix().Replace(File.ReadAllText(manifestPath), "\"agentcalls-");
        File.WriteAllText(manifestPath, text);
        var manifest = JsonNode.Parse(text)!.AsObject();
        var model = AppModel.Read(manifest);
        foreach (var generated in new[] { "kubernetes", "azure" })
        {
            // Stale files of a removed service must not survive a publish.
            var path = Path.Combine(directory, generated);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        KubernetesWriter.Write(model, Path.Combine(directory, "kubernetes"));
        BicepWriter.Write(model, directory);
    }

    [GeneratedRegex("\"apphost-[0-9a-f]{10}-")]
    private static partial Regex VolumePrefix();
}
