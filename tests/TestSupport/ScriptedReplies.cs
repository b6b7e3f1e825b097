namespace AgentCalls.TestSupport;

/// <summary>
/// A fake's scripted replies, each for the next request that carries a marker, so tests sharing one fake get their
/// own replies in the order they scripted them.
/// </summary>
public sealed class ScriptedReplies<TReply> where TReply : class
{
    private readonly Queue<(string Marker, TReply Reply)> scripted = new();

    public void Add(string marker, IEnumerable<TReply> replies)
    {
        lock (scripted)
        {
            foreach (var reply in replies)
            {
                scripted.Enqueue((marker, reply));
            }
        }
    }

    /// <summary>Takes the first reply whose marker <paramref name="request"/> contains; the others keep their order.</summary>
    public TReply? Take(string request)
    {
        lock (scripted)
        {
            TReply? found = null;
            var count = scripted.Count;
            for (var i = 0; i < count; i++)
            {
                var entry = scripted.Dequeue();
                if (found is null && request.Contains(entry.Marker, StringComparison.Ordinal))
                {
                    found = entry.Reply;
                }
                else
                {
                    scripted.Enqueue(entry);
                }
            }

            return found;
        }
    }
}
