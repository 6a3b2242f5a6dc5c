// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using V2gPki.Issuer.Signers;
using V2gPki.Issuer.Worker;
using V2gPki.Pki.Certificates;
using V2gPki.Store;

namespace V2gPki.Issuer.Import;

/// <summary>
/// Imports existing certificates (migration from another CA, load tests): a directory of PEM/DER files, or an openssl CA
/// <c>index.txt</c> with its certificate directory (revoked entries keep their date and reason). Each certificate is
/// checked against its CA, its first response is signed on the HSM bulk lane in batches, and it is registered through
/// the WAL (group commit), so an import is as durable as an issuance. Re-running an import is idempotent.
/// </summary>
public sealed class CertificateImporter
{
    private readonly IssuingWorker _worker;
    private readonly IStoreWriter _writer;
    private readonly int _batchSize;
    private readonly TimeProvider _time;

    /// <summary>Creates an importer.</summary>
    /// <param name="worker">The worker (directory, CA resolution, response factory).</param>
    /// <param name="writer">The store's write side.</param>
    /// <param name="batchSize">Responses per bulk-lane batch (default 256).</param>
    /// <param name="time">The clock.</param>
    public CertificateImporter(IssuingWorker worker, IStoreWriter writer, int batchSize, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(time);
        _worker = worker;
        _writer = writer;
        _batchSize = Math.Max(1, batchSize);
        _time = time;
    }

    /// <summary>Imports every certificate in the PEM (<c>.pem</c>, <c>.crt</c>, possibly several per file) and DER (<c>.der</c>, <c>.cer</c>) files of a directory tree, as good; a CERTIFICATE block that cannot be decoded counts as invalid.</summary>
    /// <param name="path">The directory.</param>
    /// <param name="kind">The registry kind to record (leaf kind), or Unspecified to derive CA/leaf from basicConstraints.</param>
    /// <param name="progress">Called with the number processed so far, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The report.</returns>
    public Task<ImportReport> ImportDirectoryAsync(string path, CertificateKind kind, Action<long>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(ReadDirectory(path), kind, progress, cancellationToken);

    /// <summary>Imports an openssl CA database: each <c>index.txt</c> line's certificate from <paramref name="certificates"/> (<c>&lt;SERIAL&gt;.pem</c>) with its status; a line whose file is missing counts as invalid.</summary>
    /// <param name="indexPath">The index.txt.</param>
    /// <param name="certificates">The directory with the certificates (openssl <c>new_certs_dir</c>).</param>
    /// <param name="kind">The registry kind to record.</param>
    /// <param name="progress">Progress callback, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The report.</returns>
    public Task<ImportReport> ImportOpenSslIndexAsync(string indexPath, string certificates, CertificateKind kind, Action<long>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(ReadIndex(indexPath, certificates), kind, progress, cancellationToken);

    /// <summary>Imports certificates with their statuses (the core of the other imports and of the benchmark data generator).</summary>
    /// <param name="certificates">DER certificates with a status (null for good).</param>
    /// <param name="kind">The registry kind to record, or Unspecified to derive it.</param>
    /// <param name="progress">Progress callback, or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The report.</returns>
    public async Task<ImportReport> ImportAsync(IEnumerable<(byte[] Der, ResponseStatus? Status)> certificates, CertificateKind kind, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var report = new ImportReport();
        var started = Stopwatch.GetTimestamp();
        var signer = new BulkResponseSigner(_worker.Factory, _batchSize);
        var pending = new Dictionary<IssuerEntry, List<(CertificateInfo Info, ResponseStatus Status)>>();
        long processed = 0;
        foreach (var (der, status) in certificates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            processed++;
            if (!CertificateInfo.TryParse(der, out var info))
            {
                report.Add(RegistrationStatus.InvalidCertificate);
                continue;
            }

            var resolved = _worker.ResolveIssuer(info!, out var issuer);
            if (issuer is null)
            {
                report.Add(resolved);
                continue;
            }

            if (!pending.TryGetValue(issuer, out var list))
            {
                pending[issuer] = list = new List<(CertificateInfo, ResponseStatus)>(_batchSize);
            }

            list.Add((info!, status ?? ResponseStatus.Good));
            if (list.Count >= _batchSize)
            {
                await FlushAsync(signer, issuer, list, kind, report, cancellationToken).ConfigureAwait(false);
                progress?.Invoke(processed);
            }
        }

        foreach (var (issuer, list) in pending)
        {
            await FlushAsync(signer, issuer, list, kind, report, cancellationToken).ConfigureAwait(false);
        }

        progress?.Invoke(processed);
        report.Elapsed = Stopwatch.GetElapsedTime(started);
        return report;
    }

    private async Task FlushAsync(BulkResponseSigner signer, IssuerEntry issuer, List<(CertificateInfo Info, ResponseStatus Status)> list, CertificateKind kind, ImportReport report, CancellationToken cancellationToken)
    {
        if (list.Count == 0)
        {
            return;
        }

        var items = new BulkSignItem[list.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new BulkSignItem(list[i].Info.Serial, list[i].Status, 0);
        }

        var responses = new SignedResponse[items.Length];
        var outcome = await signer.SignAsync(issuer, items, responses, cancellationToken).ConfigureAwait(false);
        if (outcome != SignOutcome.Success)
        {
            foreach (var _ in list)
            {
                report.Add(RegistrationStatus.SigningFailed);
            }

            list.Clear();
            return;
        }

        var now = _time.GetUtcNow();
        var writes = new Task<WriteResult>[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var (info, status) = list[i];
            var registration = new CertificateRegistration
            {
                CertificateDer = info.Der,
                Kind = kind != CertificateKind.Unspecified ? kind : info.IsCa ? CertificateKind.SubCa : CertificateKind.Unspecified,
                Requester = "import",
                InitialStatus = status,
            };
            writes[i] = _writer.IssueAsync(IssuingWorker.BuildIssuance(issuer, info, registration, responses[i], now), cancellationToken).AsTask();
        }

        foreach (var write in writes)
        {
            report.Add(IssuingWorker.Map((await write.ConfigureAwait(false)).Status));
        }

        list.Clear();
    }

    private static IEnumerable<(byte[], ResponseStatus?)> ReadDirectory(string path)
    {
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            var extension = Path.GetExtension(file).ToUpperInvariant();
            if (extension is ".DER" or ".CER")
            {
                var bytes = File.ReadAllBytes(file);
                if (bytes.Length > 0 && bytes[0] == 0x30)
                {
                    yield return (bytes, null);
                    continue;
                }
            }

            if (extension is ".PEM" or ".CRT" or ".CER")
            {
                foreach (var der in PemCertificates(File.ReadAllText(file)))
                {
                    yield return (der, null);
                }
            }
        }
    }

    private static IEnumerable<(byte[], ResponseStatus?)> ReadIndex(string indexPath, string certificates)
    {
        foreach (var line in File.ReadLines(indexPath))
        {
            var fields = line.Split('\t');
            if (fields.Length < 4 || fields[0].Length != 1)
            {
                continue;
            }

            var serialHex = fields[3].ToUpperInvariant();
            var file = Path.Combine(certificates, serialHex + ".pem");
            ResponseStatus? status = null;
            if (fields[0] == "R")
            {
                status = ParseRevocation(fields[2]);
            }

            if (!File.Exists(file))
            {
                // Counted as an invalid certificate in the report, not skipped in silence.
                yield return ([], status);
                continue;
            }

            foreach (var der in PemCertificates(File.ReadAllText(file)))
            {
                yield return (der, status);
            }
        }
    }

    /// <summary>Parses an index.txt revocation field: <c>YYMMDDHHMMSSZ[,reason]</c>.</summary>
    internal static ResponseStatus ParseRevocation(string field)
    {
        var parts = field.Split(',');
        var time = DateTimeOffset.ParseExact(parts[0], parts[0].Length == 13 ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var reason = parts.Length > 1 ? parts[1] switch
        {
            "keyCompromise" => RevocationReason.KeyCompromise,
            "CACompromise" => RevocationReason.CaCompromise,
            "affiliationChanged" => RevocationReason.AffiliationChanged,
            "superseded" => RevocationReason.Superseded,
            "cessationOfOperation" => RevocationReason.CessationOfOperation,
            "certificateHold" => RevocationReason.CertificateHold,
            "privilegeWithdrawn" => RevocationReason.PrivilegeWithdrawn,
            "AACompromise" => RevocationReason.AaCompromise,
            _ => RevocationReason.Unspecified,
        } : RevocationReason.Unspecified;
        return reason == RevocationReason.CertificateHold
            ? new ResponseStatus(CertificateStatus.Hold, time, RevocationReason.CertificateHold)
            : new ResponseStatus(CertificateStatus.Revoked, time, reason);
    }

    /// <summary>
    /// The DER of every <c>CERTIFICATE</c> block. A block whose base64 is broken yields an empty item, which the import
    /// counts as an invalid certificate: an input that cannot be read is reported, never dropped in silence (an
    /// imported CA's certificate missing from the store would be answered as never issued).
    /// </summary>
    private static IEnumerable<byte[]> PemCertificates(string text)
    {
        const string Begin = "-----BEGIN CERTIFICATE-----";
        const string End = "-----END CERTIFICATE-----";
        var at = 0;
        while ((at = text.IndexOf(Begin, at, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf(End, at, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            var body = text.AsSpan(at + Begin.Length, end - at - Begin.Length).ToString();
            byte[] der;
            try
            {
                der = Convert.FromBase64String(body.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim());
            }
            catch (FormatException)
            {
                der = [];
            }

            yield return der;
            at = end + End.Length;
        }
    }
}
