// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Hierarchy;

/// <summary>The outcome of a ceremony step: status, a message a human can act on, warnings, and what was written.</summary>
public sealed class CaCeremonyResult
{
    internal CaCeremonyResult(CaImportStatus status, string message, IReadOnlyList<string> warnings, IReadOnlyList<string> written, string? csrPem = null, string? csrPath = null)
    {
        Status = status;
        Message = message;
        Warnings = warnings;
        Written = written;
        CsrPem = csrPem;
        CsrPath = csrPath;
    }

    /// <summary>Gets the outcome.</summary>
    public CaImportStatus Status { get; }

    /// <summary>Gets a value indicating whether the step succeeded.</summary>
    public bool Succeeded => Status == CaImportStatus.Done;

    /// <summary>Gets what happened or why not.</summary>
    public string Message { get; }

    /// <summary>Gets findings that did not stop the step (for example an external CA's certificate that deviates from our profile, found by the pre-issuance lint).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Gets the names whose certificate was written (parents from the chain first), or the CSR's name.</summary>
    public IReadOnlyList<string> Written { get; }

    /// <summary>Gets the PEM CSR of a CSR export.</summary>
    public string? CsrPem { get; }

    /// <summary>Gets the file the CSR was written to.</summary>
    public string? CsrPath { get; }

    internal static CaCeremonyResult Fail(CaImportStatus status, string message, IReadOnlyList<string>? warnings = null) =>
        new(status, message, warnings ?? [], []);

    /// <inheritdoc/>
    public override string ToString() => $"{Status}: {Message}";
}
