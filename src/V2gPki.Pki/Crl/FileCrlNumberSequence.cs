// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Text;

namespace V2gPki.Pki.Crl;

/// <summary>
/// CRL numbers kept one file per CA (<c>&lt;directory&gt;/&lt;ca&gt;.crlnumber</c>, the last number handed out in
/// decimal). The new number is flushed to disk and renamed into place before it is returned, so a number is never handed
/// out twice, even across a crash (a crash may skip one). Thread-safe within a process; one process owns the directory.
/// </summary>
public sealed class FileCrlNumberSequence : ICrlNumberSequence
{
    private readonly string _directory;
    private readonly Lock _lock = new();

    /// <summary>Creates a sequence over a directory (created when missing).</summary>
    /// <param name="directory">The directory.</param>
    public FileCrlNumberSequence(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The name is not a plain CA name.</exception>
    /// <exception cref="InvalidDataException">The number file is corrupt or the sequence is exhausted.</exception>
    public ulong Reserve(string caName)
    {
        var path = PathOf(caName);
        lock (_lock)
        {
            var next = checked(Current(caName) + 1);
            Hierarchy.AtomicFile.Write(path, Encoding.ASCII.GetBytes(next.ToString(CultureInfo.InvariantCulture) + "\n"));
            return next;
        }
    }

    /// <summary>The last number handed out for a CA (0 when none).</summary>
    /// <param name="caName">The CA name.</param>
    /// <returns>The number.</returns>
    /// <exception cref="InvalidDataException">The number file is corrupt.</exception>
    public ulong Current(string caName)
    {
        var path = PathOf(caName);
        if (!File.Exists(path))
        {
            return 0;
        }

        var text = File.ReadAllText(path).Trim();
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{path} does not hold a CRL number");
    }

    private string PathOf(string caName)
    {
        ArgumentException.ThrowIfNullOrEmpty(caName);
        foreach (var c in caName)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                throw new ArgumentException($"'{caName}' is not a CA name", nameof(caName));
            }
        }

        return Path.Combine(_directory, caName + ".crlnumber");
    }
}
