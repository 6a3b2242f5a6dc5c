// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>What to do with a request nonce (RFC 9654), parsed from <see cref="OcspOptions.NoncePolicy"/>.</summary>
internal enum NoncePolicy : byte
{
    /// <summary><c>ignore</c>: answer the cached response without a nonce.</summary>
    Ignore = 0,

    /// <summary><c>sign-live</c>: sign a response echoing the nonce on the slow path.</summary>
    SignLive = 1,
}
