using AgentCalls.Calendar.Service.Settings;
using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Calendar.Service.Calls;

/// <summary>A ScheduleCall request, checked field by field: nothing is looked up or written for a bad one.</summary>
public sealed record CallInput(string RequestId, Guid ClientId, DateTimeOffset Start, int DurationMinutes, string Title, string Notes, int? ReminderMinutes)
{
    public const int MaxRequestIdLength = 100;
    public const int MaxTitleLength = 200;
    public const int MaxNotesLength = 2000;

    public static CallInput Read(ScheduleCallRequest request, DateTimeOffset now)
    {
        var violations = new FieldViolations();
        if (request.RequestId.Length is 0 or > MaxRequestIdLength)
        {
            violations.Add("requestId", $"must be 1 to {MaxRequestIdLength} characters.");
        }

        if (!Guid.TryParse(request.ClientId, out var clientId))
        {
            violations.Add("clientId", "must be a client id.");
        }

        var start = ReadStart(request.StartTime, now, violations);
        ReadDuration(request.DurationMinutes, violations);
        if (request.Title.Length > MaxTitleLength)
        {
            violations.Add("title", $"must be at most {MaxTitleLength} characters.");
        }

        if (request.Notes.Length > MaxNotesLength)
        {
            violations.Add("notes", $"must be at most {MaxNotesLength} characters.");
        }

        if (request.HasReminderMinutes)
        {
            SettingsMessages.Range(request.ReminderMinutes, 0, 1440, "reminderMinutes", violations);
        }

        violations.ThrowIfAny();
        return new CallInput(request.RequestId, clientId, start, request.DurationMinutes, request.Title, request.Notes, request.HasReminderMinutes ? request.ReminderMinutes : null);
    }

    /// <summary>A call's start: a valid instant, not in the past.</summary>
    public static DateTimeOffset ReadStart(global::Google.Protobuf.WellKnownTypes.Timestamp? value, DateTimeOffset now, FieldViolations violations)
    {
        var start = TimestampField.Resolve(value, violations, "startTime");
        // default: missing or not a timestamp, already reported.
        if (start != default && start < now.AddMinutes(-1))
        {
            violations.Add("startTime", "must not be in the past.");
        }

        return start;
    }

    /// <summary>0 (the default length) or 5 to 240 minutes.</summary>
    public static void ReadDuration(int minutes, FieldViolations violations)
    {
        if (minutes != 0)
        {
            SettingsMessages.Range(minutes, SettingsMessages.MinimumCallLength, SettingsMessages.MaximumCallLength, "durationMinutes", violations);
        }
    }
}
