using AgentCalls.Contracts.Conversation.V1;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// One call the service holds while it runs and until its log is saved: who it is with, what was said, and the
/// connection (if any) the browser follows it on. Everything in it is also written to conversationdb as it changes
/// (<see cref="CallStore"/>), so another process can rebuild it; only the connection and the transcription stream are
/// this process's alone. Members are guarded by the session itself; read them through the methods.
/// </summary>
public sealed class CallSession(Guid agentId, ClientContext client, string? calendarEventId, DateTimeOffset startedAt, Guid? id = null)
{
    private readonly Lock gate = new();
    private readonly List<TranscriptEntry> transcript = [];
    private readonly List<string> notes = [];
    private LiveConnection? connection;
    private readonly TaskCompletionSource<CallDraft> draft = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool saved;

    public Guid Id { get; } = id ?? Guid.CreateVersion7();

    public Guid AgentId { get; } = agentId;

    public ClientContext Client { get; } = client;

    public string? CalendarEventId { get; } = calendarEventId;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset? EndedAt { get; private set; }

    public CallState State => EndedAt is null ? CallState.Live : CallState.Ended;

    public CallDraft? Draft => draft.Task.IsCompletedSuccessfully ? draft.Task.Result : null;

    /// <summary>Completes with the draft once the ended call's audio has stopped and its last utterances are in.</summary>
    public Task<CallDraft> DraftReady => draft.Task;

    /// <summary>The outcome the agent set during the call (a confirmed set_outcome); the draft proposes it.</summary>
    public CallOutcome? ChosenOutcome { get; set; }

    /// <summary>The actions proposed during the call and what became of them.</summary>
    public Actions.CallActions Actions { get; } = new();

    /// <summary>The call's stream to Transcription once audio arrived; replaced when it fails. Guarded by <see cref="AudioGate"/>.</summary>
    public TranscriptionRelay? Relay { get; set; }

    /// <summary>When the last stream to Transcription failed, so a broken service is not asked again on every frame.</summary>
    public DateTimeOffset? RelayFailedAt { get; set; }

    public SemaphoreSlim AudioGate { get; } = new(1, 1);

    /// <summary>Orders the writes of the call's notes and actions, so an older snapshot never lands last.</summary>
    public SemaphoreSlim StateGate { get; } = new(1, 1);

    /// <summary>
    /// The bearer header of the connection that follows the call on this process, for the assistant's reading tools (free
    /// slots) that ask another service as the agent. Never stored; null until a socket connects.
    /// </summary>
    public string? Authorization { get; set; }

    /// <summary>Muted channels: their audio is dropped before it reaches transcription.</summary>
    public MutedChannels Muted { get; } = new();

    public IReadOnlyList<TranscriptEntry> Transcript()
    {
        lock (gate)
        {
            return [.. transcript];
        }
    }

    public void AddFinal(TranscriptEntry entry)
    {
        lock (gate)
        {
            transcript.Add(entry);
        }
    }

    public IReadOnlyList<string> Notes()
    {
        lock (gate)
        {
            return [.. notes];
        }
    }

    public void AddNote(string note)
    {
        lock (gate)
        {
            notes.Add(note);
        }
    }

    /// <summary>Marks the call ended (its audio is refused from now on); false when it had already ended.</summary>
    public bool TryEnd(DateTimeOffset endedAt)
    {
        lock (gate)
        {
            if (EndedAt is not null)
            {
                return false;
            }

            EndedAt = endedAt;
            return true;
        }
    }

    public void SetDraft(CallDraft value) => draft.TrySetResult(value);

    /// <summary>Claims the saving of the call's log; false when it is already saved or being saved.</summary>
    public bool TryClaimSave()
    {
        lock (gate)
        {
            if (saved)
            {
                return false;
            }

            saved = true;
            return true;
        }
    }

    /// <summary>Gives the claim back after a save that failed, so it can be tried again.</summary>
    public void ReleaseSave()
    {
        lock (gate)
        {
            saved = false;
        }
    }

    /// <summary>
    /// Makes <paramref name="next"/> the connection the call is followed on; returns the connection it replaces (a second tab takes the call over), if any.
    /// </summary>
    public LiveConnection? Attach(LiveConnection next)
    {
        lock (gate)
        {
            var previous = connection;
            connection = next;
            return previous;
        }
    }

    /// <summary>Forgets <paramref name="leaving"/>; false when another connection has taken the call since.</summary>
    public bool Detach(LiveConnection leaving)
    {
        lock (gate)
        {
            if (connection != leaving)
            {
                return false;
            }

            connection = null;
            return true;
        }
    }

    /// <summary>Whether a browser follows the call on this process.</summary>
    public bool IsAttended
    {
        get
        {
            lock (gate)
            {
                return connection is not null;
            }
        }
    }

    /// <summary>Sends a message to the browser following the call, if one is connected; nothing is queued for later.</summary>
    public Task PushAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        LiveConnection? current;
        lock (gate)
        {
            current = connection;
        }

        return current?.SendAsync(message, cancellationToken) ?? Task.CompletedTask;
    }
}
