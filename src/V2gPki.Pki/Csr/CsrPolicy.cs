// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Csr;

/// <summary>Configuration of the CSR rules. Plain settable properties for the configuration binder.</summary>
public sealed class CsrPolicy
{
    /// <summary>
    /// The largest CSR accepted, in bytes of input (PEM or DER): 8 KiB by default. OCPP 2.0.1 caps a PEM CSR at 5500
    /// characters; an ISO 15118 CSR is well under 1 KiB.
    /// </summary>
    public int MaxSize { get; set; } = 8 * 1024;

    /// <summary>Lenient (default): a wrong EMAID check digit is a warning. Strict: it is refused.</summary>
    public IdStrictness Strictness { get; set; } = IdStrictness.Lenient;
}
