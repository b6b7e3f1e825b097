using AgentCalls.Bench.Support;

namespace AgentCalls.Bench.LiveCall;

/// <summary>The whole run: start the system, measure each figure phase by phase, print them beside their targets.</summary>
public static class BenchRun
{
    /// <summary>The fake provider's time to first token on the model path: a provider's own time, which the system's is measured on top of.</summary>
    private static readonly TimeSpan ProviderTimeToFirstToken = TimeSpan.FromMilliseconds(250);

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine("Starting Postgres, Redis, Identity, the Transcription fake and the OpenAI-compatible fake (in this process), Clients, Calendar and Transcription (Release, own processes) ...");
        await using var system = await LiveCallSystem.StartAsync();

        Console.WriteLine($"Offline assistant (Conversation.Service, no LLM role, finals from the text fake): {options.SuggestionCalls} calls, each card's example said once per call ...");
        var offlineProcess = await system.StartConversationAsync("conversation_offline", system.TextTranscription.Address, []);
        var offline = await ConversationUnderTest.StartAsync(system, offlineProcess, "Bench Agent Offline", cancellationToken);
        var cards = await SuggestionLatency.OfflineAsync(system, offline, options.SuggestionCalls, cancellationToken);
        Progress(cards);
        Console.WriteLine($"Confirmed actions: {options.Confirms}, a note and a follow-up in turn ...");
        var (note, followUp) = await ConfirmLatency.RunAsync(offline, options.Confirms, cancellationToken);
        Progress(note);
        Progress(followUp);
        await system.StopAsync(offlineProcess);

        Console.WriteLine($"Live-conversation role on the fake provider (time to first token {ProviderTimeToFirstToken.TotalMilliseconds:F0} ms): {options.ModelUtterances} client utterances ...");
        system.OpenAi.TimeToFirstToken = ProviderTimeToFirstToken;
        var modelProcess = await system.StartConversationAsync("conversation_model", system.TextTranscription.Address, [
            new("Llm__Roles__LiveConversation__Endpoint", system.OpenAi.BaseUrl.ToString()),
            new("Llm__Roles__LiveConversation__Model", "fake-live"),
            new("Llm__Roles__LiveConversation__ApiKey", "sk-fake"),
        ]);
        var model = await ConversationUnderTest.StartAsync(system, modelProcess, "Bench Agent Model", cancellationToken);
        var added = await SuggestionLatency.ModelAsync(system, model, options.ModelUtterances, cancellationToken);
        Progress(added);
        await system.StopAsync(modelProcess);

        var (channels, _) = await SyntheticCall.MakeAsync(options.CallTurns);
        var seconds = channels.Max(c => c.Samples.Length) / (double)TestSupport.SpokenAudio.SampleRate;
        Console.WriteLine($"Concurrent spoken calls (Conversation.Service on the real Transcription.Service, PocketSphinx), {seconds:F1} s each, two channels, paced at real time, up to {options.MaxConcurrentCalls} ...");
        var spokenProcess = await system.StartConversationAsync("conversation_spoken", system.Transcription.Ports.Grpc, []);
        var spoken = await ConversationUnderTest.StartAsync(system, spokenProcess, "Bench Agent Spoken", cancellationToken);
        var levels = new List<ConcurrentCalls>();
        foreach (var calls in new[] { 1, 2, 3, 4, 6, 8 }.Where(n => n <= options.MaxConcurrentCalls))
        {
            var level = await ConcurrentCalls.RunAsync(spoken, channels, calls, cancellationToken);
            levels.Add(level);
            Console.WriteLine($"  {calls} calls: {level.Finals} finals, slowest {level.WorstMs:F0} ms after the end of speech, {level.LastFinalsMissing} calls' last final missing, slowest frame {level.SendLag.TotalMilliseconds:F0} ms behind schedule");
            if (!level.Sustained)
            {
                break;
            }
        }

        Print(cards, added, note, followUp, levels);
    }

    private static void Print(Latencies cards, Latencies added, Latencies note, Latencies followUp, List<ConcurrentCalls> levels)
    {
        Report.Section("Latency, one at a time (ms; ratio = p95 / target)");
        Console.WriteLine($"  {"",-42} {"samples",7} {"p50",8} {"p95",8} {"target p95",11} {"ratio",6}");
        Row(cards, 100);
        Row(added, 30);
        Console.WriteLine($"  {"  (the provider's own time to first token, 250 ms, taken off)",-42}");
        Row(note, 150);
        Row(followUp, 150);

        Report.Section($"Concurrent two-channel spoken calls (every final within {ConcurrentCalls.MaxFinalDelay.TotalMilliseconds:F0} ms of the end of speech, no frame over {ConcurrentCalls.MaxSendLag.TotalMilliseconds:F0} ms late)");
        Console.WriteLine($"  {"calls",5} {"finals",7} {"p50 ms",7} {"p95 ms",7} {"max ms",7} {"last missing",13} {"frame lag ms",13}  sustained");
        foreach (var level in levels)
        {
            Console.WriteLine($"  {level.Calls,5} {level.Finals,7} {level.EndToFinal.P50,7:F0} {level.EndToFinal.P95,7:F0} {level.WorstMs,7:F0} {level.LastFinalsMissing,13} {level.SendLag.TotalMilliseconds,13:F0}  {(level.Sustained ? "yes" : "no")}");
        }

        var sustained = levels.Where(l => l.Sustained).Select(l => l.Calls).DefaultIfEmpty(0).Max();
        Console.WriteLine();
        Report.Target("final -> first suggestion, offline <= 100 ms (p95)", $"{cards.P95:F0} ms", cards.P95 <= 100);
        Report.Target("time added to the provider's first token <= 30 ms (p95)", $"{added.P95:F0} ms", added.P95 <= 30);
        Report.Target("confirm -> result <= 150 ms (p95, each kind)", $"{Math.Max(note.P95, followUp.P95):F0} ms", note.P95 <= 150 && followUp.P95 <= 150);
        Report.Target($">= 2 concurrent two-channel calls on {Environment.ProcessorCount} cores", $"{sustained} ({sustained / 2.0:F1}x)", sustained >= 2);
        Console.WriteLine($"Load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static void Progress(Latencies latencies) =>
        Console.WriteLine($"  {latencies.Name}: {latencies.Count} samples, p50 {latencies.P50:F1} ms, p95 {latencies.P95:F1} ms");

    private static void Row(Latencies latencies, double targetP95) =>
        Console.WriteLine($"  {latencies.Name,-42} {latencies.Count,7} {latencies.P50,8:F1} {latencies.P95,8:F1} {targetP95,11:F0} {latencies.P95 / targetP95,6:F2}");
}
