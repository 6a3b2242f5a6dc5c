// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Lint;

/// <summary>What the pre-issuance lint found wrong with a TBS certificate. Values are explicit and never reused.</summary>
public enum LintCode
{
    /// <summary>No finding.</summary>
    None = 0,

    /// <summary>The TBS bytes do not parse, or are not DER.</summary>
    NotDer = 1,

    /// <summary>The version is not v3.</summary>
    Version = 2,

    /// <summary>The serial is not positive, longer than 20 octets (RFC 5280 §4.1.2.2) or shorter than 64 bits.</summary>
    Serial = 3,

    /// <summary>The signature algorithm is not allowed by the profile or does not match the issuer key.</summary>
    SignatureAlgorithm = 4,

    /// <summary>The issuer DN is not the issuing CA's subject.</summary>
    IssuerName = 5,

    /// <summary>The validity is empty, longer than the profile allows, or not nested in the issuer's.</summary>
    Validity = 6,

    /// <summary>A time is not UTCTime through 2049 / GeneralizedTime from 2050 (RFC 5280 §4.1.2.5).</summary>
    TimeEncoding = 7,

    /// <summary>The subject DN lacks a required attribute, repeats one, or has one the profile does not write.</summary>
    Subject = 8,

    /// <summary>The CN is not the normalised identifier of the profile's ID type.</summary>
    SubjectId = 9,

    /// <summary>The DC is not the profile's value.</summary>
    DomainComponent = 10,

    /// <summary>The subject key's algorithm is not allowed by the profile.</summary>
    KeyAlgorithm = 11,

    /// <summary>An extension the profile requires is missing.</summary>
    ExtensionMissing = 12,

    /// <summary>An extension the profile does not write is present (or one is repeated).</summary>
    ExtensionUnexpected = 13,

    /// <summary>An extension's criticality differs from the profile.</summary>
    ExtensionCriticality = 14,

    /// <summary>An extension's value differs from the profile (basicConstraints, keyUsage, key identifiers, URLs, …).</summary>
    ExtensionValue = 15,

    /// <summary>issuerUniqueID or subjectUniqueID is present (RFC 5280 §4.1.2.8: CAs MUST NOT generate them).</summary>
    UniqueIdentifier = 16,

    /// <summary>The signed certificate would exceed the profile's DER size limit (800 / 1600 bytes).</summary>
    Size = 17,
}
