// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Csr;

/// <summary>A refused CSR: the code, the rule that refused it and a message a human can act on.</summary>
/// <param name="Code">The error code.</param>
/// <param name="Rule">The name of the rule that refused the CSR.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public readonly record struct CsrError(CsrErrorCode Code, string Rule, string Message)
{
    /// <summary>Whether this value describes an error.</summary>
    public bool IsError => Code != CsrErrorCode.None;
}
