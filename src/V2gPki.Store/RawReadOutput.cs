// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>FASTER read output that copies a whole value into a pinned destination.</summary>
internal unsafe struct RawReadOutput
{
    /// <summary>Pinned destination.</summary>
    public byte* Destination;

    /// <summary>Destination capacity.</summary>
    public int Capacity;

    /// <summary>Length of the value found (copied only when it fits).</summary>
    public int Length;
}
