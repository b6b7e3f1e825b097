namespace AgentCalls.Eventing;

internal static class EventingTables
{
    public const string Outbox = "outbox_messages";
    public const string Inbox = "inbox_messages";
}
