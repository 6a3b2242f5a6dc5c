// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using V2gPki.Pki.Identifiers;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Lint;

/// <summary>
/// Checks the exact TBS certificate that will go to the HSM against its profile before it is signed (docs/architecture.md §4 invariant 4): DER,
/// version, serial, signature algorithm, issuer, validity nesting and time encoding, subject attributes and the CN's
/// identifier format, the key algorithm, every extension with its criticality and value, and the final size. A pure
/// function: an empty list means the TBS may be signed; any finding means it must not be.
/// </summary>
public static class PreIssuanceLint
{
    private static readonly DerObjectIdentifier[] AllowedSubjectAttributes = [X509Name.C, X509Name.O, X509Name.CN, X509Name.DC];

    /// <summary>Checks DER-encoded TBS bytes.</summary>
    /// <param name="tbsDer">The exact bytes to be signed.</param>
    /// <param name="profile">The profile of the certificate.</param>
    /// <param name="context">The issuer and request facts.</param>
    /// <returns>The findings; empty when the TBS conforms.</returns>
    public static IReadOnlyList<LintFinding> Check(ReadOnlySpan<byte> tbsDer, CertificateProfile profile, LintContext context)
    {
        TbsCertificateStructure tbs;
        try
        {
            tbs = TbsCertificateStructure.GetInstance(Asn1Object.FromByteArray(tbsDer.ToArray()));
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            return [new LintFinding(LintCode.NotDer, $"the TBS certificate does not parse: {e.Message}")];
        }

        if (!tbs.GetDerEncoded().AsSpan().SequenceEqual(tbsDer))
        {
            return [new LintFinding(LintCode.NotDer, "the TBS certificate is not DER (it re-encodes differently)")];
        }

        return Check(tbs, profile, context);
    }

    /// <summary>Checks a parsed TBS certificate.</summary>
    /// <param name="tbs">The TBS certificate.</param>
    /// <param name="profile">The profile of the certificate.</param>
    /// <param name="context">The issuer and request facts.</param>
    /// <returns>The findings; empty when the TBS conforms.</returns>
    public static IReadOnlyList<LintFinding> Check(TbsCertificateStructure tbs, CertificateProfile profile, LintContext context)
    {
        ArgumentNullException.ThrowIfNull(tbs);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<LintFinding>();
        if (tbs.Version != 3)
        {
            findings.Add(new(LintCode.Version, $"version is v{tbs.Version}, expected v3"));
        }

        CheckSerial(tbs, findings);
        var signature = CheckSignatureAlgorithm(tbs, profile, context, findings);
        if (!tbs.Issuer.GetDerEncoded().AsSpan().SequenceEqual(context.IssuerName.GetDerEncoded()))
        {
            findings.Add(new(LintCode.IssuerName, $"issuer is '{tbs.Issuer}', expected the issuing CA's subject '{context.IssuerName}'"));
        }

        CheckValidity(tbs, profile, context, findings);
        CheckSubject(tbs, profile, findings);
        var key = KeyAlgorithms.Identify(tbs.SubjectPublicKeyInfo);
        if (!profile.AllowsKey(key))
        {
            findings.Add(new(LintCode.KeyAlgorithm, $"the subject key is {KeyAlgorithms.Describe(key)}, the {profile.Name} profile allows {KeyAlgorithms.Describe(profile.AllowedKeyAlgorithms)}"));
        }
        else
        {
            CheckExtensions(tbs, profile, context, findings);
        }

        if (tbs.IssuerUniqueID is not null || tbs.SubjectUniqueID is not null)
        {
            findings.Add(new(LintCode.UniqueIdentifier, "issuerUniqueID/subjectUniqueID present; RFC 5280 §4.1.2.8: CAs MUST NOT generate them"));
        }

        CheckSize(tbs, profile, signature, findings);
        return findings;
    }

    private static void CheckSerial(TbsCertificateStructure tbs, List<LintFinding> findings)
    {
        var serial = tbs.SerialNumber.Value;
        if (serial.SignValue <= 0 || serial.ToByteArray().Length > 20 || serial.BitLength < 64)
        {
            findings.Add(new(LintCode.Serial, $"serial {serial.ToString(16)} must be positive, at most 20 octets (RFC 5280 §4.1.2.2) and carry at least 64 bits"));
        }
    }

    private static SignatureAlgorithm CheckSignatureAlgorithm(TbsCertificateStructure tbs, CertificateProfile profile, LintContext context, List<LintFinding> findings)
    {
        var seen = KeyAlgorithms.IdentifySignature(tbs.Signature);
        var issuer = KeyAlgorithms.SignatureAlgorithmFor(context.IssuerKeyAlgorithm);
        if (seen == SignatureAlgorithm.Unknown || !profile.AllowsSignature(seen) || seen != issuer)
        {
            findings.Add(new(LintCode.SignatureAlgorithm, $"signature algorithm {tbs.Signature.Algorithm.Id} ({seen}); the {profile.Name} profile with a {KeyAlgorithms.Describe(context.IssuerKeyAlgorithm)} issuer key needs {issuer} with absent parameters"));
        }

        return seen == SignatureAlgorithm.Unknown ? issuer : seen;
    }

    private static void CheckValidity(TbsCertificateStructure tbs, CertificateProfile profile, LintContext context, List<LintFinding> findings)
    {
        DateTimeOffset notBefore = ToOffset(tbs.StartDate), notAfter = ToOffset(tbs.EndDate);
        CheckTimeEncoding(tbs.StartDate, "notBefore", findings);
        CheckTimeEncoding(tbs.EndDate, "notAfter", findings);
        if (notAfter <= notBefore)
        {
            findings.Add(new(LintCode.Validity, $"notAfter {notAfter:O} is not after notBefore {notBefore:O}"));
        }

        if (context.IssuerNotBefore is DateTimeOffset issuerStart && notBefore < issuerStart)
        {
            findings.Add(new(LintCode.Validity, $"notBefore {notBefore:O} is before the issuer's notBefore {issuerStart:O}"));
        }

        if (context.IssuerNotAfter is DateTimeOffset issuerEnd && notAfter > issuerEnd)
        {
            findings.Add(new(LintCode.Validity, $"notAfter {notAfter:O} is after the issuer's notAfter {issuerEnd:O}"));
        }

        var longest = context.RequestedNotAfter ?? profile.DefaultLifetime.AddTo(notBefore);
        if (notAfter > longest)
        {
            findings.Add(new(LintCode.Validity, $"notAfter {notAfter:O} is later than {longest:O} ({(context.RequestedNotAfter is null ? $"the {profile.Name} lifetime of {profile.DefaultLifetime}" : "the requested end")})"));
        }
    }

    // RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
    private static void CheckTimeEncoding(Time time, string field, List<LintFinding> findings)
    {
        var encoded = time.ToAsn1Object();
        var year = time.ToDateTime().Year;
        var utc = encoded is Asn1UtcTime;
        if (utc != (year < 2050))
        {
            findings.Add(new(LintCode.TimeEncoding, $"{field} in {year} is a {(utc ? "UTCTime" : "GeneralizedTime")}; RFC 5280 §4.1.2.5 needs {(year < 2050 ? "UTCTime" : "GeneralizedTime")}"));
        }
    }

    private static void CheckSubject(TbsCertificateStructure tbs, CertificateProfile profile, List<LintFinding> findings)
    {
        string? cn = null, dc = null;
        int cnCount = 0, oCount = 0, cCount = 0, dcCount = 0;
        foreach (var rdn in Asn1Sequence.GetInstance(tbs.Subject.ToAsn1Object()))
        {
            var set = Asn1Set.GetInstance(rdn);
            if (set.Count != 1)
            {
                findings.Add(new(LintCode.Subject, "the subject has a multi-valued RDN; the profile writes one attribute per RDN"));
                continue;
            }

            // AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY } (RFC 5280 §4.1.2.4).
            var atv = Asn1Sequence.GetInstance(set[0]);
            var type = DerObjectIdentifier.GetInstance(atv[0]);
            var value = atv[1].ToAsn1Object();
            var text = value is IAsn1String s ? s.GetString() : string.Empty;
            if (Array.IndexOf(AllowedSubjectAttributes, type) < 0)
            {
                findings.Add(new(LintCode.Subject, $"the subject has attribute {type.Id}; the profile writes only C, O, CN and DC"));
            }
            else if (type.Equals(X509Name.CN))
            {
                cnCount++;
                cn = text;
                RequireType<DerUtf8String>(value, "CN", "UTF8String", findings);
            }
            else if (type.Equals(X509Name.O))
            {
                oCount++;
                RequireType<DerUtf8String>(value, "O", "UTF8String", findings);
                if (string.IsNullOrWhiteSpace(text))
                {
                    findings.Add(new(LintCode.Subject, "O is empty"));
                }
            }
            else if (type.Equals(X509Name.C))
            {
                cCount++;
                RequireType<DerPrintableString>(value, "C", "PrintableString", findings);
                if (text.Length != 2 || !char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiLetterUpper(text[1]))
                {
                    findings.Add(new(LintCode.Subject, $"C is {IdText.Quote(text)}, expected two upper-case letters"));
                }
            }
            else
            {
                dcCount++;
                dc = text;
                RequireType<DerIA5String>(value, "DC", "IA5String", findings);
            }
        }

        Count(cnCount, 1, 1, "CN", findings);
        Count(oCount, profile.RequiresOrganization ? 1 : 0, 1, "O", findings);
        Count(cCount, profile.RequiresCountry ? 1 : 0, 1, "C", findings);
        if (dcCount != 1 || !string.Equals(dc, profile.DomainComponent, StringComparison.Ordinal))
        {
            findings.Add(new(LintCode.DomainComponent, $"the subject has {dcCount} DC ({IdText.Quote(dc ?? string.Empty)}), expected exactly DC={profile.DomainComponent}"));
        }

        if (cnCount == 1 && profile.SubjectIdType != IdType.None)
        {
            var options = new IdParseOptions(IdStrictness.Lenient, profile.Version);
            if (!Iso15118Id.TryParse(profile.SubjectIdType, cn, options, out var id, out var error))
            {
                findings.Add(new(LintCode.SubjectId, error.Message));
            }
            else if (!string.Equals(id.Normalized, cn, StringComparison.Ordinal))
            {
                findings.Add(new(LintCode.SubjectId, $"the CN {IdText.Quote(cn)} is not in normalised form {id.Normalized}"));
            }
        }
    }

    private static void CheckExtensions(TbsCertificateStructure tbs, CertificateProfile profile, LintContext context, List<LintFinding> findings)
    {
        var issuerKeyId = profile.IncludeAuthorityKeyId ? context.IssuerKeyId : null;
        if (profile.IncludeAuthorityKeyId && (issuerKeyId is null || issuerKeyId.Length == 0))
        {
            findings.Add(new(LintCode.ExtensionValue, "the issuer key identifier is unknown, so authorityKeyIdentifier cannot be checked"));
            return;
        }

        // The profile's extensions for this key and issuer are the reference: same set, criticality and bytes.
        var expected = CertificateExtensionsBuilder.Build(profile, tbs.SubjectPublicKeyInfo, issuerKeyId);
        var actual = tbs.Extensions;
        foreach (var oid in expected.ExtensionOids)
        {
            var want = expected.GetExtension(oid);
            var have = actual?.GetExtension(oid);
            if (have is null)
            {
                findings.Add(new(LintCode.ExtensionMissing, $"{NameOf(oid)} is missing"));
                continue;
            }

            if (have.IsCritical != want.IsCritical)
            {
                findings.Add(new(LintCode.ExtensionCriticality, $"{NameOf(oid)} is {(have.IsCritical ? "critical" : "non-critical")}, the profile makes it {(want.IsCritical ? "critical" : "non-critical")}"));
            }

            byte[] haveValue = have.Value.GetOctets(), wantValue = want.Value.GetOctets();
            if (!haveValue.AsSpan().SequenceEqual(wantValue))
            {
                findings.Add(new(LintCode.ExtensionValue, $"{NameOf(oid)} is {Convert.ToHexString(haveValue)}, the profile writes {Convert.ToHexString(wantValue)}"));
            }
        }

        if (actual is not null)
        {
            foreach (var oid in actual.ExtensionOids)
            {
                if (expected.GetExtension(oid) is null)
                {
                    findings.Add(new(LintCode.ExtensionUnexpected, $"{NameOf(oid)} is present, the {profile.Name} profile does not write it"));
                }
            }
        }
    }

    private static void CheckSize(TbsCertificateStructure tbs, CertificateProfile profile, SignatureAlgorithm signature, List<LintFinding> findings)
    {
        var tbsLength = tbs.GetDerEncoded().Length;
        var algorithmLength = signature == SignatureAlgorithm.Unknown ? 0 : KeyAlgorithms.ToAlgorithmIdentifier(signature).GetDerEncoded().Length;
        var signatureValue = 1 + MaxSignatureLength(signature);
        var content = tbsLength + algorithmLength + 1 + LengthOfLength(signatureValue) + signatureValue;
        var total = 1 + LengthOfLength(content) + content;
        if (total > profile.MaxDerSize)
        {
            findings.Add(new(LintCode.Size, $"the signed certificate can reach {total} bytes, more than the {profile.MaxDerSize} bytes {profile.Name} allows ({profile.Version})"));
        }
    }

    // Largest signature values: DER ECDSA-Sig-Value with both integers at full length plus a sign octet; Ed448 is 114 bytes.
    private static int MaxSignatureLength(SignatureAlgorithm signature) => signature switch
    {
        SignatureAlgorithm.EcdsaWithSha256 => 72,
        SignatureAlgorithm.EcdsaWithSha384 => 104,
        SignatureAlgorithm.EcdsaWithSha512 => 139,
        SignatureAlgorithm.Ed448 => 114,
        _ => 139,
    };

    private static int LengthOfLength(int length) => length < 0x80 ? 1 : length < 0x100 ? 2 : length < 0x10000 ? 3 : 4;

    private static void RequireType<T>(Asn1Object value, string name, string typeName, List<LintFinding> findings)
    {
        if (value is not T)
        {
            findings.Add(new(LintCode.Subject, $"{name} is a {value.GetType().Name}, the profile writes a {typeName}"));
        }
    }

    private static void Count(int count, int min, int max, string name, List<LintFinding> findings)
    {
        if (count < min || count > max)
        {
            findings.Add(new(LintCode.Subject, $"the subject has {count} {name}, expected {(min == max ? $"exactly {min}" : $"at most {max}")}"));
        }
    }

    private static DateTimeOffset ToOffset(Time time) => new(DateTime.SpecifyKind(time.ToDateTime(), DateTimeKind.Utc));

    private static string NameOf(DerObjectIdentifier oid) => oid.Id switch
    {
        "2.5.29.19" => "basicConstraints",
        "2.5.29.15" => "keyUsage",
        "2.5.29.37" => "extKeyUsage",
        "1.3.6.1.5.5.7.48.1.5" => "id-pkix-ocsp-nocheck",
        "2.5.29.14" => "subjectKeyIdentifier",
        "2.5.29.35" => "authorityKeyIdentifier",
        "2.5.29.32" => "certificatePolicies",
        "1.3.6.1.5.5.7.1.1" => "authorityInfoAccess",
        "2.5.29.31" => "cRLDistributionPoints",
        "2.5.29.17" => "subjectAltName",
        _ => oid.Id,
    };
}
