// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Hierarchy;

/// <summary>Writes small files so that a crash leaves either the old or the new content: temporary file, flush to disk, rename.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="ownerOnly">Create the file readable by its owner only (0600).</param>
    public static void Write(string path, ReadOnlySpan<byte> content, bool ownerOnly = false)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
