// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Csr;

/// <summary>
/// One small, named check of a CSR (step-ca's sign options, docs/style.md §5). Rules run in a fixed order; each refuses
/// with its own error codes and an actionable message, and may set fields of the <see cref="CsrContext"/> for later
/// rules.
/// </summary>
public interface ICsrRule
{
    /// <summary>The rule's name, reported with its errors.</summary>
    string Name { get; }

    /// <summary>Checks the CSR.</summary>
    /// <param name="context">The CSR, profile, policy and what earlier rules parsed.</param>
    /// <param name="failure">Why the CSR was refused; <see langword="default"/> when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when the CSR passes this rule.</returns>
    bool Validate(CsrContext context, out CsrError failure);
}
