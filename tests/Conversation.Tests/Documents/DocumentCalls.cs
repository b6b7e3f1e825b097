using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AgentCalls.Contracts.Conversation.V1;
using AgentCalls.TestSupport;
using Grpc.Core;
using DocumentsClient = AgentCalls.Contracts.Conversation.V1.Documents.DocumentsClient;

namespace AgentCalls.Conversation.Tests.Documents;

/// <summary>Uploads through the service's HTTP endpoint and the Documents rpcs, as the gateway forwards them.</summary>
public static class DocumentCalls
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static DocumentsClient Documents(this ConversationServiceHost host) => new(host.Channel);

    /// <summary>The status, and the JSON lines (progress, then "done") or the problem details.</summary>
    public static Task<Upload> UploadAsync(this ConversationServiceHost host, SignedInAgent agent, string name, byte[] content) =>
        UploadAsync(host.Rest, agent, name, content);

    /// <summary>As <see cref="UploadAsync(ConversationServiceHost, SignedInAgent, string, byte[])"/>, to one process of the service.</summary>
    public static async Task<Upload> UploadAsync(HttpClient rest, SignedInAgent agent, string name, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversation/documents?name={Uri.EscapeDataString(name)}")
        {
            Content = new ByteArrayContent(content),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agent.AccessToken);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await rest.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        var lines = response.StatusCode == HttpStatusCode.OK
            ? body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList()
            : [JsonDocument.Parse(body).RootElement.Clone()];
        return new Upload(response.StatusCode, lines);
    }

    /// <summary>Uploads and returns the stored document's id, failing the test if the upload fails.</summary>
    public static Task<string> UploadOkAsync(this ConversationServiceHost host, SignedInAgent agent, string name, byte[] content) =>
        UploadOkAsync(host.Rest, agent, name, content);

    /// <summary>As <see cref="UploadOkAsync(ConversationServiceHost, SignedInAgent, string, byte[])"/>, to one process of the service.</summary>
    public static async Task<string> UploadOkAsync(HttpClient rest, SignedInAgent agent, string name, byte[] content)
    {
        var upload = await UploadAsync(rest, agent, name, content);
        Assert.Equal(HttpStatusCode.OK, upload.Status);
        return upload.Done.GetProperty("document").GetProperty("documentId").GetString()!;
    }

    public static Task<List<AskDocumentsResponse>> AskAsync(this ConversationServiceHost host, SignedInAgent agent, string question) =>
        AskAsync(host.Documents(), agent, question);

    public static async Task<List<AskDocumentsResponse>> AskAsync(DocumentsClient documents, SignedInAgent agent, string question)
    {
        using var call = documents.AskDocuments(new AskDocumentsRequest { Question = question }, agent.Bearer, cancellationToken: Cancel);
        var messages = new List<AskDocumentsResponse>();
        await foreach (var message in call.ResponseStream.ReadAllAsync(Cancel))
        {
            messages.Add(message);
        }

        return messages;
    }
}

public sealed record Upload(HttpStatusCode Status, List<JsonElement> Lines)
{
    public JsonElement Done => Lines.Single(l => l.GetProperty("stage").GetString() == "done");

    public string Detail => Lines[0].GetProperty("detail").GetString()!;
}
