using Google.Protobuf.WellKnownTypes;
using Proto = AgentCalls.Contracts.Clients.V1;
using AgentCalls.Clients.Service.Import.Mapping;
using AgentCalls.Clients.Service.Import.Upload;

namespace AgentCalls.Clients.Service.Import.Jobs;

/// <summary>A stored import as the contract shows it.</summary>
public static class ImportView
{
    public static Proto.Import ToProto(ImportJob job)
    {
        var import = new Proto.Import
        {
            ImportId = job.Id.ToString(),
            FileName = job.FileName,
            FileBytes = job.FileBytes,
            Status = job.Status switch
            {
                ImportStatus.Uploaded => Proto.ImportStatus.Uploaded,
                ImportStatus.Queued => Proto.ImportStatus.Queued,
                ImportStatus.Running => Proto.ImportStatus.Running,
                ImportStatus.Succeeded => Proto.ImportStatus.Succeeded,
                ImportStatus.Failed => Proto.ImportStatus.Failed,
                _ => Proto.ImportStatus.Cancelled,
            },
            DryRun = job.DryRun,
            DuplicateMode = job.DuplicateMode == DuplicateMode.Skip ? Proto.DuplicateMode.Skip : Proto.DuplicateMode.Update,
            Delimiter = job.Delimiter.ToString(),
            TotalRows = job.TotalRows,
            RowsDone = job.RowsDone,
            ClientsCreated = job.ClientsCreated,
            ClientsUpdated = job.ClientsUpdated,
            ClientsUnchanged = job.ClientsUnchanged,
            PoliciesCreated = job.PoliciesCreated,
            PoliciesUpdated = job.PoliciesUpdated,
            RowsFailed = job.RowsFailed,
            ValuesFiledAsOther = job.ValuesFiledAsOther,
            Encoding = job.Encoding,
            Error = job.Error ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(job.CreatedAt),
            StartedAt = job.StartedAt is { } started ? Timestamp.FromDateTimeOffset(started) : null,
            FinishedAt = job.FinishedAt is { } finished ? Timestamp.FromDateTimeOffset(finished) : null,
            FileRemovedAt = job.FileRemovedAt is { } removed ? Timestamp.FromDateTimeOffset(removed) : null,
        };
        import.Mapping.AddRange(ImportMapping.Deserialize(job.Mapping).Select(c => new Proto.ColumnMapping { ColumnIndex = c.Index, Header = c.Header, Field = c.Field }));
        import.EncodingOptions.AddRange(CsvEncodingOption.Deserialize(job.EncodingOptions).Select(o => new Proto.ImportEncodingOption
        {
            Encoding = o.Encoding,
            Header = { o.Header },
            Rows = { o.Rows.Select(cells => new Proto.ImportSampleRow { Cells = { cells } }) },
        }));
        return import;
    }

    public static Proto.ImportPreviewRow ToProto(ImportPreviewRow row) => new()
    {
        Line = row.Line,
        DisplayName = row.DisplayName,
        Action = row.Action switch
        {
            "create" => Proto.ImportRowAction.Create,
            "update" => Proto.ImportRowAction.Update,
            _ => Proto.ImportRowAction.Skip,
        },
        ClientId = row.ClientId?.ToString() ?? "",
        PolicyCount = row.PolicyCount,
    };
}
