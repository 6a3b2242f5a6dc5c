// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>Maps DER reader outcomes to <see cref="OcspParseStatus"/> in one place.</summary>
internal static class OcspStatusMap
{
    /// <summary>Maps a failed <see cref="DerStatus"/>.</summary>
    /// <param name="status">Any status but <see cref="DerStatus.Done"/>.</param>
    /// <returns>The OCSP outcome.</returns>
    public static OcspParseStatus FromDer(DerStatus status) => status switch
    {
        DerStatus.Done => OcspParseStatus.Ok,
        DerStatus.NeedMoreData => OcspParseStatus.Truncated,
        DerStatus.UnexpectedTag or DerStatus.UnexpectedEnd => OcspParseStatus.UnexpectedStructure,
        DerStatus.TrailingData => OcspParseStatus.TrailingData,
        _ => OcspParseStatus.InvalidDer,
    };
}
