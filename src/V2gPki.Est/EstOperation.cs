// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Est;

/// <summary>The EST operations of RFC 7030 §3.2.2 (path segments). Values are explicit and never reused.</summary>
public enum EstOperation : byte
{
    /// <summary>No operation (the default value).</summary>
    None = 0,

    /// <summary><c>cacerts</c> (RFC 7030 §4.1): the CA certificates, GET.</summary>
    CaCerts = 1,

    /// <summary><c>simpleenroll</c> (RFC 7030 §4.2.1): enroll a CSR, POST.</summary>
    SimpleEnroll = 2,

    /// <summary><c>simplereenroll</c> (RFC 7030 §4.2.2): renew with the current certificate, POST.</summary>
    SimpleReenroll = 3,

    /// <summary><c>csrattrs</c> (RFC 7030 §4.5): what the CSR should hold, GET.</summary>
    CsrAttrs = 4,

    /// <summary><c>serverkeygen</c> (RFC 7030 §4.4): the server makes the key, POST (off: keys stay with their owner).</summary>
    ServerKeyGen = 5,

    /// <summary><c>fullcmc</c> (RFC 7030 §4.3), POST (not supported).</summary>
    FullCmc = 6,
}
