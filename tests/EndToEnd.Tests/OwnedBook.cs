using Aspire.Hosting.Testing;
using System.Net;
using System.Text;
using System.Text.Json;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using FreeSlotsClient = AgentCalls.Contracts.Calendar.V1.FreeSlots.FreeSlotsClient;
using ScheduledCallsClient = AgentCalls.Contracts.Calendar.V1.ScheduledCalls.ScheduledCallsClient;
using CallsClient = AgentCalls.Contracts.Conversation.V1.Calls.CallsClient;
using ClientsClient = AgentCalls.Contracts.Clients.V1.Clients.ClientsClient;
using Date = Google.Type.Date;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// One of everything an agent can own, made through the services' own APIs, by id under the name the probes' requests use
/// for it (<c>{client}</c>, <c>{policy}</c>, …). Made and then left to settle: the events it sends are handled before it returns.
/// </summary>
public sealed class OwnedBook
{
    private readonly Dictionary<string, string> ids = [];

    public IReadOnlyDictionary<string, string> Ids => ids;

    public static async Task<OwnedBook> MakeAsync(SystemUnderTest system, ProbeAgent owner, CancellationToken cancellationToken)
    {
        var book = new OwnedBook();
        await owner.BearerAsync(cancellationToken);
        book.ids["agent"] = owner.AgentId.ToString();
        using var clientsChannel = GrpcChannel.ForAddress(system.App.GetEndpoint("clients", "grpc"));
        using var calendarChannel = GrpcChannel.ForAddress(system.App.GetEndpoint("calendar", "grpc"));
        using var conversationChannel = GrpcChannel.ForAddress(system.App.GetEndpoint("conversation", "grpc"));
        var clients = new ClientsClient(clientsChannel);

        var household = await new Households.HouseholdsClient(clientsChannel).CreateHouseholdAsync(
            new() { Name = "The Owned household" }, await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
        var client = await clients.CreateClientAsync(
            new() { Client = new() { DisplayName = "Una Owned", Email = "una@example.com", HouseholdId = household.HouseholdId } },
            await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        var policy = await new Policies.PoliciesClient(clientsChannel).CreatePolicyAsync(
            new()
            {
                ClientId = client.ClientId,
                Policy = new()
                {
                    PolicyNumber = "OWN-1", Carrier = "Acme Mutual", LineOfBusiness = LineOfBusiness.Auto, Status = PolicyStatus.Active,
                    PremiumMinor = 120_000, CurrencyCode = "USD", EffectiveDate = ToDate(expires.AddYears(-1)), ExpirationDate = ToDate(expires),
                },
            },
            await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
        book.ids["household"] = household.HouseholdId;
        book.ids["client"] = client.ClientId;
        book.ids["policy"] = policy.PolicyId;

        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        var slots = await new FreeSlotsClient(calendarChannel).ListFreeSlotsAsync(
            new() { StartDate = ToDate(first), EndDate = ToDate(first.AddDays(14)), MaxSlots = 1 }, await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
        var scheduled = await new ScheduledCallsClient(calendarChannel).ScheduleCallAsync(
            new() { RequestId = Guid.NewGuid().ToString(), ClientId = client.ClientId, StartTime = slots.Slots[0].StartTime },
            await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
        book.ids["event"] = scheduled.EventId;

        var calls = new CallsClient(conversationChannel);
        var call = await calls.StartCallAsync(new() { ClientId = client.ClientId }, await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
        var proposal = await calls.ProposeActionAsync(
            new() { CallId = call.CallId, Kind = "add_note", Arguments = new Struct { Fields = { ["text"] = Value.ForString("Prefers mornings") } } },
            await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
        await calls.EndCallAsync(new() { CallId = call.CallId }, await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
        var saved = await calls.SaveCallAsync(
            new() { CallId = call.CallId, Summary = "Talked about the renewal.", Outcome = CallOutcome.Reached }, await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
        book.ids["call"] = call.CallId;
        book.ids["proposal"] = proposal.ProposalId;
        book.ids["callLog"] = saved.CallLogId;

        var cards = await new Playbooks.PlaybooksClient(conversationChannel).ListPlaybookCardsAsync(new(), await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
        book.ids["card"] = cards.Cards[0].CardId;

        book.ids["document"] = await UploadDocumentAsync(owner, cancellationToken);
        book.ids["import"] = await UploadImportAsync(owner, cancellationToken);
        book.ids["recording"] = await UploadRecordingAsync(system, owner, cancellationToken);

        // Settled: Clients heard of the call logged and the call scheduled, so nothing of the owner's changes after this.
        var settled = await Eventually.ReturnsAsync(async () =>
        {
            var now = await clients.GetClientAsync(new() { ClientId = client.ClientId }, await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken);
            return now.LastContactedAt is not null && now.NextCallAt is not null ? now : null;
        }, SystemUnderTest.BackgroundPatience);

        // The etags as they are now: another agent's write carrying the right etag must still be refused.
        book.ids["clientEtag"] = settled.Etag;
        book.ids["policyEtag"] = settled.Policies.Single().Etag;
        return book;
    }

    /// <summary>Replaces each <c>{name}</c> in a request's JSON with the id of the owner's thing of that name.</summary>
    public string Fill(string json) => ids.Aggregate(json, (text, id) => text.Replace($"{{{id.Key}}}", id.Value, StringComparison.Ordinal));

    private static async Task<string> UploadDocumentAsync(ProbeAgent owner, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/conversation/documents?name=owned-guide.md")
        {
            Content = new StringContent("# Water backup\n\nWater backup is covered up to 10,000 dollars with the endorsement.\n", Encoding.UTF8, "text/markdown"),
        };
        using var response = await owner.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync(cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var done = JsonDocument.Parse(lines[^1]);
        return done.RootElement.GetProperty("document").GetProperty("documentId").GetString()!;
    }

    private static async Task<string> UploadImportAsync(ProbeAgent owner, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/clients/imports?fileName=owned.csv")
        {
            Content = new StringContent("Name,Email\nOla Imported,ola@example.com\n", Encoding.UTF8, "text/csv"),
        };
        using var response = await owner.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var import = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return import.RootElement.GetProperty("importId").GetString()!;
    }

    private static async Task<string> UploadRecordingAsync(SystemUnderTest system, ProbeAgent owner, CancellationToken cancellationToken)
    {
        var wav = await SpokenAudio.RunAsync("ffmpeg", ["-v", "error", "-nostdin", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "1", "-f", "wav", "-"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/transcription/recordings?fileName=owned.wav") { Content = new ByteArrayContent(wav) };
        using var response = await owner.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var recording = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var id = recording.RootElement.GetProperty("recordingId").GetString()!;

        using var channel = GrpcChannel.ForAddress(system.App.GetEndpoint("transcription", "grpc"));
        var recordings = new Recordings.RecordingsClient(channel);
        await Eventually.IsTrueAsync(async () =>
            (await recordings.GetRecordingAsync(new() { RecordingId = id }, await owner.BearerAsync(cancellationToken), cancellationToken: cancellationToken)).Recording.Status
                is RecordingStatus.Completed or RecordingStatus.Failed,
            SystemUnderTest.BackgroundPatience);
        return id;
    }

    private static Date ToDate(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
