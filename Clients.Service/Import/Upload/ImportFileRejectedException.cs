namespace AgentCalls.Clients.Service.Import.Upload;

/// <summary>The file itself cannot be imported further; the message is written for the agent and says why.</summary>
public sealed class ImportFileRejectedException(string reason) : Exception(reason);
