// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace V2gPki.Issuer.Signers;

/// <summary>
/// The durable assignment of signer ids to delegated signer certificates. The serving index records a 2-byte signer id
/// with every response, so the id → certificate mapping must survive restarts and must never be reused: it is kept in
/// a small text file (one line per signer: id, CA name, key label, base64 DER), rewritten atomically (temp file, flush
/// to disk, rename) before any response signed by a new signer is stored.
/// </summary>
public sealed class SignerCatalog
{
    private readonly string? _path;
    private readonly Lock _lock = new();
    private readonly List<SignerCatalogEntry> _entries = [];

    /// <summary>Opens (or starts) a catalog.</summary>
    /// <param name="path">The file, or null for an in-memory catalog (tests, tools).</param>
    /// <exception cref="InvalidDataException">The file is malformed.</exception>
    public SignerCatalog(string? path)
    {
        _path = path;
        if (path is null || !File.Exists(path))
        {
            return;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 4 || !ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id == 0)
            {
                throw new InvalidDataException($"Malformed signer catalog line in {path}.");
            }

            _entries.Add(new SignerCatalogEntry(id, parts[1], parts[2], Convert.FromBase64String(parts[3])));
        }
    }

    /// <summary>Gets a snapshot of every entry.</summary>
    public IReadOnlyList<SignerCatalogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>Returns the id of a signer certificate, assigning (and persisting) the next free id for a new one.</summary>
    /// <param name="caName">The CA it signs for.</param>
    /// <param name="keyLabel">Its key label.</param>
    /// <param name="certificateDer">Its certificate.</param>
    /// <returns>The id.</returns>
    /// <exception cref="InvalidOperationException">All 65535 ids are used.</exception>
    public ushort GetOrAssign(string caName, string keyLabel, ReadOnlySpan<byte> certificateDer)
    {
        lock (_lock)
        {
            var max = 0;
            foreach (var entry in _entries)
            {
                if (entry.CertificateDer.AsSpan().SequenceEqual(certificateDer))
                {
                    return entry.Id;
                }

                max = Math.Max(max, entry.Id);
            }

            if (max == ushort.MaxValue)
            {
                throw new InvalidOperationException("No signer id left.");
            }

            var added = new SignerCatalogEntry((ushort)(max + 1), caName, keyLabel, certificateDer.ToArray());
            _entries.Add(added);
            Persist();
            return added.Id;
        }
    }

    /// <summary>Records a signer under an id chosen elsewhere (the CA manifest), or returns the id it already has.</summary>
    /// <param name="id">The wanted id.</param>
    /// <param name="caName">The CA it signs for.</param>
    /// <param name="keyLabel">Its key label.</param>
    /// <param name="certificateDer">Its certificate.</param>
    /// <returns>The id recorded for the certificate.</returns>
    /// <exception cref="InvalidOperationException">The id already names another certificate.</exception>
    public ushort Register(ushort id, string caName, string keyLabel, ReadOnlySpan<byte> certificateDer)
    {
        if (id == 0)
        {
            return GetOrAssign(caName, keyLabel, certificateDer);
        }

        lock (_lock)
        {
            foreach (var entry in _entries)
            {
                if (entry.CertificateDer.AsSpan().SequenceEqual(certificateDer))
                {
                    return entry.Id;
                }

                if (entry.Id == id)
                {
                    throw new InvalidOperationException($"Signer id {id} already names another certificate ({entry.CaName}, {entry.KeyLabel}); ids are never reused.");
                }
            }

            _entries.Add(new SignerCatalogEntry(id, caName, keyLabel, certificateDer.ToArray()));
            Persist();
            return id;
        }
    }

    private void Persist()
    {
        if (_path is null)
        {
            return;
        }

        var text = new StringBuilder("# V2gPki delegated OCSP signers: id, CA, key label, certificate (base64 DER). Ids are never reused.\n");
        foreach (var entry in _entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{entry.Id}\t{entry.CaName}\t{entry.KeyLabel}\t{Convert.ToBase64String(entry.CertificateDer)}\n");
        }

        var temp = _path + ".tmp-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
    }
}
