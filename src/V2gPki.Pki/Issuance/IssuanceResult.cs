// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using V2gPki.Pki.Lint;

namespace V2gPki.Pki.Issuance;

/// <summary>The outcome of an issuance: the certificate, or why none was issued.</summary>
public sealed class IssuanceResult
{
    private IssuanceResult(IssuanceStatus status, IssuedCertificate? certificate, IReadOnlyList<LintFinding> findings, string message)
    {
        Status = status;
        Certificate = certificate;
        Findings = findings;
        Message = message;
    }

    /// <summary>Gets the outcome.</summary>
    public IssuanceStatus Status { get; }

    /// <summary>Gets a value indicating whether a certificate was issued.</summary>
    [MemberNotNullWhen(true, nameof(Certificate))]
    public bool IsIssued => Status == IssuanceStatus.Issued;

    /// <summary>Gets the certificate; <see langword="null"/> unless issued.</summary>
    public IssuedCertificate? Certificate { get; }

    /// <summary>Gets the lint findings when <see cref="Status"/> is <see cref="IssuanceStatus.LintRefused"/>; empty otherwise.</summary>
    public IReadOnlyList<LintFinding> Findings { get; }

    /// <summary>Gets a message a human can act on (empty when issued).</summary>
    public string Message { get; }

    internal static IssuanceResult Issued(IssuedCertificate certificate) => new(IssuanceStatus.Issued, certificate, [], string.Empty);

    internal static IssuanceResult Refused(IssuanceStatus status, string message, IReadOnlyList<LintFinding>? findings = null) =>
        new(status, null, findings ?? [], message);

    /// <inheritdoc/>
    public override string ToString() => IsIssued ? $"Issued {Certificate.CommonName}" : $"{Status}: {Message}";
}
