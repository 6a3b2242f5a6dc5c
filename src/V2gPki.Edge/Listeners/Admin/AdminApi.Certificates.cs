// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using V2gPki.Issuer;
using V2gPki.Issuer.Signers;
using V2gPki.Store;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>The read routes: certificate details and PEM, listing by subject ID, the configured CAs.</summary>
internal sealed partial class AdminApi
{
    private async Task StatusAsync(HttpContext context, AdminRequest request)
    {
        if (!TryReadPathTarget(request, out var issuer, out var serial, out var record, out var failure, out var detail))
        {
            await FailAsync(context, request, failure, detail!).ConfigureAwait(false);
            return;
        }

        var now = _time.GetUtcNow();
        var der = new ArrayBufferWriter<byte>(2048);
        string? subject = null;
        if (_registry.TryGetCertificateDer(issuer!.Id, serial, der) == LookupStatus.Found)
        {
            subject = SubjectOf(der.WrittenMemory);
        }

        var details = new CertificateDetails
        {
            Ca = issuer.Name,
            Serial = SerialNumberText.ToHex(serial),
            Kind = CertificateText.Kind(record!.Kind),
            SubjectId = record.SubjectId,
            Subject = subject,
            NotBefore = record.NotBefore,
            NotAfter = record.NotAfter,
            Expired = record.NotAfter <= now,
            Status = CertificateText.Status(record.Status),
            RevokedAt = record.Status == CertificateStatus.Good ? null : record.RevocationTime,
            Reason = record.Status == CertificateStatus.Good ? null : RevocationReasonText.ToName(record.Reason),
            ReasonCode = record.Status == CertificateStatus.Good ? null : (int)record.Reason,
            StatusVersion = record.StatusVersion,
            IssuedAt = record.IssuedAt,
            Requester = string.IsNullOrEmpty(record.Requester) ? null : record.Requester,
            CertificateSha256 = record.CertificateSha256.IsEmpty ? null : Convert.ToHexStringLower(record.CertificateSha256.Span),
            Issuer = new CaReference { Name = issuer.Name, IssuerId = issuer.Id.Value, Subject = NameOf(issuer.Certificate.SubjectName) },
            Ocsp = ServingDetails(issuer, serial, record, now),
        };
        await RespondAsync(context, request, AdminOutcome.Ok, "status " + details.Status, details, AdminJsonContext.Readable.CertificateDetails).ConfigureAwait(false);
    }

    private async Task PemAsync(HttpContext context, AdminRequest request)
    {
        if (!TryReadPathTarget(request, out var issuer, out var serial, out _, out var failure, out var detail))
        {
            await FailAsync(context, request, failure, detail!).ConfigureAwait(false);
            return;
        }

        var der = new ArrayBufferWriter<byte>(2048);
        if (_registry.TryGetCertificateDer(issuer!.Id, serial, der) != LookupStatus.Found)
        {
            await FailAsync(context, request, AdminOutcome.NotFound, "certificate DER not in the store").ConfigureAwait(false);
            return;
        }

        request.Outcome = AdminOutcome.Ok;
        await AuditAsync(request, AdminOutcomes.Name(AdminOutcome.Ok), StatusCodes.Status200OK, null, durable: false).ConfigureAwait(false);
        var pem = Encoding.ASCII.GetBytes(PemEncoding.WriteString("CERTIFICATE", der.WrittenSpan) + "\n");
        await WriteAsync(context, request, StatusCodes.Status200OK, "application/x-pem-file", pem).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context, AdminRequest request)
    {
        var query = context.Request.Query;
        var subjectText = query["subject"].ToString();
        request.Subject = Truncate(subjectText);
        if (!SubjectIdQuery.TryCreate(subjectText, out var subject, out var detail))
        {
            await FailAsync(context, request, AdminOutcome.BadRequest, detail + " (GET /admin/v1/certificates?subject=<id>)").ConfigureAwait(false);
            return;
        }

        request.Subject = subject!.Normalized;
        var limit = _options.DefaultListLimit;
        var limitText = query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > _options.MaxListLimit))
        {
            await FailAsync(context, request, AdminOutcome.BadRequest, $"limit: must be 1 to {_options.MaxListLimit}").ConfigureAwait(false);
            return;
        }

        // The subject-ID index (docs/architecture.md §5) gives the subject's certificates, the registry their current
        // records; off the request thread, since either read may go to disk.
        var records = new List<CertificateRecord>();
        var aborted = context.RequestAborted;
        var lookup = await Task.Run(() => _registry.TryGetCertificatesBySubject(subject.Compact, records), aborted).ConfigureAwait(false);
        if (lookup == LookupStatus.NotReady)
        {
            await FailAsync(context, request, AdminOutcome.Unavailable, "the store is not ready: retry").ConfigureAwait(false);
            return;
        }

        var truncated = records.Count > limit;
        var found = new List<CertificateSummary>(Math.Min(records.Count, limit));
        for (var i = 0; i < records.Count && i < limit; i++)
        {
            found.Add(Summary(records[i]));
        }

        aborted.ThrowIfCancellationRequested();
        var list = new CertificateList
        {
            Subject = subject.Normalized,
            IdentifierType = subject.IdentifierType,
            Count = found.Count,
            Truncated = truncated,
            Certificates = found,
        };
        await RespondAsync(context, request, AdminOutcome.Ok, $"{found.Count} listed{(truncated ? ", truncated" : string.Empty)}", list, AdminJsonContext.Readable.CertificateList).ConfigureAwait(false);
    }

    private async Task CasAsync(HttpContext context, AdminRequest request)
    {
        var cas = new List<CaSummary>(_directory.Issuers.Count);
        foreach (var issuer in _directory.Issuers)
        {
            var certificate = issuer.Certificate;
            cas.Add(new CaSummary
            {
                Name = issuer.Name,
                IssuerId = issuer.Id.Value,
                Parent = issuer.ParentName,
                Subject = NameOf(certificate.SubjectName),
                SubjectDer = Convert.ToBase64String(certificate.SubjectName),
                SubjectKeyId = SubjectKeyIdOf(certificate.Der),
                NotBefore = certificate.NotBefore,
                NotAfter = certificate.NotAfter,
                Online = issuer.IsOnline,
                CurrentSigner = issuer.CurrentSigner is { } signer ? Signer(signer) : null,
            });
        }

        await RespondAsync(context, request, AdminOutcome.Ok, $"{cas.Count} CAs", new CaList { Cas = cas }, AdminJsonContext.Readable.CaList).ConfigureAwait(false);
    }

    /// <summary>Resolves the <c>{ca}/{serial}</c> path segments and reads the record.</summary>
    private bool TryReadPathTarget(AdminRequest request, out IssuerEntry? issuer, out byte[] serial, out CertificateRecord? record, out AdminOutcome failure, out string? detail)
    {
        issuer = null;
        record = null;
        var ca = request.Ca!;
        if (!SerialNumberText.TryParse(request.Serial, out serial, out detail))
        {
            failure = AdminOutcome.BadRequest;
            return false;
        }

        request.Serial = SerialNumberText.ToHex(serial);
        return TryResolveCa(ca, out issuer, out failure, out detail) && TryGetRecord(issuer!, serial, out record, out failure, out detail);
    }

    /// <summary>What the serving index holds for a certificate.</summary>
    private ServingResponseDetails ServingDetails(IssuerEntry issuer, byte[] serial, CertificateRecord record, DateTimeOffset now)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(StoreLimits.MaxSignedResponseLength);
        try
        {
            var lookup = _serving.TryGetResponse(issuer.Id, serial, buffer, out var metadata);
            if (lookup != LookupStatus.Found)
            {
                return new ServingResponseDetails
                {
                    Lookup = lookup switch
                    {
                        LookupStatus.NotFound => "not_found",
                        LookupStatus.NotReady => "not_ready",
                        LookupStatus.Pending => "pending",
                        _ => "error",
                    },
                };
            }

            return new ServingResponseDetails
            {
                Lookup = "found",
                Status = CertificateText.Status(metadata.Status),
                ThisUpdate = metadata.ThisUpdate,
                NextUpdate = metadata.NextUpdate,
                StatusVersion = metadata.StatusVersion,
                Current = metadata.StatusVersion == record.StatusVersion,
                Fresh = now < metadata.NextUpdate,
                Signer = _directory.TryGetSigner(metadata.SignerId, out var signer) ? Signer(signer) : null,
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private CertificateSummary Summary(CertificateRecord record) => new()
    {
        Ca = _directory.TryGetIssuer(record.Issuer, out var issuer) ? issuer.Name : record.Issuer.ToString(),
        Serial = SerialNumberText.ToHex(record.Serial.Span),
        Kind = CertificateText.Kind(record.Kind),
        SubjectId = record.SubjectId,
        Status = CertificateText.Status(record.Status),
        NotBefore = record.NotBefore,
        NotAfter = record.NotAfter,
        RevokedAt = record.Status == CertificateStatus.Good ? null : record.RevocationTime,
        Reason = record.Status == CertificateStatus.Good ? null : RevocationReasonText.ToName(record.Reason),
    };

    private static SignerDetails Signer(DelegatedSigner signer) => new()
    {
        Id = signer.Id,
        Name = signer.KeyLabel,
        Subject = NameOf(signer.Certificate.SubjectName),
        NotAfter = signer.NotAfter,
    };

    /// <summary>A DER Name as an RFC 4514-style string.</summary>
    private static string NameOf(byte[] name)
    {
        try
        {
            return new X500DistinguishedName(name).Name;
        }
        catch (CryptographicException)
        {
            return Convert.ToBase64String(name);
        }
    }

    private static string? SubjectOf(ReadOnlyMemory<byte> der)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der.Span);
            return certificate.Subject;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string? SubjectKeyIdOf(byte[] der)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            foreach (var extension in certificate.Extensions)
            {
                if (extension is X509SubjectKeyIdentifierExtension ski)
                {
                    return ski.SubjectKeyIdentifier;
                }
            }

            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
