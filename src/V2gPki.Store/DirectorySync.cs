// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Runtime.InteropServices;

namespace V2gPki.Store;

/// <summary>fsync of a directory (makes a rename durable); .NET has no API for it, so libc is called on Linux.</summary>
internal static partial class DirectorySync
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY (Linux x64/arm64)

    /// <summary>Flushes a directory's entries to disk; a no-op off Linux.</summary>
    /// <param name="directory">The directory.</param>
    public static void Fsync(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(directory, ReadOnlyDirectory);
        if (fd < 0)
        {
            throw new IOException("open(" + directory + ") failed: errno " + Marshal.GetLastPInvokeError());
        }

        try
        {
            if (FsyncFd(fd) != 0)
            {
                throw new IOException("fsync(" + directory + ") failed: errno " + Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncFd(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
