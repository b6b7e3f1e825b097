using AgentCalls.Clients.Service.Data;
using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Import.Mapping;
using AgentCalls.Clients.Service.Import.Upload;
using AgentCalls.Clients.Service.Messages;

namespace AgentCalls.Clients.Service.Import.Jobs;

/// <summary>The agent's imports: read, listed, started (for real or as a dry run), cancelled, and their reports.</summary>
public sealed class ImportJobs(ClientsDbContext db, ImportSignal signal, ImportQuotas quotas, TimeProvider time)
{
    public async Task<Proto.Import> GetAsync(Guid agentId, string importId, CancellationToken cancellationToken) =>
        ImportView.ToProto(await FindAsync(agentId, ResourceId.Require(importId, "importId"), cancellationToken));

    public async Task<Proto.ListImportsResponse> ListAsync(Guid agentId, Proto.ListImportsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var pageSize = PageSize.Resolve(request.PageSize, violations);
        var after = PageToken<DateTimeOffset>.Decode(request.PageToken, violations);
        violations.ThrowIfAny();
        var query = db.Imports.AsNoTracking().Where(j => j.AgentId == agentId);
        if (after is not null)
        {
            query = query.Where(j => EF.Functions.LessThan(ValueTuple.Create(j.CreatedAt, j.Id), ValueTuple.Create(after.SortKey, after.Id)));
        }

        var jobs = await query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var response = new Proto.ListImportsResponse { Imports = { jobs.Take(pageSize).Select(ImportView.ToProto) } };
        if (jobs.Count > pageSize)
        {
            response.NextPageToken = new PageToken<DateTimeOffset>(jobs[pageSize - 1].CreatedAt, jobs[pageSize - 1].Id).Encode();
        }

        return response;
    }

    public async Task<Proto.Import> StartAsync(Guid agentId, Proto.StartImportRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var id = ResourceId.Parse(request.ImportId, violations, "importId");
        var mode = request.DuplicateMode switch
        {
            Proto.DuplicateMode.Update => DuplicateMode.Update,
            Proto.DuplicateMode.Skip => DuplicateMode.Skip,
            _ => Invalid(violations),
        };
        violations.ThrowIfAny();

        var job = await db.Imports.FirstOrDefaultAsync(j => j.AgentId == agentId && j.Id == id, cancellationToken) ?? throw RpcErrors.NotFound("import");
        var encoding = ChooseEncoding(job, request.Encoding, violations);
        var mapping = ImportMapping.Override(ImportMapping.Deserialize(job.Mapping), request.Mapping, violations);
        violations.ThrowIfAny();
        if (job.Status is ImportStatus.Queued or ImportStatus.Running || (job.Status == ImportStatus.Succeeded && !job.DryRun))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                job.Status == ImportStatus.Succeeded ? "This file has been imported; upload it again to import it again." : "This import is already queued or running."));
        }

        if (job.FileRemovedAt is not null)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                "This import's file was removed, as files not imported are after a while; upload it again to import it."));
        }

        await quotas.ThrowIfQueueFullAsync(agentId, cancellationToken);

        // The headers are the file's as read in the chosen encoding, so the mapping and the error report name them rightly.
        job.Mapping = ImportMapping.Serialize([.. mapping.Select(c => c.Index < encoding.Header.Length ? c with { Header = encoding.Header[c.Index] } : c)]);
        job.Encoding = encoding.Encoding;
        job.DryRun = request.DryRun;
        job.DuplicateMode = mode;
        job.Status = ImportStatus.Queued;
        job.QueuedAt = time.GetUtcNow();
        (job.StartedAt, job.FinishedAt, job.Error, job.CancelRequested, job.RowsDone, job.AbandonedRuns) = (null, null, null, false, 0, 0);
        await SaveAsync(cancellationToken);
        signal.Notify();
        return ImportView.ToProto(job);
    }

    public async Task<Proto.Import> CancelAsync(Guid agentId, string importId, CancellationToken cancellationToken)
    {
        // Read outside the query: EF would wrap the InvalidArgument thrown inside its expression into a 500.
        var id = ResourceId.Require(importId, "importId");
        var job = await db.Imports.FirstOrDefaultAsync(j => j.AgentId == agentId && j.Id == id, cancellationToken)
            ?? throw RpcErrors.NotFound("import");
        switch (job.Status)
        {
            case ImportStatus.Queued:
                (job.Status, job.FinishedAt) = (ImportStatus.Cancelled, time.GetUtcNow());
                break;
            case ImportStatus.Running:
                // The worker stops after the batch in flight, which it commits (or, in a dry run, rolls back).
                job.CancelRequested = true;
                break;
            case ImportStatus.Cancelled:
                return ImportView.ToProto(job);
            default:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "Only a queued or running import can be cancelled."));
        }

        await SaveAsync(cancellationToken);
        return ImportView.ToProto(job);
    }

    public async Task<Proto.ListImportErrorsResponse> ListErrorsAsync(Guid agentId, Proto.ListImportErrorsRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var id = ResourceId.Parse(request.ImportId, violations, "importId");
        var pageSize = PageSize.Resolve(request.PageSize, violations);
        var after = PageToken<long>.Decode(request.PageToken, violations);
        violations.ThrowIfAny();
        await FindAsync(agentId, id, cancellationToken);
        var query = db.ImportErrors.AsNoTracking().Where(e => e.ImportId == id);
        if (after is not null)
        {
            query = query.Where(e => e.Id > after.SortKey);
        }

        var errors = await query.OrderBy(e => e.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var response = new Proto.ListImportErrorsResponse
        {
            Errors = { errors.Take(pageSize).Select(e => new Proto.ImportError { Line = e.Line, Column = e.Column ?? "", Reason = e.Reason, Kept = e.Kept }) },
        };
        if (errors.Count > pageSize)
        {
            response.NextPageToken = new PageToken<long>(errors[pageSize - 1].Id, id).Encode();
        }

        return response;
    }

    public async Task<Proto.ListImportPreviewResponse> ListPreviewAsync(Guid agentId, string importId, CancellationToken cancellationToken)
    {
        var id = ResourceId.Require(importId, "importId");
        await FindAsync(agentId, id, cancellationToken);
        var rows = await db.ImportPreview.AsNoTracking().Where(r => r.ImportId == id).OrderBy(r => r.Line).ToListAsync(cancellationToken);
        return new Proto.ListImportPreviewResponse { Rows = { rows.Select(ImportView.ToProto) } };
    }

    private async Task<ImportJob> FindAsync(Guid agentId, Guid id, CancellationToken cancellationToken) =>
        await db.Imports.AsNoTracking().FirstOrDefaultAsync(j => j.AgentId == agentId && j.Id == id, cancellationToken) ?? throw RpcErrors.NotFound("import");

    /// <summary>Saves a change of state; the worker changing it meanwhile (status is a concurrency token) means: read it again.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "The import changed meanwhile: read it again."));
        }
    }

    /// <summary>The encoding the request names, or the import's when it names none; one the file cannot be read with is a violation.</summary>
    private static CsvEncodingOption ChooseEncoding(ImportJob job, string requested, FieldViolations violations)
    {
        var options = CsvEncodingOption.Deserialize(job.EncodingOptions);
        var name = requested.Length == 0 ? job.Encoding : requested.Trim().ToLowerInvariant();
        if (options.FirstOrDefault(o => o.Encoding == name) is { } chosen)
        {
            return chosen;
        }

        if (requested.Length > 0)
        {
            violations.Add("encoding", $"is not an encoding this file can be read with ({string.Join(", ", options.Select(o => o.Encoding))}).");
        }

        // An import uploaded before encodings were found has no options; its file is read as it always was.
        return new CsvEncodingOption(job.Encoding, [], []);
    }

    private static DuplicateMode Invalid(FieldViolations violations)
    {
        violations.Add("duplicateMode", "is required: update or skip.");
        return DuplicateMode.Update;
    }
}
