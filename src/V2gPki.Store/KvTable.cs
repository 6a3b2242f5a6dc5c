// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using FASTER.core;

namespace V2gPki.Store;

/// <summary>One FASTER <c>FasterKV&lt;SpanByte, SpanByte&gt;</c> with its log device and checkpoint manager.</summary>
internal sealed class KvTable : IDisposable
{
    private readonly IDevice _device;
    private readonly DeviceLogCommitCheckpointManager _checkpoints;

    /// <summary>Creates (does not recover) a table under <paramref name="directory"/>.</summary>
    /// <param name="name">Table name (for messages).</param>
    /// <param name="directory">Directory of hlog segments and checkpoints.</param>
    /// <param name="options">Sizing.</param>
    public KvTable(string name, string directory, KvLogOptions options)
    {
        Name = name;
        Options = options;
        System.IO.Directory.CreateDirectory(directory);
        _device = Devices.CreateLogDevice(Path.Combine(directory, "hlog.log"), preallocateFile: false, deleteOnClose: false);
        _checkpoints = new DeviceLogCommitCheckpointManager(
            new LocalStorageNamedDeviceFactory(),
            new DefaultCheckpointNamingScheme(Path.GetFullPath(Path.Combine(directory, "checkpoints"))),
            removeOutdated: false); // old checkpoints are purged only after a newer manifest is durable
        Kv = new FasterKV<SpanByte, SpanByte>(
            1L << options.IndexBucketBits,
            new LogSettings
            {
                LogDevice = _device,
                PageSizeBits = options.PageSizeBits,
                MemorySizeBits = options.MemorySizeBits,
                SegmentSizeBits = options.SegmentSizeBits,
                MutableFraction = 0.9,
            },
            new CheckpointSettings { CheckpointManager = _checkpoints },
            concurrencyControlMode: ConcurrencyControlMode.None); // safe: every update is read-copy-update (ReadCopyUpdateFunctions)
    }

    /// <summary>Gets the table name.</summary>
    public string Name { get; }

    /// <summary>Gets the sizing.</summary>
    public KvLogOptions Options { get; }

    /// <summary>Gets the FASTER store.</summary>
    public FasterKV<SpanByte, SpanByte> Kv { get; }

    /// <summary>Gets the log span (tail − begin) in bytes.</summary>
    public long LogSpan => Kv.Log.TailAddress - Kv.Log.BeginAddress;

    /// <summary>Recovers a full checkpoint.</summary>
    /// <param name="token">The token the manifest names.</param>
    public void Recover(Guid token) => Kv.Recover(token);

    /// <summary>Takes a full fold-over checkpoint (index + log; the log's new part is flushed to its own file, no snapshot copy).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The checkpoint token.</returns>
    public async Task<Guid> CheckpointAsync(CancellationToken cancellationToken)
    {
        var (success, token) = await Kv.TakeFullCheckpointAsync(CheckpointType.FoldOver, cancellationToken).ConfigureAwait(false);
        if (!success)
        {
            throw new InvalidOperationException("FASTER refused to start a checkpoint of the " + Name + " table (another one in progress).");
        }

        return token;
    }

    /// <summary>Deletes every checkpoint but <paramref name="keep"/>.</summary>
    /// <param name="keep">Token to keep (default: none).</param>
    public void PurgeCheckpointsExcept(Guid keep)
    {
        var tokens = new HashSet<Guid>();
        foreach (var token in _checkpoints.GetLogCheckpointTokens())
        {
            tokens.Add(token);
        }

        foreach (var token in _checkpoints.GetIndexCheckpointTokens())
        {
            tokens.Add(token);
        }

        foreach (var token in tokens)
        {
            if (token != keep)
            {
                _checkpoints.Purge(token);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kv.Dispose();
        _checkpoints.Dispose();
        _device.Dispose();
    }
}
