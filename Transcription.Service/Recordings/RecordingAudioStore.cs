using AgentCalls.Transcription.Service.Data;
using AgentCalls.Transcription.Service.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>
/// An uploaded file's bytes in transcriptiondb, in 1 MiB chunks, from upload until it is transcribed: any replica's
/// worker can read it, it survives a restart, and it is written in one transaction with its job, so a broken upload
/// leaves nothing.
/// </summary>
public sealed class RecordingAudioStore(TranscriptionDbContext db)
{
    private const int ChunkBytes = 1024 * 1024;

    /// <summary>Adds the job and the file at <paramref name="path"/> together.</summary>
    public async Task AddAsync(TranscriptionJob job, string path, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Jobs.Add(job);
            await db.SaveChangesAsync(ct);

            await using var insert = new NpgsqlCommand("INSERT INTO recording_audio_chunks (job_id, sequence, data) VALUES (@job, @sequence, @data)",
                (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
            insert.Parameters.AddWithValue("job", job.Id);
            var sequence = insert.Parameters.Add("sequence", NpgsqlDbType.Integer);
            var data = insert.Parameters.Add("data", NpgsqlDbType.Bytea);
            await using var file = File.OpenRead(path);
            var buffer = new byte[ChunkBytes];
            for (var index = 0; ; index++)
            {
                var filled = await file.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
                if (filled == 0)
                {
                    break;
                }

                sequence.Value = index;
                data.Value = new ArraySegment<byte>(buffer, 0, filled);
                await insert.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Writes the job's stored file to <paramref name="path"/>, for ffmpeg to read (it seeks in some formats).</summary>
    public async Task CopyToFileAsync(Guid jobId, string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await foreach (var data in db.RecordingAudioChunks.AsNoTracking().Where(c => c.JobId == jobId).OrderBy(c => c.Sequence).Select(c => c.Data)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await file.WriteAsync(data, cancellationToken);
        }
    }
}
