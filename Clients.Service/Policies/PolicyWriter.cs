using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.History;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.Eventing;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;
using AgentCalls.Clients.Service.Standards;

namespace AgentCalls.Clients.Service.Policies;

/// <summary>Creates, replaces and deletes policies, each in one transaction with its history entry and its <c>PolicyChanged</c> event.</summary>
public sealed class PolicyWriter(ClientsDbContext db, BookSettingsStore settings, TimeProvider time)
{
    public async Task<Proto.Policy> CreateAsync(Guid agentId, Proto.CreatePolicyRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var clientId = ResourceId.Parse(request.ClientId, violations, "clientId");
        var values = await ReadAsync(agentId, request.Policy, violations, cancellationToken);
        return await WriteAsync(async ct =>
        {
            if (!await db.Clients.AnyAsync(c => c.AgentId == agentId && c.Id == clientId, ct))
            {
                throw RpcErrors.NotFound("client");
            }

            var now = time.GetUtcNow();
            var policy = new Policy { AgentId = agentId, ClientId = clientId, PolicyNumber = values.PolicyNumber, Carrier = values.Carrier, CreatedAt = now, UpdatedAt = now };
            values.ApplyTo(policy);
            db.Policies.Add(policy);
            Record(policy, HistoryAction.Created, FieldSnapshot.None, FieldSnapshot.Of(policy), Proto.ChangeKind.Created, now);
            return policy;
        }, cancellationToken);
    }

    public async Task<Proto.Policy> UpdateAsync(Guid agentId, Proto.UpdatePolicyRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var clientId = ResourceId.Parse(request.Policy?.ClientId ?? "", violations, "clientId");
        var policyId = ResourceId.Parse(request.Policy?.PolicyId ?? "", violations, "policyId");
        var etag = Etag.Parse(request.Policy?.Etag ?? "", violations, required: true);
        var values = await ReadAsync(agentId, request.Policy, violations, cancellationToken);
        return await WriteAsync(async ct =>
        {
            var policy = await FindForWriteAsync(agentId, clientId, policyId, etag, ct);
            var before = FieldSnapshot.Of(policy);
            values.ApplyTo(policy);
            var now = time.GetUtcNow();
            policy.UpdatedAt = now;
            Record(policy, HistoryAction.Updated, before, FieldSnapshot.Of(policy), Proto.ChangeKind.Updated, now);
            return policy;
        }, cancellationToken);
    }

    public async Task DeleteAsync(Guid agentId, Proto.DeletePolicyRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var clientId = ResourceId.Parse(request.ClientId, violations, "clientId");
        var policyId = ResourceId.Parse(request.PolicyId, violations, "policyId");
        var etag = Etag.Parse(request.Etag, violations, required: false);
        violations.ThrowIfAny();
        await WriteAsync(async ct =>
        {
            var policy = await FindForWriteAsync(agentId, clientId, policyId, etag, ct);
            db.Policies.Remove(policy);
            Record(policy, HistoryAction.Deleted, FieldSnapshot.Of(policy), FieldSnapshot.None, Proto.ChangeKind.Deleted, time.GetUtcNow());
            return policy;
        }, cancellationToken);
    }

    private async Task<PolicyValues> ReadAsync(Guid agentId, Proto.Policy? input, FieldViolations violations, CancellationToken cancellationToken)
    {
        var book = await settings.GetAsync(agentId, cancellationToken);
        var values = PolicyInput.Read(input, TimeZones.Today(book.TimeZone, time.GetUtcNow()), violations);
        violations.ThrowIfAny();
        return values!;
    }

    private async Task<Policy> FindForWriteAsync(Guid agentId, Guid clientId, Guid policyId, uint? etag, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.FirstOrDefaultAsync(p => p.AgentId == agentId && p.ClientId == clientId && p.Id == policyId, cancellationToken)
            ?? throw RpcErrors.NotFound("policy");
        return etag is { } expected && policy.Version != expected ? throw Etag.Stale("policy") : policy;
    }

    private void Record(Policy policy, HistoryAction action, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after, Proto.ChangeKind change, DateTimeOffset now)
    {
        var draft = new HistoryEntryDraft(policy.AgentId, policy.ClientId, action, HistoryActor.Agent, now, policy.Id, policy.PolicyNumber);
        var changes = db.Record(draft, before, after);
        db.AddEvent(PolicyMapping.ToEvent(policy, change, action == HistoryAction.Updated ? changes.Select(c => c.Field) : [], now));
    }

    /// <summary>
    /// Runs one write and answers the policy as stored; a policy number already in the book and a row changed since
    /// it was read are the caller's to fix, not faults.
    /// </summary>
    private async Task<Proto.Policy> WriteAsync(Func<CancellationToken, Task<Policy>> change, CancellationToken cancellationToken)
    {
        try
        {
            var policy = await db.InTransactionAsync(async ct =>
            {
                var policy = await change(ct);
                await db.SaveChangesAsync(ct);
                if (db.Entry(policy).State != EntityState.Detached)
                {
                    // Postgres keeps microseconds: answer what a read will answer.
                    await db.Entry(policy).ReloadAsync(ct);
                }

                return policy;
            }, cancellationToken);
            return PolicyMapping.ToProto(policy);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw FieldViolations.Single("policyNumber", "is already used by another policy in your book.");
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Etag.Stale("policy");
        }
    }
}
