using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AgentCalls.Clients.Service.Data;
using AgentCalls.Contracts.Clients.V1;
using AgentCalls.Eventing;
using AgentCalls.TestSupport;
using Google.Protobuf;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Client = AgentCalls.Clients.Service.Clients.Client;
using ClientsClient = AgentCalls.Contracts.Clients.V1.Clients.ClientsClient;

namespace AgentCalls.Clients.Tests;

/// <summary>Clients.Service on its own database, with the real Identity, for this test assembly.</summary>
public sealed class ClientsServiceHost() : ServiceHost<ClientsDbContext>("clientsdb")
{
    /// <summary>The largest import file here: small, so a test can pass it cheaply (the service's default is 200 MiB).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>Import files one agent may keep stored here.</summary>
    public const long MaxStoredBytesPerAgent = 24L * 1024 * 1024;

    public ClientsClient Clients => new(Channel);

    protected override void ConfigureService(IWebHostBuilder host)
    {
        host.UseSetting("Import:MaxFileBytes", MaxFileBytes.ToString(CultureInfo.InvariantCulture));
        host.UseSetting("Import:MaxStoredBytesPerAgent", MaxStoredBytesPerAgent.ToString(CultureInfo.InvariantCulture));
        // Tests run the pre-ranker's passes themselves; left to its timer it would rank, between a test's turning an
        // agent's day back and its read, what the test expects the read to rank.
        host.UseSetting("CallQueue:PrerankInterval", "01:00:00");
    }

    public Policies.PoliciesClient Policies => new(Channel);

    public Households.HouseholdsClient Households => new(Channel);

    public CallQueue.CallQueueClient CallQueue => new(Channel);

    public Settings.SettingsClient Settings => new(Channel);

    public Imports.ImportsClient Imports => new(Channel);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Adds clients (and policies) straight to the service's database.</summary>
    public Task AddAsync(params IEnumerable<object> rows) =>
        Services.AddRowsAsync<ClientsDbContext>(rows, Cancel);

    /// <summary>Adds one client of <paramref name="agent"/> per name, in the order given.</summary>
    public async Task<Client[]> AddClientsAsync(SignedInAgent agent, params string[] names)
    {
        var clients = names.Select(name => new Client { AgentId = agent.AgentId, DisplayName = name }).ToArray();
        await AddAsync(clients);
        return clients;
    }

    public async Task<ListClientsResponse> ListAsync(SignedInAgent agent, int pageSize = 0, string pageToken = "") =>
        await Clients.ListClientsAsync(new ListClientsRequest { PageSize = pageSize, PageToken = pageToken }, agent.Bearer, cancellationToken: Cancel);

    public Task<SignedInAgent> NewAgentAsync(string name) => SignInAsync(name, cancellationToken: Cancel);

    /// <summary>Creates a client through the API.</summary>
    public async Task<Contracts.Clients.V1.Client> CreateClientAsync(SignedInAgent agent, string name, Action<Contracts.Clients.V1.Client>? configure = null)
    {
        var client = new Contracts.Clients.V1.Client { DisplayName = name };
        configure?.Invoke(client);
        return await Clients.CreateClientAsync(new CreateClientRequest { Client = client }, agent.Bearer, cancellationToken: Cancel);
    }

    /// <summary>Creates an active auto policy through the API.</summary>
    public async Task<Contracts.Clients.V1.Policy> CreatePolicyAsync(SignedInAgent agent, string clientId, string number, Action<Contracts.Clients.V1.Policy>? configure = null)
    {
        var policy = new Contracts.Clients.V1.Policy
        {
            PolicyNumber = number,
            Carrier = "Acme Mutual",
            LineOfBusiness = LineOfBusiness.Auto,
            Status = PolicyStatus.Active,
            PremiumMinor = 120_000,
        };
        configure?.Invoke(policy);
        return await Policies.CreatePolicyAsync(new CreatePolicyRequest { ClientId = clientId, Policy = policy }, agent.Bearer, cancellationToken: Cancel);
    }

    public async Task<ListClientsResponse> SearchAsync(SignedInAgent agent, ListClientsRequest request) =>
        await Clients.ListClientsAsync(request, agent.Bearer, cancellationToken: Cancel);

    /// <summary>Uploads a CSV file through the REST endpoint; answers the status and JSON body.</summary>
    public async Task<RestResponse> UploadAsync(SignedInAgent agent, byte[] file, string fileName = "book.csv")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clients/imports?fileName={Uri.EscapeDataString(fileName)}") { Content = new ByteArrayContent(file) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agent.AccessToken);
        using var response = await Rest.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        return new RestResponse(response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    public async Task<string> UploadCsvAsync(SignedInAgent agent, string csv) =>
        (await UploadAsync(agent, Encoding.UTF8.GetBytes(csv))).Body.GetProperty("importId").GetString()!;

    /// <summary>Starts an import and waits until it ends; answers the finished import.</summary>
    public async Task<Import> RunImportAsync(SignedInAgent agent, string importId, bool dryRun = false, DuplicateMode mode = DuplicateMode.Update, params ColumnMapping[] mapping)
    {
        await Imports.StartImportAsync(
            new StartImportRequest { ImportId = importId, DryRun = dryRun, DuplicateMode = mode, Mapping = { mapping } }, agent.Bearer, cancellationToken: Cancel);
        return await WaitForImportAsync(agent, importId, i => i.Status is not (ImportStatus.Queued or ImportStatus.Running));
    }

    public Task<Import> WaitForImportAsync(SignedInAgent agent, string importId, Func<Import, bool> condition) =>
        Eventually.ReturnsAsync(async () =>
        {
            var import = await Imports.GetImportAsync(new GetImportRequest { ImportId = importId }, agent.Bearer, cancellationToken: Cancel);
            return condition(import) ? import : null;
        }, TimeSpan.FromMinutes(3));

    /// <summary>Imports a CSV text for real, in update mode; answers the finished import.</summary>
    public async Task<Import> ImportCsvAsync(SignedInAgent agent, string csv, bool dryRun = false, DuplicateMode mode = DuplicateMode.Update) =>
        await RunImportAsync(agent, await UploadCsvAsync(agent, csv), dryRun, mode);

    /// <summary>The agent's book as the export endpoint writes it.</summary>
    public async Task<string> ExportAsync(SignedInAgent agent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/clients/export");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agent.AccessToken);
        using var response = await Rest.SendAsync(request, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>Every client of the agent, by name (through the API).</summary>
    public async Task<List<ClientSummary>> AllClientsAsync(SignedInAgent agent) =>
        await Pages.ReadFromAsync("", token => ListAsync(agent, 200, token), page => page.Clients, page => page.NextPageToken);

    /// <summary>Publishes an event onto its stream as another service's outbox relay would.</summary>
    public Task PublishAsync(IMessage @event) => Services.PublishEventAsync(@event);

    public Task<T> QueryAsync<T>(Func<ClientsDbContext, Task<T>> query) => Services.QueryAsync(query);

    /// <summary>A made-up word (letters only, as the lexicon keeps them) no other test uses, so that what the lexicon holds of it is this test's doing.</summary>
    public static string NewWord() => "q" + string.Concat(Guid.NewGuid().ToString("N")[..11].Select(hex => (char)('a' + Convert.ToInt32(hex.ToString(), 16))));

    /// <summary>Whether the query box's lexicon (search_words) holds the word.</summary>
    public Task<bool> IsSearchWordAsync(string word) =>
        QueryAsync(db => db.Database.SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM search_words WHERE word = {word}) AS \"Value\"").SingleAsync(Cancel));
}
