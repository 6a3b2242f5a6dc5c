// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Csr;

/// <summary>Why a CSR was refused; one code per rule outcome. Values are explicit and never reused (docs/style.md §15).</summary>
public enum CsrErrorCode
{
    /// <summary>No error: the CSR passed every rule.</summary>
    None = 0,

    /// <summary><see cref="Rules.SizeLimitRule"/>: the input is larger than the configured limit.</summary>
    TooLarge = 1,

    /// <summary><see cref="Rules.EncodingRule"/>: the input looks like PEM but its armour or base64 is broken.</summary>
    MalformedPem = 2,

    /// <summary><see cref="Rules.EncodingRule"/>: the input is not a DER PKCS#10 CertificationRequest (or is empty, BER, or has trailing data).</summary>
    NotPkcs10 = 3,

    /// <summary><see cref="Rules.SignatureRule"/>: the CSR's signature does not verify with its own key (no proof of possession).</summary>
    SignatureInvalid = 4,

    /// <summary><see cref="Rules.KeyAlgorithmRule"/>: the key algorithm is not allowed by the profile (RSA, Ed25519, Ed448 for ISO 15118-2, …).</summary>
    KeyAlgorithmNotAllowed = 5,

    /// <summary><see cref="Rules.KeyAlgorithmRule"/>: an EC key on a curve the profile does not allow (P-384 for ISO 15118-2, …).</summary>
    CurveNotAllowed = 6,

    /// <summary><see cref="Rules.CommonNameRule"/>: the CN is missing, repeated, or not a valid identifier for the certificate kind.</summary>
    NameMismatch = 7,

    /// <summary><see cref="Rules.StrictIdentifierRule"/>: strict mode, the EMAID's 15th character is not its check digit.</summary>
    WrongCheckDigit = 8,

    /// <summary><see cref="Rules.StrictIdentifierRule"/>: strict mode, the EMAID's country code is not ISO 3166-1.</summary>
    NonIsoCountryCode = 9,

    /// <summary><see cref="Rules.OrganizationRule"/>: O is missing or empty.</summary>
    MissingOrganization = 10,

    /// <summary><see cref="Rules.OrganizationRule"/>: O is repeated or longer than 64 characters (RFC 5280 ub-organization-name).</summary>
    InvalidOrganization = 11,

    /// <summary><see cref="Rules.CountryRule"/>: the profile requires C and the CSR has none.</summary>
    MissingCountry = 12,

    /// <summary><see cref="Rules.CountryRule"/>: C is repeated or not an ISO 3166-1 alpha-2 code.</summary>
    InvalidCountry = 13,
}
