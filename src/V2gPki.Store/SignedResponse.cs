// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>
/// A pre-signed OCSP response part as the issuing worker hands it to the store: the bytes the OCSP codec produced
/// (tbsResponseData, signature algorithm, signature), opaque to the store, plus what the host needs beside them.
/// </summary>
/// <param name="SignedPart">The opaque signed part; 1 to <see cref="StoreLimits.MaxSignedResponseLength"/> bytes.</param>
/// <param name="SignerId">Id of the delegated signer that signed it (the host splices that signer's certificate in).</param>
/// <param name="ThisUpdate">thisUpdate of the response.</param>
/// <param name="NextUpdate">nextUpdate of the response; after thisUpdate.</param>
public readonly record struct SignedResponse(ReadOnlyMemory<byte> SignedPart, ushort SignerId, DateTimeOffset ThisUpdate, DateTimeOffset NextUpdate);
