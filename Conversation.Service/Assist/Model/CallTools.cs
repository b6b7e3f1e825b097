using System.ComponentModel;
using System.Globalization;
using System.Text;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.Conversation.Service.Actions;
using AgentCalls.Conversation.Service.Answers;
using AgentCalls.Conversation.Service.Calls;
using Grpc.Core;
using Microsoft.Extensions.AI;
using FreeSlotsClient = AgentCalls.Contracts.Calendar.V1.FreeSlots.FreeSlotsClient;

namespace AgentCalls.Conversation.Service.Assist.Model;

/// <summary>
/// The function-execution role's tools on one call. Reading tools (the client and policies, free slots, document
/// search) run when the model calls them. Writing tools are the action kinds (<see cref="ActionKinds"/>), each an
/// <see cref="ApprovalRequiredAIFunction"/>: the function-invoking client never runs them, it hands back an approval
/// request, which becomes a proposal for the agent to confirm. Their bodies refuse to run even if asked.
/// </summary>
public sealed class CallTools(CallSession call, IServiceProvider services, DateTimeOffset now)
{
    private const int SearchResults = 4;
    private const int PassageCharacters = 600;

    public IList<AITool> All =>
    [
        AIFunctionFactory.Create(GetClient, "get_client", "The client's file: policies with renewal dates and premiums, do-not-call and recording consent, the last call."),
        AIFunctionFactory.Create(FindFreeSlotsAsync, "find_free_slots", "Free times on the agent's calendar for a follow-up call, between two dates (yyyy-MM-dd)."),
        AIFunctionFactory.Create(SearchDocumentsAsync, "search_documents", "Search the agency's documents (policy wordings, guides) for passages about a question."),
        Write(ActionKinds.ScheduleFollowUp, "Propose a follow-up call with the client at an agreed time.",
            ([Description("ISO 8601 start with its UTC offset, in the client's time zone, e.g. 2026-03-10T10:00:00-05:00")] string startTime,
             [Description("Call length in minutes")] int? durationMinutes, [Description("What the call is about")] string? notes) => NeverRuns()),
        Write(ActionKinds.UpdateClient, "Propose changing the client's e-mail address or time zone (IANA name).",
            (string? email, string? timeZone) => NeverRuns()),
        Write(ActionKinds.AddNote, "Propose adding a note to the client's file.", ([Description("At most 2000 characters")] string text) => NeverRuns()),
        Write(ActionKinds.SetOutcome, "Propose the call's outcome.",
            ([Description("One of: reached, voicemail, no answer, callback requested, sold, renewed, quoted, lost, do not call")] string outcome) => NeverRuns()),
        Write(ActionKinds.MarkDoNotCall, "Propose marking the client do not call, when they ask not to be called again.",
            ([Description("The client's words")] string? reason) => NeverRuns()),
    ];

    public static bool IsWrite(string toolName) => ActionKinds.All.Contains(toolName);

    private static AIFunction Write(string kind, string description, Delegate shape) =>
        new ApprovalRequiredAIFunction(AIFunctionFactory.Create(shape, kind, description));

    private static string NeverRuns() =>
        throw new InvalidOperationException("A write runs only after the agent confirms its proposal, never from the model.");

    private async Task<string> GetClient(CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<Data.ConversationDbContext>();
        var lastCall = await LastCall.FindAsync(db, call.AgentId, call.Client.Id, cancellationToken);
        return CallBrief.ClientFile(call.Client, lastCall, now);
    }

    private async Task<string> FindFreeSlotsAsync([Description("yyyy-MM-dd")] string fromDate, [Description("yyyy-MM-dd, at most 14 days later")] string toDate, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(fromDate, "yyyy-MM-dd", out var from) || !DateOnly.TryParseExact(toDate, "yyyy-MM-dd", out var to) || to < from || to.DayNumber - from.DayNumber > 14)
        {
            return "fromDate and toDate must be dates yyyy-MM-dd, toDate on or after fromDate and at most 14 days later.";
        }

        if (call.Authorization is not { } authorization)
        {
            return "The calendar cannot be read now (no connection is following the call).";
        }

        try
        {
            var slots = await services.GetRequiredService<FreeSlotsClient>().ListFreeSlotsAsync(
                new ListFreeSlotsRequest { StartDate = Date(from), EndDate = Date(to), MaxSlots = 10 },
                new Metadata { { "Authorization", authorization } }, cancellationToken: cancellationToken);
            return slots.Slots.Count == 0
                ? "No free slots in those days."
                : string.Join("\n", slots.Slots.Select(s => s.StartTime.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }
        catch (RpcException e)
        {
            return $"The calendar could not be read: {e.Status.Detail}";
        }
    }

    private async Task<string> SearchDocumentsAsync([Description("What to look for")] string query, CancellationToken cancellationToken)
    {
        var found = await services.GetRequiredService<PassageSearch>().SearchAsync(call.AgentId, query, SearchResults, cancellationToken);
        if (found.Count == 0)
        {
            return "Nothing in the agency's documents.";
        }

        var text = new StringBuilder();
        foreach (var (row, i) in found.Select((r, i) => (r.Passage, i)))
        {
            var passage = row.Text.Length > PassageCharacters ? row.Text[..PassageCharacters] + "…" : row.Text;
            text.AppendLine($"[{i + 1}] {string.Join(" > ", new[] { row.DocumentTitle }.Concat(row.HeadingPath))}: {passage}");
        }

        return text.ToString();
    }

    private static Google.Type.Date Date(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
