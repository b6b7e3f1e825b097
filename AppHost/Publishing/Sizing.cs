namespace AgentCalls.AppHost.Publishing;

/// <summary>
/// Requests, limits and scaling per workload, shared by Kubernetes and Container Apps. Memory is a starting point
/// above what the services hold idle under the AppHost (~120–200 MB per .NET service, ~90 MB for the web app);
/// Transcription carries the speech models. Operators tune them in an overlay.
/// </summary>
public sealed record Sizing(string Cpu, string Memory, string MemoryLimit, int MinReplicas, int MaxReplicas)
{
    /// <summary>The workloads that scale out with load: the front door and the two on the live-call path.</summary>
    public static readonly string[] Autoscaled = ["gateway", "conversation", "transcription"];

    public bool Autoscales { get; init; }

    public static Sizing For(Workload workload)
    {
        var sizing = workload.Name switch
        {
            "transcription" => new Sizing("250m", "512Mi", "1Gi", 2, 8),
            _ when workload.Kind == WorkloadKind.Node => new Sizing("100m", "128Mi", "256Mi", 1, 1),
            _ => new Sizing("100m", "256Mi", "512Mi", 2, 6),
        };
        return Autoscaled.Contains(workload.Name) ? sizing with { Autoscales = true } : sizing with { MaxReplicas = sizing.MinReplicas };
    }
}
