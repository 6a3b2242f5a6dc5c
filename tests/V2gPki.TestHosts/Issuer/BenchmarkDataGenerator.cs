// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Issuer;
using V2gPki.Issuer.Import;
using V2gPki.Issuer.Worker;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Profiles;

namespace V2gPki.TestHosts.Issuer;

/// <summary>
/// Creates N real certificates for benchmarks and load tests: each issued by a real Sub-CA 2 key in the HSM through
/// <see cref="CertificateIssuer"/> (lint of the exact TBS, HSM signature, verification), with its real first response
/// signed on the bulk lane and registered through the WAL (<see cref="CertificateImporter"/>). No fake signatures.
/// Resumable: the count done is written to a progress file after every durable batch, and a re-run continues from it.
/// </summary>
public sealed class BenchmarkDataGenerator
{
    private readonly CertificateImporter _importer;
    private readonly CertificateIssuer _issuer;
    private readonly IssuingCa _ca;
    private readonly CertificateProfile _profile;
    private readonly ReadOnlyMemory<byte> _leafKey;
    private readonly int _batchSize;

    /// <summary>Creates a generator.</summary>
    /// <param name="importer">Registers the certificates with their first responses.</param>
    /// <param name="issuer">The certificate issuer.</param>
    /// <param name="ca">The issuing Sub-CA 2 (its key must be in the HSM).</param>
    /// <param name="leafProfile">The leaf profile (e.g. <c>evse</c>).</param>
    /// <param name="leafPublicKey">The SubjectPublicKeyInfo every leaf certifies (one key: only the CA signatures matter here).</param>
    /// <param name="batchSize">Certificates per batch (default 256).</param>
    public BenchmarkDataGenerator(CertificateImporter importer, CertificateIssuer issuer, IssuingCa ca, CertificateProfile leafProfile, ReadOnlyMemory<byte> leafPublicKey, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(leafProfile);
        _importer = importer;
        _issuer = issuer;
        _ca = ca;
        _profile = leafProfile;
        _leafKey = leafPublicKey;
        _batchSize = Math.Max(1, batchSize);
    }

    /// <summary>Generates certificates until <paramref name="count"/> exist (counting those a previous run recorded).</summary>
    /// <param name="count">The total wanted.</param>
    /// <param name="progressFile">Where the count done is kept (resumption), or null.</param>
    /// <param name="progress">Called after each batch with (done, total), or null.</param>
    /// <param name="cancellationToken">Stops after the current batch.</param>
    /// <returns>The number of certificates that exist now.</returns>
    public async Task<long> GenerateAsync(long count, string? progressFile, Action<long, long>? progress = null, CancellationToken cancellationToken = default)
    {
        long done = 0;
        if (progressFile is not null && File.Exists(progressFile))
        {
            done = long.Parse(File.ReadAllText(progressFile).Trim(), CultureInfo.InvariantCulture);
        }

        var batch = new List<(byte[] Der, ResponseStatus? Status)>(_batchSize);
        while (done < count && !cancellationToken.IsCancellationRequested)
        {
            batch.Clear();
            var n = (int)Math.Min(_batchSize, count - done);
            for (var i = 0; i < n; i++)
            {
                var index = done + i;
                var id = "DEV2GE" + index.ToString("D10", CultureInfo.InvariantCulture); // EVSE ID in normalised form (ISO 15118-2 Annex H)
                var result = _issuer.IssueForKey(_profile, _leafKey, new SubjectValues(id, "V2G Bench CPO", "DE"), _ca);
                if (!result.IsIssued)
                {
                    throw new InvalidOperationException("Issuing a benchmark certificate failed: " + result);
                }

                batch.Add((result.Certificate!.Der, null));
            }

            var report = await _importer.ImportAsync(batch, CertificateKinds.FromProfile(_profile), null, cancellationToken).ConfigureAwait(false);
            if (report.Imported + report.AlreadyPresent != n)
            {
                throw new InvalidOperationException("Registering benchmark certificates failed: " + report);
            }

            done += n;
            if (progressFile is not null)
            {
                var temp = progressFile + ".tmp";
                File.WriteAllText(temp, done.ToString(CultureInfo.InvariantCulture));
                File.Move(temp, progressFile, overwrite: true);
            }

            progress?.Invoke(done, count);
        }

        return done;
    }
}
