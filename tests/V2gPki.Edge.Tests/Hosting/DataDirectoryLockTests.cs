// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Edge.Runtime;

namespace V2gPki.Edge.Tests.Hosting;

/// <summary>One process per data directory: the lock behind serve, demo and store verify (a real file, a real flock).</summary>
public sealed class DataDirectoryLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("v2gpki-lock-").FullName;

    [Fact]
    public void TryAcquire_Free_TakesItAndWritesThePid()
    {
        Assert.True(DataDirectoryLock.TryAcquire(_directory, out var held, out var holder));
        using (held)
        {
            Assert.Null(holder);
            Assert.False(DataDirectoryLock.IsHeldElsewhere(Path.Combine(_directory, "nothing-here"), out _));
        }

        // The pid is readable by tools that do not flock (cat); after disposal the file stays but is free.
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(_directory, DataDirectoryLock.FileName)).Trim());
    }

    [Fact]
    public void TryAcquire_HeldByAnotherOpenFile_RefusedWithAMessageNamingTheDirectory()
    {
        Assert.True(DataDirectoryLock.TryAcquire(_directory, out var first, out _));
        using (first)
        {
            Assert.False(DataDirectoryLock.TryAcquire(_directory, out var second, out var holder));
            Assert.Null(second);
            Assert.Contains("another v2gpki process is using " + _directory, holder, StringComparison.Ordinal);
            Assert.True(DataDirectoryLock.IsHeldElsewhere(_directory, out var again));
            Assert.Equal(holder, again);
        }

        // Released with the holder (the kernel does the same when the holder dies, kill -9 included).
        Assert.False(DataDirectoryLock.IsHeldElsewhere(_directory, out _));
        Assert.True(DataDirectoryLock.TryAcquire(_directory, out var third, out _));
        third!.Dispose();
    }

    [Fact]
    public void TryAcquire_MissingDirectory_Throws()
    {
        Assert.ThrowsAny<IOException>(() => DataDirectoryLock.TryAcquire(Path.Combine(_directory, "missing"), out _, out _));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
