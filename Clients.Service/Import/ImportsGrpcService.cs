using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using ImportsBase = AgentCalls.Contracts.Clients.V1.Imports.ImportsBase;
using AgentCalls.Clients.Service.Import.Jobs;

namespace AgentCalls.Clients.Service.Import;

public sealed class ImportsGrpcService(CurrentAgent agent, ImportJobs jobs) : ImportsBase
{
    public override Task<ListImportsResponse> ListImports(ListImportsRequest request, ServerCallContext context) =>
        jobs.ListAsync(agent.Id, request, context.CancellationToken);

    public override Task<Contracts.Clients.V1.Import> GetImport(GetImportRequest request, ServerCallContext context) =>
        jobs.GetAsync(agent.Id, request.ImportId, context.CancellationToken);

    public override Task<Contracts.Clients.V1.Import> StartImport(StartImportRequest request, ServerCallContext context) =>
        jobs.StartAsync(agent.Id, request, context.CancellationToken);

    public override Task<Contracts.Clients.V1.Import> CancelImport(CancelImportRequest request, ServerCallContext context) =>
        jobs.CancelAsync(agent.Id, request.ImportId, context.CancellationToken);

    public override Task<ListImportErrorsResponse> ListImportErrors(ListImportErrorsRequest request, ServerCallContext context) =>
        jobs.ListErrorsAsync(agent.Id, request, context.CancellationToken);

    public override Task<ListImportPreviewResponse> ListImportPreview(ListImportPreviewRequest request, ServerCallContext context) =>
        jobs.ListPreviewAsync(agent.Id, request.ImportId, context.CancellationToken);
}
