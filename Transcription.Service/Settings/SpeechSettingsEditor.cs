using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Speech;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Transcription.Service.Settings;

/// <summary>Reads and replaces an agent's transcription settings; an engine the deployment does not offer is refused.</summary>
public sealed class SpeechSettingsEditor(TranscriptionDbContext db, SpeechEngines engines, TimeProvider time)
{
    public const int MaxEngineLength = 50;

    /// <summary>The engine the agent chose, if any.</summary>
    public async Task<string?> ChoiceAsync(Guid agentId, CancellationToken cancellationToken) =>
        await db.SpeechSettings.AsNoTracking().Where(s => s.AgentId == agentId).Select(s => s.Engine).FirstOrDefaultAsync(cancellationToken);

    public async Task<TranscriptionSettings> GetAsync(Guid agentId, CancellationToken cancellationToken) =>
        View(await ChoiceAsync(agentId, cancellationToken) ?? "");

    public async Task<TranscriptionSettings> UpdateAsync(Guid agentId, UpdateSettingsRequest request, CancellationToken cancellationToken)
    {
        var engine = request.Settings?.Engine.Trim() ?? "";
        if (engine.Length > 0 && engines.Find(engine) is null)
        {
            throw FieldViolations.Single("engine", engines.Unavailable(engine[..Math.Min(engine.Length, MaxEngineLength)]));
        }

        // Stored as the engine spells its name, so usage and settings agree whatever case was sent.
        var chosen = engine.Length > 0 ? engines.Find(engine)!.Name : "";
        var settings = await db.SpeechSettings.FirstOrDefaultAsync(s => s.AgentId == agentId, cancellationToken);
        if (settings is null)
        {
            settings = new AgentSpeechSettings { AgentId = agentId };
            db.SpeechSettings.Add(settings);
        }

        settings.Engine = chosen;
        settings.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return View(chosen);
    }

    private TranscriptionSettings View(string choice) => new()
    {
        Engine = choice,
        EngineInUse = engines.InUse(choice).Name,
        AvailableEngines = { engines.Names.Order() },
        DefaultEngine = engines.DefaultName,
    };
}
