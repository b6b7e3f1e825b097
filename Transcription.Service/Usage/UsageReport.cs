using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.Transcription.Service.Data;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Transcription.Service.Usage;

/// <summary>Sums an agent's metered audio over a period, in total and per engine.</summary>
public sealed class UsageReport(TranscriptionDbContext db, TimeProvider time)
{
    public async Task<GetUsageResponse> GetAsync(Guid agentId, GetUsageRequest request, CancellationToken cancellationToken)
    {
        var (start, end) = ResolvePeriod(request);

        var perProvider = await db.Usage.AsNoTracking()
            .Where(u => u.AgentId == agentId && u.RecordedAt >= start && u.RecordedAt < end)
            .GroupBy(u => u.Provider)
            .Select(g => new { Provider = g.Key, AudioSeconds = g.Sum(u => u.AudioSeconds), JobCount = g.Select(u => u.JobId).Distinct().Count() })
            .OrderBy(p => p.Provider)
            .ToListAsync(cancellationToken);

        var response = new GetUsageResponse
        {
            StartTime = Timestamp.FromDateTimeOffset(start),
            EndTime = Timestamp.FromDateTimeOffset(end),
            AudioSeconds = perProvider.Sum(p => p.AudioSeconds),
            JobCount = perProvider.Sum(p => p.JobCount),
        };
        response.Providers.AddRange(perProvider.Select(p => new ProviderUsage
        {
            Provider = p.Provider,
            AudioSeconds = p.AudioSeconds,
            JobCount = p.JobCount,
        }));
        return response;
    }

    private (DateTimeOffset Start, DateTimeOffset End) ResolvePeriod(GetUsageRequest request)
    {
        var violations = new FieldViolations();
        if (request.StartTime is null && request.EndTime is null)
        {
            return UsageMeter.MonthOf(time.GetUtcNow());
        }

        if (request.StartTime is null)
        {
            violations.Add("startTime", "is required when endTime is set.");
        }

        if (request.EndTime is null)
        {
            violations.Add("endTime", "is required when startTime is set.");
        }

        violations.ThrowIfAny();
        var start = TimestampField.Resolve(request.StartTime, violations, "startTime");
        var end = TimestampField.Resolve(request.EndTime, violations, "endTime");
        violations.ThrowIfAny();
        if (end <= start)
        {
            violations.Add("endTime", "must be after startTime.");
        }

        violations.ThrowIfAny();
        return (start, end);
    }
}
