using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static AgentCalls.EndToEnd.Tests.GatewayBook;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>The book of business through the gateway as a signed-in browser: writes, conflicts, field errors, isolation, search, the queue.</summary>
public sealed class ClientsThroughGatewayTests(SystemUnderTest system)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateClient_WithAStaleEtag_Is409ProblemAndKeepsTheNewerVersion()
    {
        using var browser = await system.SignedInBrowserAsync("Cora Concurrent", Cancel);
        var created = await CreateClientAsync(browser, "Stella Stale", "+13125550101", Cancel);
        await CreatePolicyAsync(browser, created.Id(), $"ST-{Guid.NewGuid():N}", Today.AddDays(100), Cancel);

        var (firstStatus, first) = await browser.PutJsonAsync($"/api/clients/{created.Id()}", Edited(created, "Stella First"), Cancel);
        var (staleStatus, problem) = await browser.PutJsonAsync($"/api/clients/{created.Id()}", Edited(created, "Stella Second"), Cancel);
        var stored = await GetClientAsync(browser, created.Id(), Cancel);

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.NotEqual(created.GetProperty("etag").GetString(), first.GetProperty("etag").GetString());
        Assert.Equal(HttpStatusCode.Conflict, staleStatus);
        Assert.Equal((409, "Aborted"), (problem.GetProperty("status").GetInt32(), problem.GetProperty("grpcStatus").GetString()));
        Assert.Equal("Stella First", stored.GetProperty("displayName").GetString());
        Assert.Single(stored.GetProperty("policies").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/clients", "email", """{"displayName":"Ed Email","email":"not-an-email"}""")]
    [InlineData("/api/clients", "phones[0].number", """{"displayName":"Pia Phone","phones":[{"number":"12","type":"PHONE_TYPE_MOBILE"}]}""")]
    [InlineData("/policies", "expirationDate", """{"policyNumber":"BAD-1","carrier":"Acme","lineOfBusiness":"LINE_OF_BUSINESS_HOME","status":"POLICY_STATUS_ACTIVE","currencyCode":"USD","effectiveDate":{"year":2026,"month":5,"day":1},"expirationDate":{"year":2026,"month":4,"day":1}}""")]
    [InlineData("/policies", "premiumMinor", """{"policyNumber":"BAD-2","carrier":"Acme","lineOfBusiness":"LINE_OF_BUSINESS_HOME","status":"POLICY_STATUS_ACTIVE","currencyCode":"USD","premiumMinor":"-5"}""")]
    public async Task InvalidField_Is400ProblemNamingIt_AndCreatesNothing(string path, string field, string body)
    {
        using var browser = await system.SignedInBrowserAsync("Val Verify", Cancel);
        var owner = await CreateClientAsync(browser, "Owen Owner", "+13125550102", Cancel);
        var target = path == "/policies" ? $"/api/clients/{owner.Id()}/policies" : path;

        var (status, problem) = await browser.PostJsonAsync(target, JsonNode.Parse(body)!, Cancel);
        var (_, clients) = await browser.GetJsonAsync("/api/clients", Cancel);
        var (_, policies) = await browser.GetJsonAsync($"/api/clients/{owner.Id()}/policies", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidArgument", problem.GetProperty("grpcStatus").GetString());
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal([owner.Id()], clients.GetProperty("clients").EnumerateArray().Select(c => c.Id()));
        Assert.False(policies.TryGetProperty("policies", out var list) && list.GetArrayLength() > 0);
    }

    [Fact]
    public async Task AnotherAgentsIds_AreNotFound_OnEveryRouteThatTakesThem_AndChangeNothing()
    {
        using var owner = await system.SignedInBrowserAsync("Olga Owner", Cancel);
        using var intruder = await system.SignedInBrowserAsync("Ivan Intruder", Cancel);
        var client = await CreateClientAsync(owner, "Priya Private", "+13125550103", Cancel);
        var policy = await CreatePolicyAsync(owner, client.Id(), $"PV-{Guid.NewGuid():N}", Today.AddDays(30), Cancel);
        var (c, p) = (client.Id(), policy.GetProperty("policyId").GetString());

        var answers = new[]
        {
            await intruder.GetJsonAsync($"/api/clients/{c}", Cancel),
            await intruder.PutJsonAsync($"/api/clients/{c}", Edited(client, "Taken Over"), Cancel),
            await intruder.GetJsonAsync($"/api/clients/{c}/history", Cancel),
            await intruder.GetJsonAsync($"/api/clients/{c}/policies", Cancel),
            await intruder.GetJsonAsync($"/api/clients/{c}/policies/{p}", Cancel),
            await intruder.PostJsonAsync($"/api/clients/{c}/policies", new { policyNumber = "X-1", carrier = "X", lineOfBusiness = "LINE_OF_BUSINESS_AUTO", status = "POLICY_STATUS_ACTIVE", premiumMinor = "100" }, Cancel),
            await intruder.DeleteJsonAsync($"/api/clients/{c}/policies/{p}", Cancel),
            await intruder.DeleteJsonAsync($"/api/clients/{c}", Cancel),
        };
        var stored = await GetClientAsync(owner, c, Cancel);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.NotFound, answer.Status));
        Assert.All(answers, answer => Assert.Equal("NotFound", answer.Body.GetProperty("grpcStatus").GetString()));
        Assert.Equal(("Priya Private", 1), (stored.GetProperty("displayName").GetString(), stored.GetProperty("policies").GetArrayLength()));
    }

    [Fact]
    public async Task Search_WithAMisspelledName_FindsTheClientFirst()
    {
        using var browser = await system.SignedInBrowserAsync("Sid Searcher", Cancel);
        var wanted = await CreateClientAsync(browser, "Katherine Johnson", "+13125550199", Cancel);
        await CreateClientAsync(browser, "Bartholomew Quist", "+13125550198", Cancel);

        var (status, found) = await browser.GetJsonAsync("/api/clients?query=Katharine%20Jonson", Cancel);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([wanted.Id()], found.GetProperty("clients").EnumerateArray().Select(c => c.Id()));
    }

    [Fact]
    public async Task CallQueue_ShowsTheClientWithARenewalDue_AndTheReasonInWords()
    {
        using var browser = await system.SignedInBrowserAsync("Quin Queue", Cancel);
        var renewing = await CreateClientAsync(browser, "Rita Renewal", "+13125550104", Cancel);
        await CreatePolicyAsync(browser, renewing.Id(), "REN-12", Today.AddDays(12), Cancel);
        await CreatePolicyAsync(browser, (await CreateClientAsync(browser, "Nora Later", "+13125550105", Cancel)).Id(), "LATER-1", Today.AddDays(300), Cancel);

        var entry = Assert.Single(await CallQueueAsync(browser, Cancel));
        var reason = Assert.Single(entry.GetProperty("reasons").EnumerateArray());

        Assert.Equal(renewing.Id(), entry.GetProperty("clientId").GetString());
        Assert.Equal(("CALL_REASON_KIND_RENEWAL_DUE", 12), (reason.GetProperty("kind").GetString(), reason.GetProperty("days").GetInt32()));
        Assert.Equal("Renewal in 12 days (REN-12)", reason.GetProperty("description").GetString());
    }

    /// <summary>The client as the edit form sends it back: every field as read (its etag too), the name changed.</summary>
    private static JsonNode Edited(JsonElement client, string name)
    {
        var edited = JsonNode.Parse(client.GetRawText())!.AsObject();
        edited["displayName"] = name;
        edited.Remove("policies");
        return edited;
    }
}
