using System.Text;

namespace AgentCalls.AppHost.Diagnostics;

/// <summary>How the system's start ended: every resource up, or which ones were not, with what they printed last.</summary>
public sealed record StartupReport(bool Succeeded, string Text)
{
    /// <summary>
    /// Names the resources that failed first (the cause), then the ones still not up (mostly waiting for them), each with
    /// its last output lines.
    /// </summary>
    public static StartupReport Failure(string reason, IEnumerable<ResourceStatus> statuses, Func<string, IReadOnlyList<string>> outputOf)
    {
        var text = new StringBuilder($"AgentCalls did not start: {reason}.");
        var notUp = statuses.Where(status => !status.IsUp).OrderBy(status => status.HasFailed ? 0 : 1).ThenBy(status => status.Name).ToList();
        // When some failed, the rest are mostly waiting for them: their output would bury the cause.
        var anyFailed = notUp.Any(status => status.HasFailed);
        foreach (var status in notUp)
        {
            text.Append($"\n{status.Name} is {status.Describe()}");
            if (anyFailed && !status.HasFailed)
            {
                continue;
            }

            var output = outputOf(status.Name);
            text.Append(output.Count == 0 ? "; it printed nothing." : $"; its last lines:\n    {string.Join("\n    ", output)}");
        }

        return new StartupReport(false, text.ToString());
    }
}
