// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;

namespace V2gPki.Parties.Audit;

/// <summary>
/// An audit log as a JSON-lines file (one <see cref="AuditRecord"/> per line), opened for append only with
/// mode 0600. Writers are serialised; durable appends are followed by an fsync (<see cref="FileStream.Flush(bool)"/>)
/// before they complete.
/// </summary>
public sealed class JsonLinesAuditLog : IAuditLog, IDisposable
{
    private readonly FileStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);

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

    /// <inheritdoc/>
    public async ValueTask AppendAsync(AuditRecord record, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = JsonSerializer.SerializeToUtf8Bytes(record, AuditJsonContext.Readable.AuditRecord);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One write per line (unbuffered stream, O_APPEND): a line is never interleaved with another.
            await _stream.WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
            if (durable)
            {
                _stream.Flush(flushToDisk: true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stream.Dispose();
        _gate.Dispose();
    }
}
