// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Csr.Rules;
using V2gPki.Pki.Identifiers;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Csr;

/// <summary>
/// Runs the CSR rules in a fixed order and stops at the first refusal (step-ca's sign options, docs/style.md §5): size limit,
/// encoding, signature (proof of possession), key algorithm, CN, strict identifier checks, O, C. A CSR that passes yields
/// the normalised subject ID, O, C and the SubjectPublicKeyInfo; requested extensions are never used.
/// </summary>
public sealed class CsrValidator
{
    private readonly IReadOnlyList<ICsrRule> _rules;

    /// <summary>Creates a validator.</summary>
    /// <param name="policy">The policy; <see langword="null"/> for the defaults (8 KiB, lenient).</param>
    /// <param name="rules">The rules in order; <see langword="null"/> for <see cref="DefaultRules"/>. A custom list must keep <see cref="EncodingRule"/> before the rules that read the request.</param>
    public CsrValidator(CsrPolicy? policy = null, IReadOnlyList<ICsrRule>? rules = null)
    {
        Policy = policy ?? new CsrPolicy();
        _rules = rules ?? DefaultRules;
    }

    /// <summary>The rules in the order they run.</summary>
    public static IReadOnlyList<ICsrRule> DefaultRules { get; } =
    [
        new SizeLimitRule(),
        new EncodingRule(),
        new SignatureRule(),
        new KeyAlgorithmRule(),
        new CommonNameRule(),
        new StrictIdentifierRule(),
        new OrganizationRule(),
        new CountryRule(),
    ];

    /// <summary>The policy in force.</summary>
    public CsrPolicy Policy { get; }

    /// <summary>Checks a CSR against a profile.</summary>
    /// <param name="csr">The CSR as received (PEM or DER).</param>
    /// <param name="profile">The profile of the certificate requested.</param>
    /// <returns>The validated CSR, or the first rule's error.</returns>
    public CsrValidationResult Validate(ReadOnlyMemory<byte> csr, CertificateProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var context = new CsrContext(csr, profile, Policy);
        foreach (var rule in _rules)
        {
            if (!rule.Validate(context, out var failure))
            {
                return CsrValidationResult.Refused(failure);
            }
        }

        if (context.Info is null || context.CommonName is null)
        {
            throw new InvalidOperationException("the rule list must include the encoding and common-name rules");
        }

        var id = context.SubjectId;
        return CsrValidationResult.Valid(new ValidatedCsr
        {
            Profile = profile,
            SubjectIdType = id?.Type ?? IdType.None,
            CommonName = context.CommonName,
            OwnerPrefix = id?.OwnerPrefix,
            Warnings = id?.Warnings ?? IdWarnings.None,
            Organization = context.Organization ?? string.Empty,
            Country = context.Country,
            KeyAlgorithm = context.KeyAlgorithm,
            SubjectPublicKeyInfo = context.Info.SubjectPublicKeyInfo.GetDerEncoded(),
        });
    }
}
