// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>The <c>ResponderID</c> CHOICE (RFC 6960 §4.2.1); values are the CHOICE tag numbers.</summary>
public enum ResponderIdKind
{
    /// <summary>Not set (the default value).</summary>
    None = 0,

    /// <summary><c>byName [1] Name</c>: the signer's subject DN.</summary>
    ByName = 1,

    /// <summary><c>byKey [2] KeyHash</c>: SHA-1 of the signer's subjectPublicKey BIT STRING contents.</summary>
    ByKey = 2,
}
