using AgentCalls.Calendar.Service.Data;
using AgentCalls.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AgentCalls.Calendar.Tests.WithGoogle;

/// <summary>
/// Makes calendardb refuse to write (or delete) cached events titled <see cref="Title"/>, as a database failing in
/// the middle of a sync would: a trigger that raises, dropped on dispose. The title is the test's own, so other
/// tests' writes go through.
/// </summary>
public sealed class RefusedWrites : IAsyncDisposable
{
    private readonly IServiceProvider services;
    private readonly string name = $"refuse_{Guid.NewGuid():N}";

    private RefusedWrites(IServiceProvider services, string title) => (this.services, Title) = (services, title);

    public string Title { get; }

    public static async Task<RefusedWrites> StartAsync(IServiceProvider services, string title, string operations = "INSERT OR UPDATE OR DELETE")
    {
        var refused = new RefusedWrites(services, title);
        var literal = title.Replace("'", "''", StringComparison.Ordinal);
        await refused.ExecuteAsync($"""
            CREATE FUNCTION {refused.name}() RETURNS trigger AS $$
            BEGIN
                IF (TG_OP <> 'DELETE' AND NEW.title = '{literal}') OR (TG_OP = 'DELETE' AND OLD.title = '{literal}') THEN
                    RAISE EXCEPTION 'the database refused to write "%"', '{literal}';
                END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER {refused.name} BEFORE {operations} ON cached_events FOR EACH ROW EXECUTE FUNCTION {refused.name}();
            """);
        return refused;
    }

    public async ValueTask DisposeAsync() =>
        await ExecuteAsync($"DROP TRIGGER IF EXISTS {name} ON cached_events; DROP FUNCTION IF EXISTS {name}();");

    private Task<int> ExecuteAsync(string sql) =>
        services.QueryAsync<CalendarDbContext, int>(db => db.Database.ExecuteSqlRawAsync(sql));
}
