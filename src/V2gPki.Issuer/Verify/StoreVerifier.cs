// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using V2gPki.Ocsp;
using V2gPki.Pki.Certificates;
using V2gPki.Store;

namespace V2gPki.Issuer.Verify;

/// <summary>
/// <c>v2gpki store verify</c>: an invariant check over the whole store. For every registered certificate: its response
/// exists and parses, verifies against the recorded signer (a signer of the certificate's CA, ResponderID byKey), attests
/// the registry's status (revocation time and reason included), is within its validity with nextUpdate ≤ the signer's
/// notAfter, matches the times stored beside it, and covers every configured hash algorithm.
/// </summary>
public sealed class StoreVerifier
{
    private readonly IssuerDirectory _directory;
    private readonly ICertificateRegistry _registry;
    private readonly IServingIndex _serving;
    private readonly TimeProvider _time;
    private readonly TimeSpan _expiredRetention;

    /// <summary>Creates a verifier.</summary>
    /// <param name="directory">The CAs and signers.</param>
    /// <param name="registry">The registry.</param>
    /// <param name="serving">The serving index.</param>
    /// <param name="time">The clock.</param>
    /// <param name="expiredRetention">How long after notAfter a response must still be fresh (<see cref="IssuerOptions.ExpiredRetention"/>).</param>
    public StoreVerifier(IssuerDirectory directory, ICertificateRegistry registry, IServingIndex serving, TimeProvider time, TimeSpan expiredRetention = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(time);
        _directory = directory;
        _registry = registry;
        _serving = serving;
        _time = time;
        _expiredRetention = expiredRetention;
    }

    /// <summary>Checks every certificate in the registry.</summary>
    /// <param name="maxListed">How many problems to list in the report (all are counted).</param>
    /// <param name="progress">Called every 100,000 certificates with the count so far, or null.</param>
    /// <returns>The report.</returns>
    public StoreVerifyReport Verify(int maxListed = 100, Action<long>? progress = null)
    {
        var report = new StoreVerifyReport(maxListed);
        var started = Stopwatch.GetTimestamp();
        var now = _time.GetUtcNow();
        var verifiers = new Dictionary<ushort, SignatureVerifier>();
        var buffer = new byte[StoreLimits.MaxSignedResponseLength];
        try
        {
            _registry.ForEachCertificate(record =>
            {
                report.Checked++;
                if (progress is not null && report.Checked % 100_000 == 0)
                {
                    progress(report.Checked);
                }

                Check(record, now, buffer, verifiers, report);
                return true;
            });
        }
        finally
        {
            foreach (var verifier in verifiers.Values)
            {
                verifier.Dispose();
            }
        }

        report.Elapsed = Stopwatch.GetElapsedTime(started);
        return report;
    }

    private void Check(CertificateRecord record, DateTimeOffset now, byte[] buffer, Dictionary<ushort, SignatureVerifier> verifiers, StoreVerifyReport report)
    {
        var serialHex = Convert.ToHexString(record.Serial.Span);
        if (!_directory.TryGetIssuer(record.Issuer, out var issuer))
        {
            report.Add(new VerifyProblem(record.Issuer.ToString(), serialHex, VerifyProblemKind.UnknownIssuer, "issuer id not configured"));
            return;
        }

        var lookup = _serving.TryGetResponse(record.Issuer, record.Serial.Span, buffer, out var metadata);
        if (lookup != LookupStatus.Found)
        {
            report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.MissingResponse, lookup.ToString()));
            return;
        }

        var part = buffer.AsSpan(0, metadata.Length);
        if (OcspResponseReader.TryReadSignedPart(part, out var info) != OcspParseStatus.Ok)
        {
            report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.Unparseable, "signed part does not parse"));
            return;
        }

        if (!_directory.TryGetSigner(metadata.SignerId, out var signer) || signer.CaName != issuer.Name)
        {
            report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.UnknownSigner, "signer " + metadata.SignerId));
            return;
        }

        if (info.ResponderId.Kind != ResponderIdKind.ByKey || !info.ResponderId.Value.SequenceEqual(signer.KeyHash))
        {
            report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.ResponderIdMismatch, "ResponderID is not signer " + signer.Id + " byKey"));
        }

        if (!verifiers.TryGetValue(signer.Id, out var verifier))
        {
            verifier = new SignatureVerifier(signer.Certificate.SubjectPublicKeyInfo);
            verifiers[signer.Id] = verifier;
        }

        if (!verifier.Verify(info.SignatureAlgorithm, info.TbsResponseData, info.Signature))
        {
            report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.BadSignature, "signature does not verify against signer " + signer.Id));
            return;
        }

        if (metadata.Status != record.Status)
        {
            report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.StatusMismatch, $"serving index says {metadata.Status}, registry {record.Status}"));
        }

        var expected = ResponseStatus.From(record);
        var requireFresh = record.NotAfter + _expiredRetention >= now;
        if (!requireFresh)
        {
            report.ExpiredCertificates++;
        }

        foreach (var hashes in issuer.Hashes)
        {
            var wanted = hashes.ToCertId(record.Serial.Span);
            var found = false;
            foreach (var single in info.GetResponses())
            {
                if (!single.CertId.Matches(wanted))
                {
                    continue;
                }

                found = true;
                var detail = CompareStatus(single, expected);
                if (detail is not null)
                {
                    report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.StatusMismatch, hashes.Algorithm + ": " + detail));
                }

                if (single.ThisUpdate.UtcTicks != metadata.ThisUpdateTicks || single.NextUpdate?.UtcTicks != metadata.NextUpdateTicks)
                {
                    report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.MetadataMismatch, hashes.Algorithm + ": times differ from the stored metadata"));
                }

                if (requireFresh && (single.ThisUpdate > now || single.NextUpdate is not { } next || next <= now))
                {
                    report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.OutsideValidity, $"{hashes.Algorithm}: {single.ThisUpdate:u} – {single.NextUpdate:u} at {now:u}"));
                }

                if (single.NextUpdate is { } nextUpdate && nextUpdate > signer.NotAfter)
                {
                    report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.BeyondSignerValidity, $"nextUpdate {nextUpdate:u} after signer notAfter {signer.NotAfter:u}"));
                }

                break;
            }

            if (!found)
            {
                report.Add(new VerifyProblem(issuer.Name, serialHex, VerifyProblemKind.MissingHashAlgorithm, hashes.Algorithm.ToString()));
            }
        }
    }

    private static string? CompareStatus(SingleResponse single, ResponseStatus expected)
    {
        var want = expected.Status == CertificateStatus.Good ? CertStatus.Good : CertStatus.Revoked;
        if (single.Status != want)
        {
            return $"response says {single.Status}, registry {expected.Status}";
        }

        if (want == CertStatus.Good)
        {
            return null;
        }

        var time = expected.RevocationTime ?? default;
        if (single.RevocationTime.UtcTicks / TimeSpan.TicksPerSecond != time.UtcTicks / TimeSpan.TicksPerSecond)
        {
            return $"revocation time {single.RevocationTime:u}, registry {time:u}";
        }

        var reason = ResponseStatus.ToCrlReason(expected.Reason);
        return single.RevocationReason == reason ? null : $"reason {single.RevocationReason}, registry {reason}";
    }
}
