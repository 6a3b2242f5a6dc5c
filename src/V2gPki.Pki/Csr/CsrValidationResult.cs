// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;

namespace V2gPki.Pki.Csr;

/// <summary>The outcome of the CSR rules: either a <see cref="ValidatedCsr"/> or the first <see cref="CsrError"/>.</summary>
public sealed class CsrValidationResult
{
    private CsrValidationResult(ValidatedCsr? csr, CsrError error)
    {
        Csr = csr;
        Error = error;
    }

    /// <summary>Whether the CSR passed every rule.</summary>
    [MemberNotNullWhen(true, nameof(Csr))]
    public bool IsValid => Csr is not null;

    /// <summary>The validated CSR; <see langword="null"/> when refused.</summary>
    public ValidatedCsr? Csr { get; }

    /// <summary>Why the CSR was refused; <see langword="default"/> when valid.</summary>
    public CsrError Error { get; }

    internal static CsrValidationResult Valid(ValidatedCsr csr) => new(csr, default);

    internal static CsrValidationResult Refused(CsrError error) => new(null, error);
}
