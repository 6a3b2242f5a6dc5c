// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Hierarchy;

/// <summary>The outcome of a ceremony step (CSR export or certificate import). Values are explicit and never reused.</summary>
public enum CaImportStatus
{
    /// <summary>Done.</summary>
    Done = 0,

    /// <summary>The name is not a CA, signer or own-key leaf of this hierarchy's ISO 15118 part.</summary>
    UnknownName = 1,

    /// <summary>The step is not allowed for this name (a root CSR, an external Sub-CA 2, a signer whose key was never created here).</summary>
    NotAllowed = 2,

    /// <summary>The input holds no certificate, or one that does not parse.</summary>
    Malformed = 3,

    /// <summary>The certificate certifies another key than the HSM key the manifest names.</summary>
    KeyMismatch = 4,

    /// <summary>An issuer certificate is neither imported nor in the chain given.</summary>
    ChainIncomplete = 5,

    /// <summary>A signature, name or key identifier link of the chain does not hold, or a root is not self-signed.</summary>
    ChainInvalid = 6,

    /// <summary>The certificate is not of the right type: not a CA, no id-kp-OCSPSigning, or a key algorithm the profile does not allow.</summary>
    WrongType = 7,

    /// <summary>The certificate has expired.</summary>
    Expired = 8,
}
