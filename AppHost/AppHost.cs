using AgentCalls.AppHost.Diagnostics;
using AgentCalls.AppHost.LocalServers;
using AgentCalls.AppHost.Publishing;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);
var startup = StartupWatch.Add(builder, frontDoor: "gateway");

var data = DataStores.Add(builder, startup);
var gatewaySecret = builder.AddParameter("gateway-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
// Calendar.Service's own client at Identity: it syncs Google calendars with no agent signed in.
var calendarSecret = builder.AddParameter("calendar-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
// Conversation.Service's own client at Identity: Transcription opens a call's live stream for it alone.
var conversationSecret = builder.AddParameter("conversation-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

var gateway = builder.AddProject<Projects.Gateway>("gateway").WithExternalHttpEndpoints();
if (builder.Configuration.GetValue<int?>("AppHost:GatewayPort") is { } gatewayPort)
{
    // The browser's one origin; 5080 from the gateway's launch profile unless chosen here.
    gateway.WithEndpoint("http", endpoint => endpoint.Port = gatewayPort);
}

// Tokens name Identity by its public address: the gateway's origin, under /auth/.
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/auth/");

IResourceBuilder<ProjectResource> Service<TProject>(string name, string database) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithReference(data.Databases[database]).WaitFor(data.Postgres)
        .WithReference(data.Redis).WaitFor(data.Redis)
        .WithEnvironment("Auth__Issuer", issuer)
        .WithHttpHealthCheck("/health");

var identity = Service<Projects.Identity_Service>("identity", "identitydb")
    .WithEnvironment("Identity__Gateway__ClientSecret", gatewaySecret)
    .WithEnvironment("Identity__Gateway__RedirectUri", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/bff/callback"))
    .WithEnvironment("Identity__Gateway__PostLogoutRedirectUri", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/"))
    .WithEnvironment("Identity__CalendarService__ClientSecret", calendarSecret)
    .WithEnvironment("Identity__ConversationService__ClientSecret", conversationSecret);
// The password-less development sign-in is for this machine's own runs: on unless AppHost:DevelopmentSignIn is false, and
// Identity honours it only in Development and for browsers on this machine. Never in what publishing writes.
var developmentSignIn = builder.ExecutionContext.IsRunMode && builder.Configuration.GetValue("AppHost:DevelopmentSignIn", true);
if (developmentSignIn)
{
    identity.WithEnvironment("Identity__DevelopmentSignIn", "true");
}

var googleSignIn = builder.Configuration["Google:ClientId"] is { Length: > 0 };
startup.Note((developmentSignIn, googleSignIn) switch
{
    (true, true) => "Sign-in: Google, and the development sign-in (any name and e-mail, browsers on this machine only)",
    (true, false) => "Sign-in: the development sign-in (any name and e-mail, browsers on this machine only); Google is not configured",
    (false, true) => "Sign-in: Google only (AppHost:DevelopmentSignIn is false)",
    (false, false) => "Sign-in: none! Configure Google:ClientId and Google:ClientSecret, or leave AppHost:DevelopmentSignIn on",
});
if (builder.Configuration["Google:ClientId"] is { Length: > 0 } googleClientId)
{
    // Sign in with Google and Google Calendar: the client comes from the AppHost's user-secrets or environment.
    identity
        .WithEnvironment("Google__ClientId", googleClientId)
        .WithEnvironment("Google__ClientSecret", builder.AddParameterFromConfiguration("google-client-secret", "Google:ClientSecret", secret: true))
        .WithEnvironment("Google__Authority", builder.Configuration["Google:Authority"] is { Length: > 0 } authority ? authority : "https://accounts.google.com/");
}

var clients = Service<Projects.Clients_Service>("clients", "clientsdb");
var calendar = Service<Projects.Calendar_Service>("calendar", "calendardb")
    .WithReference(identity).WaitFor(identity)
    .WithReference(clients).WaitFor(clients)
    .WithEnvironment("Calendar__ServiceClientSecret", calendarSecret)
    .WithEnvironment("Calendar__AppBaseUrl", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/"));
if (builder.Configuration["Google:ApiBaseUrl"] is { Length: > 0 } googleApi)
{
    // Only tests and benchmarks point Calendar v3 elsewhere (the local fake).
    calendar.WithEnvironment("Calendar__GoogleApiBaseUrl", googleApi);
}

if (builder.Configuration["Calendar:PublicWebhookBaseUrl"] is { Length: > 0 } webhookBase)
{
    // Google pushes calendar changes to the gateway's public https origin; without one, Calendar polls.
    calendar.WithEnvironment("Calendar__PublicWebhookBaseUrl", webhookBase);
}

var transcription = Service<Projects.Transcription_Service>("transcription", "transcriptiondb");
if (builder.ExecutionContext.IsRunMode)
{
    // Silero VAD's weights, fetched into .models/ by scripts/install-prerequisites.sh; the service checks their hash.
    // A deployment's image carries them where the service's own default points.
    transcription.WithEnvironment("Transcription__Vad__ModelPath",
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".models", "silero-vad", "silero_vad.onnx")));
}

// The local engine's bias toward the call's vocabulary (the service's default mixes in the general model) when the
// AppHost's configuration sets it: the browser tests' synthetic voices are heard only with the domain model alone.
if (builder.Configuration["Transcription:PocketSphinx:DomainWeight"] is { Length: > 0 } domainWeight)
{
    transcription.WithEnvironment("Transcription__PocketSphinx__DomainWeight", domainWeight);
}

// A live call reads its client from Clients, acts through Clients and Calendar, and streams audio to Transcription.
var conversation = Service<Projects.Conversation_Service>("conversation", "conversationdb")
    .WithReference(clients).WaitFor(clients)
    .WithReference(calendar).WaitFor(calendar)
    .WithReference(transcription).WaitFor(transcription)
    .WithEnvironment("Calls__ServiceClientSecret", conversationSecret);
foreach (var role in new[] { "LiveConversation", "Documentation", "FunctionExecution", "Summarisation" })
{
    // An LLM role is on only when the AppHost's configuration (user-secrets) names its endpoint; otherwise offline assist.
    if (builder.Configuration[$"Llm:Roles:{role}:Endpoint"] is { Length: > 0 } endpoint)
    {
        conversation
            .WithEnvironment($"Llm__Roles__{role}__Endpoint", endpoint)
            .WithEnvironment($"Llm__Roles__{role}__Model", builder.Configuration[$"Llm:Roles:{role}:Model"] ?? "");
        if (builder.Configuration[$"Llm:Roles:{role}:ApiKey"] is { Length: > 0 })
        {
            // Local servers (Ollama, vLLM) need no key.
            conversation.WithEnvironment($"Llm__Roles__{role}__ApiKey",
                builder.AddParameterFromConfiguration($"llm-{role.ToLowerInvariant()}-api-key", $"Llm:Roles:{role}:ApiKey", secret: true));
        }
    }
}

// Documents are embedded by the local model unless the AppHost's configuration names an embeddings endpoint; changing
// it re-embeds the agents' documents in the background.
if (builder.Configuration["Embeddings:Endpoint"] is { Length: > 0 } embeddingsEndpoint)
{
    conversation
        .WithEnvironment("Embeddings__Endpoint", embeddingsEndpoint)
        .WithEnvironment("Embeddings__Model", builder.Configuration["Embeddings:Model"] ?? "");
    if (builder.Configuration["Embeddings:ApiKey"] is { Length: > 0 })
    {
        conversation.WithEnvironment("Embeddings__ApiKey", builder.AddParameterFromConfiguration("embeddings-api-key", "Embeddings:ApiKey", secret: true));
    }
}

var web = builder.AddExecutable("web", "npm", Path.Combine(builder.AppHostDirectory, "..", "web"), "run", "start")
    .WithHttpEndpoint(env: "PORT")
    .WithEnvironment("NEXT_TELEMETRY_DISABLED", "1")
    .WithHttpHealthCheck("/");

gateway
    .WithReference(identity).WaitFor(identity)
    .WithReference(clients).WaitFor(clients)
    .WithReference(calendar).WaitFor(calendar)
    .WithReference(conversation).WaitFor(conversation)
    .WithReference(transcription).WaitFor(transcription)
    .WithReference(web.GetEndpoint("http")).WaitFor(web)
    .WithReference(data.Redis).WaitFor(data.Redis)
    .WithEnvironment("Auth__Issuer", issuer)
    .WithEnvironment("Gateway__ClientSecret", gatewaySecret)
    .WithHttpHealthCheck("/health");

if (builder.ExecutionContext.IsPublishMode)
{
    // Deployed, Identity and the gateway run outside Development: they start only with their keys from a secret store
    // (the token server's RSA keys, and certificates that encrypt their Data Protection key rings at rest).
    IResourceBuilder<ParameterResource> Secret(string name) => builder.AddParameter(name, secret: true);
    identity
        .WithEnvironment("Identity__SigningKey", Secret("identity-signing-key"))
        .WithEnvironment("Identity__EncryptionKey", Secret("identity-encryption-key"))
        .WithEnvironment("Identity__DataProtection__Certificate", Secret("identity-key-ring-certificate"))
        .WithEnvironment("Identity__DataProtection__CertificatePassword", Secret("identity-key-ring-certificate-password"));
    gateway
        .WithEnvironment("Gateway__DataProtection__Certificate", Secret("gateway-key-ring-certificate"))
        .WithEnvironment("Gateway__DataProtection__CertificatePassword", Secret("gateway-key-ring-certificate-password"));
}

builder.Build().Run();
DeploymentPublisher.WriteIfPublishing(builder);
