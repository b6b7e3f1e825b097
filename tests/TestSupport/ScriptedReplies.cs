namespace AgentCalls.TestSupport;

/// <summary>
/// A fake's scripted replies, each for the next request that carries a marker (or every one of several markers), so
/// tests sharing one fake get their own replies in the order they scripted them.
/// </summary>
public sealed class ScriptedReplies<TReply> where TReply : class
{
    private readonly Queue<(string[] Markers, TReply Reply)> scripted = new();

    public void Add(string marker, IEnumerable<TReply> replies) => Add([marker], replies);

    /// <summary>Replies for requests that carry all of <paramref name="markers"/>.</summary>
    public void Add(string[] markers, IEnumerable<TReply> replies)
    {
        lock (scripted)
        {
            foreach (var reply in replies)
            {
                scripted.Enqueue((markers, reply));
            }
        }
    }

    /// <summary>Takes the first reply whose markers <paramref name="request"/> contains; the others keep their order.</summary>
    public TReply? Take(string request)
    {
        lock (scripted)
        {
            TReply? found = null;
            var count = scripted.Count;
            for (var i = 0; i < count; i++)
            {
                var entry = scripted.Dequeue();
                if (found is null && entry.Markers.All(marker => request.Contains(marker, StringComparison.Ordinal)))
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
