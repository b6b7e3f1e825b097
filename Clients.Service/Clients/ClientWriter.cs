using AgentCalls.Clients.Service.Data;
using AgentCalls.Clients.Service.History;
using AgentCalls.Clients.Service.Settings;
using AgentCalls.Eventing;
using AgentCalls.ServiceDefaults.Grpc;
using Microsoft.EntityFrameworkCore;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Messages;
using AgentCalls.Clients.Service.Standards;

namespace AgentCalls.Clients.Service.Clients;

/// <summary>
/// Creates, replaces and deletes clients. Each write is one transaction holding the change, its history entry,
/// its <c>ClientUpdated</c> event (outbox) and the refreshed search text; bad input changes nothing.
/// </summary>
public sealed class ClientWriter(ClientsDbContext db, BookSettingsStore settings, ClientReader reader, TimeProvider time)
{
    public async Task<Proto.Client> CreateAsync(Guid agentId, Proto.CreateClientRequest request, CancellationToken cancellationToken)
    {
        var values = await ReadAsync(agentId, request.Client, cancellationToken);
        var id = await db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow();
            var client = new Client { AgentId = agentId, DisplayName = values.DisplayName, CreatedAt = now, UpdatedAt = now };
            values.ApplyTo(client);
            db.Clients.Add(client);
            db.Record(new HistoryEntryDraft(agentId, client.Id, HistoryAction.Created, HistoryActor.Agent, now), FieldSnapshot.None, FieldSnapshot.Of(client));
            db.AddEvent(ClientMapping.ToEvent(client, Proto.ChangeKind.Created, [], now));
            await db.SaveChangesAsync(ct);
            await ClientSearchText.RefreshAsync(db, client.Id, ct);
            return client.Id;
        }, cancellationToken);
        return (await reader.FindAsync(agentId, id, cancellationToken))!;
    }

    public async Task<Proto.Client> UpdateAsync(Guid agentId, Proto.UpdateClientRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var id = ResourceId.Parse(request.Client?.ClientId ?? "", violations, "clientId");
        var etag = Etag.Parse(request.Client?.Etag ?? "", violations, required: true);
        violations.ThrowIfAny();
        var values = await ReadAsync(agentId, request.Client, cancellationToken);

        await db.InTransactionAsync(async ct =>
        {
            var client = await db.Clients.FirstOrDefaultAsync(c => c.AgentId == agentId && c.Id == id, ct) ?? throw RpcErrors.NotFound("client");
            if (client.Version != etag)
            {
                throw Etag.Stale("client");
            }

            var before = FieldSnapshot.Of(client);
            values.ApplyTo(client);
            var now = time.GetUtcNow();
            client.UpdatedAt = now;
            var changes = db.Record(new HistoryEntryDraft(agentId, id, HistoryAction.Updated, HistoryActor.Agent, now), before, FieldSnapshot.Of(client));
            db.AddEvent(ClientMapping.ToEvent(client, Proto.ChangeKind.Updated, changes.Select(c => c.Field), now));
            await SaveAsync(ct);
            await ClientSearchText.RefreshAsync(db, id, ct);
            return id;
        }, cancellationToken);
        return (await reader.FindAsync(agentId, id, cancellationToken))!;
    }

    public async Task DeleteAsync(Guid agentId, Proto.DeleteClientRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var id = ResourceId.Parse(request.ClientId, violations, "clientId");
        var etag = Etag.Parse(request.Etag, violations, required: false);
        violations.ThrowIfAny();

        await db.InTransactionAsync(async ct =>
        {
            var client = await db.Clients.FirstOrDefaultAsync(c => c.AgentId == agentId && c.Id == id, ct) ?? throw RpcErrors.NotFound("client");
            if (etag is { } expected && client.Version != expected)
            {
                throw Etag.Stale("client");
            }

            db.Clients.Remove(client);
            await db.ScheduledCalls.Where(s => s.AgentId == agentId && s.ClientId == id).ExecuteDeleteAsync(ct);
            var now = time.GetUtcNow();
            db.Record(new HistoryEntryDraft(agentId, id, HistoryAction.Deleted, HistoryActor.Agent, now), FieldSnapshot.Of(client), FieldSnapshot.None);
            db.AddEvent(ClientMapping.ToEvent(client, Proto.ChangeKind.Deleted, [], now));
            await SaveAsync(ct);
            return id;
        }, cancellationToken);
    }

    private async Task<ClientValues> ReadAsync(Guid agentId, Proto.Client? input, CancellationToken cancellationToken)
    {
        var book = await settings.GetAsync(agentId, cancellationToken);
        var violations = new FieldViolations();
        var values = ClientInput.Read(input, book.Region, TimeZones.Today(book.TimeZone, time.GetUtcNow()), violations);
        violations.ThrowIfAny();
        if (values!.HouseholdId is { } householdId && !await db.Households.AnyAsync(h => h.AgentId == agentId && h.Id == householdId, cancellationToken))
        {
            throw RpcErrors.NotFound("household");
        }

        return values;
    }

    /// <summary>Saves; a row changed by someone else between our read and this write is a stale update, not a fault.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Etag.Stale("client");
        }
    }
}
