using AgentCalls.Bench.Support;
using AgentCalls.TestSupport;
using ProtoChannel = AgentCalls.Contracts.Transcription.V1.Channel;

namespace AgentCalls.Bench.Transcription;

/// <summary>The whole run: start the system, measure each figure beside its baseline, print the targets.</summary>
public static class BenchRun
{
    /// <summary>A call keeps up in real time when no chunk goes out later than this behind its schedule…</summary>
    private static readonly TimeSpan MaxSendLag = TimeSpan.FromMilliseconds(500);

    /// <summary>…and its finals come at p95 within this of the end of speech (twice the latency target).</summary>
    private const double MaxFinalP95Ms = 1000;

    public static async Task RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine("Starting Postgres, Redis, Identity (in this process) and Transcription.Service twice (Release, own processes: as deployed, and with the general model alone) ...");
        await using var system = await TranscriptionSystem.StartAsync();
        var general = await system.StartGeneralModelAsync();
        var agent = await system.CallerAsync("Bench Agent", cancellationToken);

        Console.WriteLine($"Recorded speech: {RecordedSpeech.Folder}, through the API (each clip its own stream, as fast as the service takes it) and pocketsphinx_continuous ...");
        var clips = await RecordedSpeech.ClipsAsync();
        var deployed = new WordErrorRate();
        var generalOnly = new WordErrorRate();
        var commandLine = new WordErrorRate();
        double audioSeconds = 0, apiSeconds = 0, commandLineSeconds = 0;
        foreach (var clip in clips)
        {
            // As a live stream carries it: silence before and after the speech.
            short[] audio = [.. SpokenAudio.Silence(0.5), .. await SpokenAudio.ReadAsync(clip.Path), .. SpokenAudio.Silence(1)];
            var call = await LiveCall.RunAsync(system.Biased, agent, [], [new CallChannel(ProtoChannel.Agent, audio)], paced: false, cancellationToken);
            deployed.Add(clip.Reference, call.FinalText(ProtoChannel.Agent));
            var unbiased = await LiveCall.RunAsync(general, agent, [], [new CallChannel(ProtoChannel.Agent, audio)], paced: false, cancellationToken);
            generalOnly.Add(clip.Reference, unbiased.FinalText(ProtoChannel.Agent));
            var (text, elapsed) = await RecordedSpeech.CommandLineAsync(clip);
            commandLine.Add(clip.Reference, text);
            audioSeconds += call.AudioSeconds;
            apiSeconds += call.Elapsed.TotalSeconds;
            commandLineSeconds += elapsed.TotalSeconds;
            Console.WriteLine($"  {clip.Id}: reference \"{clip.Reference}\"");
            Console.WriteLine($"    API as deployed: \"{call.FinalText(ProtoChannel.Agent)}\"; general model: \"{unbiased.FinalText(ProtoChannel.Agent)}\"; command line: \"{text}\"");
        }

        Console.WriteLine($"Synthetic insurance call ({options.CallTurns} turns, espeak-ng, two voices on two channels), biased and general model, as fast as the service takes it ...");
        var (channels, reference) = await SyntheticCall.MakeAsync(options.CallTurns);
        var biasedCall = await LiveCall.RunAsync(system.Biased, agent, SyntheticCall.Vocabulary, channels, paced: false, cancellationToken);
        var generalCall = await LiveCall.RunAsync(general, agent, SyntheticCall.Vocabulary, channels, paced: false, cancellationToken);
        var biasedWer = new WordErrorRate();
        var generalWer = new WordErrorRate();
        foreach (var (channel, said) in reference)
        {
            biasedWer.Add(said, biasedCall.FinalText(channel));
            generalWer.Add(said, generalCall.FinalText(channel));
            Console.WriteLine($"  {channel}: biased \"{biasedCall.FinalText(channel)}\"");
            Console.WriteLine($"  {channel}: general \"{generalCall.FinalText(channel)}\"");
        }

        Console.WriteLine($"Concurrent two-channel calls paced at real time ({biasedCall.AudioSeconds:F1} s each), up to {options.MaxConcurrentCalls} ...");
        var levels = new List<ConcurrencyLevel>();
        foreach (var calls in new[] { 1, 2, 3, 4, 6, 8 }.Where(n => n <= options.MaxConcurrentCalls))
        {
            var level = await ConcurrencyLevel.RunAsync(system, agent, channels, calls, cancellationToken);
            levels.Add(level);
            Console.WriteLine($"  {calls} calls: slowest chunk {level.MaxSendLag.TotalMilliseconds:F0} ms behind schedule, end of speech to final p95 {level.EndToFinal.P95:F0} ms");
            if (!level.KeptUp(MaxSendLag, MaxFinalP95Ms))
            {
                break;
            }
        }

        Print(deployed, generalOnly, commandLine, audioSeconds, apiSeconds, commandLineSeconds, biasedWer, generalWer, biasedCall, levels);
    }

    private static void Print(
        WordErrorRate deployed, WordErrorRate generalOnly, WordErrorRate commandLine, double audioSeconds, double apiSeconds, double commandLineSeconds,
        WordErrorRate biasedWer, WordErrorRate generalWer, LiveCall biasedCall, List<ConcurrencyLevel> levels)
    {
        Report.Section($"Word error rate (word-level Levenshtein alignment; errors / reference words)");
        Console.WriteLine($"  {"",-58} {"WER",7} {"baseline",9} {"ratio",7}");
        Row($"recorded speech ({commandLine.ReferenceWords} words), API as deployed", deployed.Rate, commandLine.Rate);
        Row("recorded speech, API with the general model alone", generalOnly.Rate, commandLine.Rate);
        Console.WriteLine($"  {"  baseline: pocketsphinx_continuous, general model, same files",-58} {commandLine.Rate,7:P1}");
        Row($"synthetic call ({biasedWer.ReferenceWords} words), biased (domain model + hints)", biasedWer.Rate, generalWer.Rate);
        Console.WriteLine($"  {"  baseline: the same call, general model alone",-58} {generalWer.Rate,7:P1}");

        var one = levels[0];
        var callRtf = biasedCall.Elapsed.TotalSeconds / biasedCall.AudioSeconds;
        Report.Section("Speed and latency");
        Console.WriteLine($"  {"",-58} {"figure",9} {"baseline",9} {"ratio",7}");
        Console.WriteLine($"  {"real-time factor, synthetic call stream (2 channels)",-58} {callRtf,9:F3} {1.0,9:F3} {callRtf,7:F3}   (baseline: real time)");
        Console.WriteLine($"  {"real-time factor, recorded clips via API (incl. start-up)",-58} {apiSeconds / audioSeconds,9:F3} {commandLineSeconds / audioSeconds,9:F3} {apiSeconds / commandLineSeconds,7:F2}   (baseline: pocketsphinx_continuous, incl. its start-up)");
        Report.LatencyColumns();
        Report.Latency(one.EndToFinal);
        Report.Latency(one.StartToPartial);
        Console.WriteLine($"  (one call paced at real time; the floor for a final is the VAD's {new AgentCalls.Transcription.Service.Vad.VadOptions().EndSilenceMs} ms of end silence)");

        Report.Section("Concurrent two-channel calls paced at real time, and the service's resident memory");
        Console.WriteLine($"  {"calls",5} {"send lag ms",12} {"final p95 ms",13} {"partial p95 ms",15} {"idle RSS",9} {"peak RSS",9} {"per call",9}  kept up");
        foreach (var level in levels)
        {
            Console.WriteLine($"  {level.Calls,5} {level.MaxSendLag.TotalMilliseconds,12:F0} {level.EndToFinal.P95,13:F0} {level.StartToPartial.P95,15:F0} " +
                $"{ProcessMemory.Mib(level.IdleBytes),9} {ProcessMemory.Mib(level.PeakBytes),9} {ProcessMemory.Mib(level.BytesPerCall),9}  {(level.KeptUp(MaxSendLag, MaxFinalP95Ms) ? "yes" : "no")}");
        }

        var sustained = levels.Where(l => l.KeptUp(MaxSendLag, MaxFinalP95Ms)).Select(l => l.Calls).DefaultIfEmpty(0).Max();
        var perStream = levels.Max(l => l.BytesPerCall);
        Console.WriteLine();
        Report.Target("recorded speech WER <= command line's (ratio <= 1.0)", $"{deployed.Rate / commandLine.Rate:F2}", deployed.Rate <= commandLine.Rate);
        Report.Target("synthetic call WER biased <= 0.6 x general model's", $"{biasedWer.Rate / generalWer.Rate:F2}", biasedWer.Rate <= 0.6 * generalWer.Rate);
        Report.Target("real-time factor <= 0.3 per stream", $"{callRtf:F3}", callRtf <= 0.3);
        Report.Target("final <= 500 ms after the end of speech (p95)", $"{one.EndToFinal.P95:F0} ms", one.EndToFinal.P95 <= 500);
        Report.Target("first partial <= 300 ms after speech starts (p95)", $"{one.StartToPartial.P95:F0} ms", one.StartToPartial.P95 <= 300);
        Report.Target($">= 2 concurrent two-channel calls on {Environment.ProcessorCount} cores", $"{sustained}", sustained >= 2);
        Report.Target("<= 200 MiB resident memory per stream", ProcessMemory.Mib(perStream), perStream <= 200L * 1024 * 1024);
        Console.WriteLine($"Load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static void Row(string name, double rate, double baseline) =>
        Console.WriteLine($"  {name,-58} {rate,7:P1} {baseline,9:P1} {rate / baseline,7:F2}");
}
