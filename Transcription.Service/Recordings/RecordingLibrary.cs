using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Jobs;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>An agent's recordings: read, list, transcript, delete. Every query is the agent's own; anything else is NotFound.</summary>
public sealed class RecordingLibrary(TranscriptionDbContext db)
{
    public async Task<Recording> GetAsync(Guid agentId, string recordingId, CancellationToken cancellationToken) =>
        (await FindAsync(agentId, recordingId, cancellationToken)).ToMessage();

    public async Task<ListRecordingsResponse> ListAsync(Guid agentId, ListRecordingsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var size = PageSize.Resolve(request.PageSize, violations);
        var after = PageToken<DateTimeOffset>.Decode(request.PageToken, violations);
        violations.ThrowIfAny();

        var query = Owned(agentId);
        if (after is not null)
        {
            query = query.Where(j => j.CreatedAt < after.SortKey || (j.CreatedAt == after.SortKey && j.Id.CompareTo(after.Id) < 0));
        }

        var page = await query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(size + 1).ToListAsync(cancellationToken);
        var response = new ListRecordingsResponse { Recordings = { page.Take(size).Select(j => j.ToMessage()) } };
        if (page.Count > size)
        {
            var last = page[size - 1];
            response.NextPageToken = new PageToken<DateTimeOffset>(last.CreatedAt, last.Id).Encode();
        }

        return response;
    }

    public async Task<GetTranscriptResponse> GetTranscriptAsync(Guid agentId, string recordingId, CancellationToken cancellationToken)
    {
        var job = await FindAsync(agentId, recordingId, cancellationToken);
        var segments = await db.RecordingSegments.AsNoTracking().Where(s => s.JobId == job.Id)
            .OrderBy(s => s.StartSeconds).ThenBy(s => s.Speaker).ToListAsync(cancellationToken);
        return new GetTranscriptResponse { Recording = job.ToMessage(), Segments = { segments.Select(s => s.ToMessage()) } };
    }

    /// <summary>
    /// Erases the audio and the transcript. The job row stays, marked deleted and emptied of the file's name and words,
    /// because the usage it was metered at still counts this month; a worker still on it loses its lease and stops.
    /// </summary>
    public async Task DeleteAsync(Guid agentId, string recordingId, CancellationToken cancellationToken)
    {
        var id = ParseId(recordingId);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var job = await Owned(agentId).AsTracking().FirstOrDefaultAsync(j => j.Id == id, ct) ?? throw RpcErrors.NotFound("recording");
            job.Status = TranscriptionJobStatus.Deleted;
            job.File!.FileName = "";
            job.File.Vocabulary = [];
            job.LeaseToken = null;
            job.LeaseExpiresAt = null;
            await db.SaveChangesAsync(ct);
            await db.RecordingSegments.Where(s => s.JobId == id).ExecuteDeleteAsync(ct);
            await db.RecordingAudioChunks.Where(c => c.JobId == id).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    private async Task<TranscriptionJob> FindAsync(Guid agentId, string recordingId, CancellationToken cancellationToken)
    {
        var id = ParseId(recordingId);
        return await Owned(agentId).FirstOrDefaultAsync(j => j.Id == id, cancellationToken) ?? throw RpcErrors.NotFound("recording");
    }

    private IQueryable<TranscriptionJob> Owned(Guid agentId) =>
        db.Jobs.AsNoTracking().Where(j => j.AgentId == agentId && j.Source == TranscriptionJobSource.RecordedFile && j.Status != TranscriptionJobStatus.Deleted);

    private static Guid ParseId(string recordingId) =>
        Guid.TryParse(recordingId, out var id) ? id : throw FieldViolations.Single("recordingId", "is not a recording id.");
}
