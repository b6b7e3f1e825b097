namespace AgentCalls.AppHost.Diagnostics;

/// <summary>The last lines a resource printed, kept to explain its failure.</summary>
public sealed class OutputTail(int capacity = 30)
{
    private readonly Queue<string> lines = new();

    public void Add(string line)
    {
        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > capacity)
            {
                lines.Dequeue();
            }
        }
    }

    public void ReplaceWith(IReadOnlyList<string> all)
    {
        lock (lines)
        {
            lines.Clear();
            foreach (var line in all.TakeLast(capacity))
            {
                lines.Enqueue(line);
            }
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (lines)
        {
            return [.. lines];
        }
    }
}
