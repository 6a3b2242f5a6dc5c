// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// The SingleResponses of one <c>ResponseData</c>, by index, so the writer needs no array of ref structs. Implement it
/// with a struct or ref struct (the writer is generic over it, no boxing); see <see cref="CertificateSingleResponses"/>
/// for one certificate under several CertID hash algorithms, and <see cref="OneSingleResponse"/>.
/// </summary>
public interface ISingleResponseList
{
    /// <summary>How many SingleResponses, at least 1.</summary>
    int Count { get; }

    /// <summary>The SingleResponse at <paramref name="index"/>.</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    /// <returns>The SingleResponse.</returns>
    SingleResponse GetResponse(int index);
}
