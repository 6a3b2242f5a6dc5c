// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>FASTER read output for the serving index: a pinned destination plus the metadata parsed from the value header.</summary>
internal unsafe struct ServingReadOutput
{
    /// <summary>Pinned destination of the signed part.</summary>
    public byte* Destination;

    /// <summary>Destination capacity.</summary>
    public int Capacity;

    /// <summary>Read token; a completion whose token is stale (an abandoned pending read) copies nothing.</summary>
    public long Token;

    /// <summary>Metadata of the value found.</summary>
    public ResponseMetadata Metadata;

    /// <summary>Whether the signed part was copied (false: destination too small).</summary>
    public bool Copied;
}
