using AgentCalls.TestSupport.BadInput;

namespace AgentCalls.Conversation.Tests;

/// <summary>Generated requests for every REST method of Conversation.Service (issue #16, "bad input changes nothing").</summary>
public sealed class RestBodiesTests(ConversationServiceHost host)
{
    [Fact]
    public async Task EveryRestMethod_GeneratedBadInput_IsA4xxNamingTheFieldAndChangesNothing()
    {
        var agent = await host.SignInAsync("Gene Rated", cancellationToken: TestContext.Current.CancellationToken);

        var calls = await RestFaceProperty.HoldsAsync(host.Rest, agent, "conversation", host.ServiceDatabaseConnectionString, casesPerMethod: 15, TestContext.Current.CancellationToken);

        Assert.True(calls >= Cases.Drawn(15) * RestMethods.Of("conversation").Count);
    }
}
