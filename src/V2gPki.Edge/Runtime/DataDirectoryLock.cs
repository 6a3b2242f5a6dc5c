// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Text;

namespace V2gPki.Edge.Runtime;

/// <summary>
/// One process per data directory: an exclusive lock on <c>&lt;DataDir&gt;/v2gpki.lock</c> (on Linux .NET takes
/// <c>flock(LOCK_EX | LOCK_NB)</c> for <see cref="FileShare.None"/>), held while a server, the demo or <c>store verify</c>
/// has the store and tokens open. Two processes on one FASTER store and WAL would corrupt it; a demo that wipes the
/// directory of one still shutting down would fail half-way. The kernel drops the lock when the holder dies, kill -9
/// included, so a stale file never blocks a restart. The file holds the holder's pid for operators (a .NET reader would take a shared flock and fail).
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    /// <summary>The lock file's name inside the data directory.</summary>
    public const string FileName = "v2gpki.lock";

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of a data directory (which must exist).</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="directoryLock">The lock, held until disposed.</param>
    /// <param name="holder">When the lock is taken by another process: a message naming it.</param>
    /// <returns>False when another process holds it.</returns>
    public static bool TryAcquire(string dataDirectory, out DataDirectoryLock? directoryLock, out string? holder)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            directoryLock = null;
            holder = $"another v2gpki process is using {dataDirectory} (its pid is in {path}): stop it first, or wait until it has finished stopping";
            return false;
        }

        var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        file.SetLength(0);
        file.Write(pid);
        file.Flush();
        directoryLock = new DataDirectoryLock(file);
        holder = null;
        return true;
    }

    /// <summary>Whether another process holds the lock of a data directory right now (the directory may not exist).</summary>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="holder">A message naming the holder when it is held.</param>
    /// <returns>True when held by another process.</returns>
    public static bool IsHeldElsewhere(string dataDirectory, out string? holder)
    {
        holder = null;
        if (!File.Exists(Path.Combine(dataDirectory, FileName)))
        {
            return false;
        }

        if (!TryAcquire(dataDirectory, out var probe, out holder))
        {
            return true;
        }

        probe!.Dispose();
        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
