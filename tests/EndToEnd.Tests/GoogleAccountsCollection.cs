namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// Tests that sign in at the fake Google: which account the next authorization picks (or whether it is denied) is one
/// setting for the whole fake, so these tests take turns instead of running alongside each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GoogleAccountsCollection
{
    public const string Name = "Google accounts";
}
