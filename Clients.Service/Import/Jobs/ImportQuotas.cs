using System.Threading.RateLimiting;
using AgentCalls.Clients.Service.Data;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AgentCalls.Clients.Service.Import.Jobs;

/// <summary>
/// What one agent may hold of the import machinery: uploads in progress (per process), bytes of stored files, and
/// imports queued or running. A refusal is ResourceExhausted with a QuotaFailure naming the limit, and changes nothing.
/// </summary>
public sealed class ImportQuotas(ClientsDbContext db, UploadSlots slots, IOptions<ImportOptions> options)
{
    public const string Domain = "clients.agentcalls";

    /// <summary>Takes one of the agent's upload slots for the upload's time; dispose it when the upload ends.</summary>
    public IDisposable TakeUploadSlot(Guid agentId) =>
        slots.TryTake(agentId)
            ?? throw Exhausted("uploads", $"You have {options.Value.MaxConcurrentUploadsPerAgent} uploads in progress; wait for one to finish.");

    public async Task ThrowIfStorageFullAsync(Guid agentId, long addingBytes, CancellationToken cancellationToken)
    {
        var stored = await db.Imports
            .Where(j => j.AgentId == agentId && j.FileRemovedAt == null && !(j.Status == ImportStatus.Succeeded && !j.DryRun))
            .SumAsync(j => j.FileBytes, cancellationToken);
        if (stored + addingBytes > options.Value.MaxStoredBytesPerAgent)
        {
            throw Exhausted("stored-bytes",
                $"Your stored import files take {Megabytes(stored)} and this one {Megabytes(addingBytes)}; at most {Megabytes(options.Value.MaxStoredBytesPerAgent)} are kept. "
                + "Files are removed once imported, or a while after their last use.");
        }
    }

    public async Task ThrowIfQueueFullAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var waiting = await db.Imports.CountAsync(j => j.AgentId == agentId && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running), cancellationToken);
        if (waiting >= options.Value.MaxQueuedPerAgent)
        {
            throw Exhausted("queued-imports", $"You have {waiting} imports queued or running; start this one when one of them has finished.");
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MiB";

    private static RpcException Exhausted(string subject, string message) =>
        new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = message,
            Details = { Any.Pack(new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = subject, Description = message } } }) },
        }.ToRpcException();
}

/// <summary>
/// Uploads in progress per agent in this process (a singleton): a concurrency limiter per agent, without a queue (a
/// second tab waits for nothing, it is told), idle agents' limiters cleaned up by the library.
/// </summary>
public sealed class UploadSlots(IOptions<ImportOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> limiter = PartitionedRateLimiter.Create<Guid, Guid>(agentId =>
        RateLimitPartition.GetConcurrencyLimiter(agentId, _ => new ConcurrencyLimiterOptions { PermitLimit = options.Value.MaxConcurrentUploadsPerAgent, QueueLimit = 0 }));

    /// <summary>A slot, released when disposed; null when the agent has all of theirs in use.</summary>
    public IDisposable? TryTake(Guid agentId)
    {
        var lease = limiter.AttemptAcquire(agentId);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    public void Dispose() => limiter.Dispose();
}
