// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;

namespace V2gPki.Parties.Audit;

/// <summary>
/// An audit log as a JSON-lines file (one <see cref="AuditRecord"/> per line), opened for append only with
/// mode 0600, with group commit: appends queue their line, one writer at a time takes everything queued, writes it in one
/// append and, when any of those lines is durable, fsyncs once (<see cref="FileStream.Flush(bool)"/>) before completing
/// them all. Many concurrent enrollments thus share one fsync, and none has one of its own (docs/architecture.md §3 EST
/// enrollment); a durable append still returns only once its line is on stable storage.
/// </summary>
public sealed class JsonLinesAuditLog : IAuditLog, IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _lock = new();
    private List<Pending> _queue = [];
    private bool _writing;
    private long _syncs;
    private long _writes;

    /// <summary>Opens (creating when missing, with its directory) the log file for append.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened.</exception>
    public JsonLinesAuditLog(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var options = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        _stream = new FileStream(Path, options);
    }

    /// <summary>The full path of the log file.</summary>
    public string Path { get; }

    /// <summary>Gets how many fsyncs the log has made (fewer than durable appends when they came together).</summary>
    public long SyncCount => Interlocked.Read(ref _syncs);

    /// <summary>Gets how many appends (each one write of one or more lines) the log has made.</summary>
    public long WriteCount => Interlocked.Read(ref _writes);

    /// <inheritdoc/>
    public async ValueTask AppendAsync(AuditRecord record, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = JsonSerializer.SerializeToUtf8Bytes(record, AuditJsonContext.Readable.AuditRecord);
        var pending = new Pending(json, durable);
        bool start;
        lock (_lock)
        {
            _queue.Add(pending);
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            // The writer runs on its own, so that no caller waits for lines queued after its own.
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes what is queued, batch after batch, until the queue is empty.</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_lock)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _queue;
                _queue = [];
            }

            try
            {
                var length = 0;
                var durable = false;
                foreach (var item in batch)
                {
                    length += item.Json.Length + 1;
                    durable |= item.Durable;
                }

                var buffer = new byte[length];
                var offset = 0;
                foreach (var item in batch)
                {
                    item.Json.CopyTo(buffer, offset);
                    offset += item.Json.Length;
                    buffer[offset++] = (byte)'\n';
                }

                // One write per batch (unbuffered stream, O_APPEND): lines are never interleaved or split.
                await _stream.WriteAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref _writes);
                if (durable)
                {
                    _stream.Flush(flushToDisk: true);
                    Interlocked.Increment(ref _syncs);
                }

                foreach (var item in batch)
                {
                    item.Completion.TrySetResult();
                }
            }
#pragma warning disable CA1031 // Every waiting append must learn of the failure; the writer itself goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var failure = ex as IOException ?? new IOException("the audit log cannot be written: " + ex.Message, ex);
                foreach (var item in batch)
                {
                    item.Completion.TrySetException(failure);
                }
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    private sealed class Pending(byte[] json, bool durable)
    {
        public byte[] Json { get; } = json;

        public bool Durable { get; } = durable;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
