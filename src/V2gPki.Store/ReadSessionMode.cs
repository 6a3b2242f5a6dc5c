// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Store;

/// <summary>How lookups obtain a FASTER session (sessions are single-threaded).</summary>
public enum ReadSessionMode : byte
{
    /// <summary>One session per thread, found through a [ThreadStatic] cache (no atomic operation per lookup).</summary>
    ThreadAffine = 1,

    /// <summary>A bounded lock-free pool: rent with one compare-exchange, return with another.</summary>
    Pool = 2,
}
