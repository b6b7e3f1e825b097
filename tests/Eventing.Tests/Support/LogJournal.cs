using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AgentCalls.Eventing.Tests.Support;

/// <summary>
/// Keeps the warnings and errors a test host logs: a signal to wait for, and what to show when a test fails.
/// EF Core's failed-command log is left out: the startup migrator's first look for a history table that
/// <c>EnsureCreated</c> never made fails by design, and any other failed command also fails what ran it.
/// </summary>
public sealed class LogJournal : ILoggerProvider
{
    private const string FailedCommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogJournal journal, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && category != FailedCommandCategory;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                journal.entries.Enqueue(new LogEntry(DateTimeOffset.UtcNow, logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}

public sealed record LogEntry(DateTimeOffset At, LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{At:HH:mm:ss.fff} {Level} {Category}: {Message}{(Exception is null ? "" : " — " + Exception.GetType().Name + ": " + Exception.Message)}";
}
