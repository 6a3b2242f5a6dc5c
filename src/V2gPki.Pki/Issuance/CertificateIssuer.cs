// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;
using V2gPki.Pki.Csr;
using V2gPki.Pki.Lint;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.Pki.Issuance;

/// <summary>
/// Builds and signs certificates (docs/architecture.md §4 invariant 4): the TBS certificate is built once from the profile, DER-encoded
/// once, and those exact bytes are linted (<see cref="PreIssuanceLint"/>), signed through the CA's
/// <see cref="ICertificateSigner"/> (the HSM) by way of <see cref="HsmSignatureFactory"/>, and wrapped verbatim into
/// <c>Certificate ::= SEQUENCE { tbs, signatureAlgorithm, signature }</c>. The result is parsed back and its signature
/// verified with the issuer's public key before it is returned; any lint finding stops issuance before the HSM is
/// called. Thread-safe.
/// </summary>
public sealed class CertificateIssuer
{
    /// <summary>How many serials are drawn before giving up (a collision of 120-bit random serials means a broken source).</summary>
    public const int MaxSerialAttempts = 8;

    /// <summary>How far the clock may go backwards between two issuances before issuance refuses to run.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly ISerialNumberCheck? _serialCheck;
    private long _latestNowTicks;

    /// <summary>Creates an issuer.</summary>
    /// <param name="time">The clock (notBefore = now).</param>
    /// <param name="serialCheck">Checks serial uniqueness per issuer (the registry); <see langword="null"/> to rely on the 120-bit random space alone.</param>
    public CertificateIssuer(TimeProvider time, ISerialNumberCheck? serialCheck = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _serialCheck = serialCheck;
    }

    /// <summary>Issues a certificate from a CSR that passed the CSR rules.</summary>
    /// <param name="csr">The validated CSR (its profile decides everything; requested extensions are never used).</param>
    /// <param name="issuer">The issuing CA (the profile's issuer kind, same ISO 15118 part).</param>
    /// <param name="requestedNotAfter">A requested end (the contract end) instead of the profile's default lifetime; capped at the issuer's notAfter.</param>
    /// <returns>The certificate, or why none was issued.</returns>
    /// <exception cref="V2gPki.Hsm.HsmException">The token failed to sign.</exception>
    public IssuanceResult Issue(ValidatedCsr csr, IssuingCa issuer, DateTimeOffset? requestedNotAfter = null)
    {
        ArgumentNullException.ThrowIfNull(csr);
        ArgumentNullException.ThrowIfNull(issuer);
        return IssueForKey(csr.Profile, csr.SubjectPublicKeyInfo, new SubjectValues(csr.CommonName, csr.Organization, csr.Country), issuer, requestedNotAfter);
    }

    /// <summary>
    /// Issues a certificate for a public key without a CSR: keys that are our own HSM keys (Sub-CA certificates, OCSP
    /// signer certificates, the CPS leaf, the demo's sample leaves).
    /// </summary>
    /// <param name="profile">The profile of the certificate.</param>
    /// <param name="subjectPublicKeyInfo">The DER SubjectPublicKeyInfo to certify.</param>
    /// <param name="subject">The subject attributes (DC comes from the profile).</param>
    /// <param name="issuer">The issuing CA.</param>
    /// <param name="requestedNotAfter">A requested end instead of the profile's default lifetime; capped at the issuer's notAfter.</param>
    /// <returns>The certificate, or why none was issued.</returns>
    /// <exception cref="ArgumentException">The key does not parse, or a subject attribute the profile requires is missing (a caller bug).</exception>
    /// <exception cref="V2gPki.Hsm.HsmException">The token failed to sign.</exception>
    public IssuanceResult IssueForKey(CertificateProfile profile, ReadOnlyMemory<byte> subjectPublicKeyInfo, SubjectValues subject, IssuingCa issuer, DateTimeOffset? requestedNotAfter = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(issuer);
        if (profile.IssuerKind != issuer.Kind || profile.Version != issuer.Profile.Version)
        {
            return IssuanceResult.Refused(IssuanceStatus.ProfileMismatch,
                $"{issuer.Name} ({issuer.Profile.Version}) does not issue {profile.Name} certificates of {profile.Version}; their issuer is {profile.IssuerKind}");
        }

        if (issuer.Signer is not ICertificateSigner signer)
        {
            return IssuanceResult.Refused(IssuanceStatus.IssuerCannotSign, $"{issuer.Name} is an external CA: its key is not in our HSM tokens");
        }

        var side = new IssuerSide(issuer.Subject, issuer.KeyId, issuer.NotBefore, issuer.NotAfter, signer, issuer.KeyAlgorithm, issuer.SubjectPublicKeyInfo, issuer);
        return IssueCore(profile, ParseKey(subjectPublicKeyInfo), subject, side, requestedNotAfter);
    }

    /// <summary>Issues a self-signed root certificate with the root's own key.</summary>
    /// <param name="profile">A root profile (<c>v2g-root</c>, <c>mo-root</c>, <c>oem-root</c>).</param>
    /// <param name="signer">The root key's signer; its public key is certified.</param>
    /// <param name="subject">The subject attributes.</param>
    /// <returns>The certificate, or why none was issued.</returns>
    /// <exception cref="V2gPki.Hsm.HsmException">The token failed to sign.</exception>
    public IssuanceResult IssueSelfSigned(CertificateProfile profile, ICertificateSigner signer, SubjectValues subject)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(subject);
        if (profile.Role != CertificateRole.Root)
        {
            return IssuanceResult.Refused(IssuanceStatus.ProfileMismatch, $"{profile.Name} is not a root profile; only roots are self-signed");
        }

        var spki = ParseKey(signer.SubjectPublicKeyInfo);
        var name = SubjectNameBuilder.Build(profile, subject.CommonName, subject.Organization, subject.Country);
        var side = new IssuerSide(name, null, null, null, signer, KeyAlgorithms.Identify(spki), spki.GetDerEncoded(), null);
        return IssueCore(profile, spki, subject, side, null);
    }

    private IssuanceResult IssueCore(CertificateProfile profile, SubjectPublicKeyInfo spki, SubjectValues subject, IssuerSide issuer, DateTimeOffset? requestedNotAfter)
    {
        if (!ClockIsMonotonic(out var latest))
        {
            return IssuanceResult.Refused(IssuanceStatus.ClockJumped,
                $"the clock reads {_time.GetUtcNow():O}, more than {ClockTolerance.TotalSeconds:0} s before the latest issuance at {latest:O}; fix the clock before issuing");
        }

        if (CertificateValidity.Compute(profile, _time, issuer.NotAfter, requestedNotAfter) is not CertificateValidity validity)
        {
            return IssuanceResult.Refused(IssuanceStatus.ValidityEmpty,
                $"no validity window: now is {_time.GetUtcNow():O}, the issuer ends {issuer.NotAfter?.ToString("O") ?? "never"}, the requested end is {requestedNotAfter?.ToString("O") ?? "none"}");
        }

        var subjectKey = KeyAlgorithms.Identify(spki);
        if (!profile.AllowsKey(subjectKey))
        {
            // The extensions cannot even be built for this key; refuse as the lint would, before anything is signed.
            var finding = new LintFinding(LintCode.KeyAlgorithm, $"the subject key is {KeyAlgorithms.Describe(subjectKey)}, the {profile.Name} profile allows {KeyAlgorithms.Describe(profile.AllowedKeyAlgorithms)}");
            return IssuanceResult.Refused(IssuanceStatus.LintRefused, $"the {profile.Name} TBS certificate is off-profile: {finding.Code}: {finding.Message}", [finding]);
        }

        var serial = DrawSerial(issuer.Ca);
        if (serial is null)
        {
            return IssuanceResult.Refused(IssuanceStatus.SerialExhausted, $"{MaxSerialAttempts} random serials in a row were already in use under {issuer.Ca?.Name}; the random source or the registry is broken");
        }

        var algorithm = AlgorithmIdentifier.GetInstance(Asn1Object.FromByteArray(issuer.Signer.AlgorithmIdentifier.ToArray()));
        var subjectName = SubjectNameBuilder.Build(profile, subject.CommonName, subject.Organization, subject.Country);
        var generator = new V3TbsCertificateGenerator();
        generator.SetSerialNumber(new DerInteger(new BigInteger(1, serial)));
        generator.SetSignature(algorithm);
        generator.SetIssuer(issuer.Name);

        // Org.BouncyCastle Time: UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5); the lint re-checks.
        generator.SetStartDate(new Time(validity.NotBefore.UtcDateTime));
        generator.SetEndDate(new Time(validity.NotAfter.UtcDateTime));
        generator.SetSubject(subjectName);
        generator.SetSubjectPublicKeyInfo(spki);
        generator.SetExtensions(CertificateExtensionsBuilder.Build(profile, spki, profile.IncludeAuthorityKeyId ? issuer.KeyId : null));

        // The TBS is encoded exactly once; these bytes are linted, signed and embedded verbatim.
        var tbsDer = generator.GenerateTbsCertificate().GetEncoded(Asn1Encodable.Der);
        var context = new LintContext
        {
            IssuerName = issuer.Name,
            IssuerKeyAlgorithm = issuer.KeyAlgorithm,
            IssuerKeyId = issuer.KeyId,
            IssuerNotBefore = issuer.NotBefore,
            IssuerNotAfter = issuer.NotAfter,
            RequestedNotAfter = requestedNotAfter,
        };
        var findings = PreIssuanceLint.Check(tbsDer, profile, context);
        if (findings.Count != 0)
        {
            return IssuanceResult.Refused(IssuanceStatus.LintRefused, $"the {profile.Name} TBS certificate is off-profile: {findings[0].Code}: {findings[0].Message}", findings);
        }

        var calculator = new HsmSignatureFactory(issuer.Signer).CreateCalculator();
        calculator.Stream.Write(tbsDer);
        var signature = calculator.GetResult().Collect();
        var der = SignedStructure.Assemble(tbsDer, issuer.Signer.AlgorithmIdentifier.Span, signature);
        return Verify(der, tbsDer, signature, profile, subject, validity, serial, issuer);
    }

    // docs/architecture.md §4 invariant 4: the signed certificate is checked before anyone stores or returns it.
    private static IssuanceResult Verify(byte[] der, byte[] tbsDer, byte[] signature, CertificateProfile profile, SubjectValues subject, CertificateValidity validity, byte[] serial, IssuerSide issuer)
    {
        if (der.Length > profile.MaxDerSize)
        {
            return IssuanceResult.Refused(IssuanceStatus.SignatureInvalid, $"the signed {profile.Name} certificate has {der.Length} bytes, more than the {profile.MaxDerSize} bytes of {profile.Version}");
        }

        X509Certificate parsed;
        try
        {
            parsed = new X509Certificate(der);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            return IssuanceResult.Refused(IssuanceStatus.SignatureInvalid, $"the signed {profile.Name} certificate does not parse back: {e.Message}");
        }

        if (!parsed.CertificateStructure.TbsCertificate.GetDerEncoded().AsSpan().SequenceEqual(tbsDer))
        {
            return IssuanceResult.Refused(IssuanceStatus.SignatureInvalid, $"the signed {profile.Name} certificate does not carry the linted TBS bytes");
        }

        if (!(issuer.Ca?.Verifier.Verify(issuer.Signer.Algorithm, tbsDer, signature) ?? SignedStructure.Verify(issuer.PublicKeyInfo, issuer.Signer.Algorithm, tbsDer, signature)))
        {
            return IssuanceResult.Refused(IssuanceStatus.SignatureInvalid, $"the {profile.Name} certificate signed by {issuer.Signer.Description} does not verify with the issuer's public key");
        }

        return IssuanceResult.Issued(new IssuedCertificate(der, serial, parsed, profile, subject.CommonName, validity));
    }

    // A backwards jump would back-date notBefore below certificates already issued; forward jumps cannot be told from
    // a long pause and are left to NTP monitoring.
    private bool ClockIsMonotonic(out DateTimeOffset latest)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var seen = Interlocked.Read(ref _latestNowTicks);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref _latestNowTicks, now, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }

        latest = new DateTimeOffset(Math.Max(seen, now), TimeSpan.Zero);
        return now >= seen - ClockTolerance.Ticks;
    }

    private byte[]? DrawSerial(IssuingCa? ca)
    {
        for (var attempt = 0; attempt < MaxSerialAttempts; attempt++)
        {
            var serial = SerialNumberGenerator.Next();
            if (ca is null || _serialCheck is null || !_serialCheck.IsInUse(ca, serial))
            {
                return serial;
            }
        }

        return null;
    }

    private static SubjectPublicKeyInfo ParseKey(ReadOnlyMemory<byte> subjectPublicKeyInfo)
    {
        try
        {
            return SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(subjectPublicKeyInfo.ToArray()));
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException)
        {
            throw new ArgumentException($"the subject public key does not parse: {e.Message}", nameof(subjectPublicKeyInfo), e);
        }
    }

    // What issuance needs from the issuer side; for a self-signed root the subject is its own issuer and Ca is null.
    private readonly record struct IssuerSide(
        X509Name Name,
        byte[]? KeyId,
        DateTimeOffset? NotBefore,
        DateTimeOffset? NotAfter,
        ICertificateSigner Signer,
        KeyAlgorithm KeyAlgorithm,
        byte[] PublicKeyInfo,
        IssuingCa? Ca);
}
