using AgentCalls.Transcription.Service.Speech;
using AgentCalls.Transcription.Service.Speech.PocketSphinx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Tests;

/// <summary>
/// Lets a test catch a recording job in the middle: while armed, the second utterance of a job waits at its end until
/// the worker is stopped (its cancellation) or the gate is disarmed. Everything else is the real PocketSphinx engine.
/// </summary>
public sealed class SpeechGate
{
    private TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Armed { get; private set; }

    /// <summary>Completes when a job has reached the gate.</summary>
    public Task Reached => reached.Task;

    public void Arm()
    {
        reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Armed = true;
    }

    public void Disarm()
    {
        Armed = false;
        open.TrySetResult();
    }

    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        reached.TrySetResult();
        await open.Task.WaitAsync(cancellationToken);
    }
}

public sealed class GatedSpeechEngine(SpeechGate gate, IOptions<PocketSphinxOptions> options, ILogger<PocketSphinxEngine> logger) : ISpeechEngine
{
    public const string EngineName = "gated";

    private readonly PocketSphinxEngine inner = new(options, logger);

    public string Name => EngineName;

    public async Task<ISpeechSession> StartSessionAsync(IReadOnlyList<string> vocabulary, CancellationToken cancellationToken) =>
        new Session(await inner.StartSessionAsync(vocabulary, cancellationToken), gate);

    private sealed class Session(ISpeechSession inner, SpeechGate gate) : ISpeechSession
    {
        public IUtteranceRecognizer CreateRecognizer() => new Recognizer(inner.CreateRecognizer(), gate);

        public void Dispose() => inner.Dispose();
    }

    private sealed class Recognizer(IUtteranceRecognizer inner, SpeechGate gate) : IUtteranceRecognizer
    {
        private int ended;

        public bool HasPartials => inner.HasPartials;

        public void Begin() => inner.Begin();

        public void Accept(ReadOnlySpan<short> samples) => inner.Accept(samples);

        public string Partial() => inner.Partial();

        public async Task<RecognizedText> EndAsync(CancellationToken cancellationToken)
        {
            var text = await inner.EndAsync(cancellationToken);
            if (++ended == 2 && gate.Armed)
            {
                await gate.PassAsync(cancellationToken);
            }

            return text;
        }

        public void Dispose() => inner.Dispose();
    }
}
