// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// How an admin request ended (metrics label and audit outcome), mapped to its HTTP status in one switch
/// (<see cref="AdminOutcomes.HttpStatus"/>). Values are explicit and never reused (docs/style.md §15).
/// </summary>
internal enum AdminOutcome : byte
{
    /// <summary>A read answered, or a state change applied (200).</summary>
    Ok = 0,

    /// <summary>A state change that was already in place (200, idempotent).</summary>
    Unchanged = 1,

    /// <summary>Bad JSON, serial, reason, query (400).</summary>
    BadRequest = 2,

    /// <summary>No or a wrong bearer token (401).</summary>
    Unauthorized = 3,

    /// <summary>Unknown route, CA or serial (404).</summary>
    NotFound = 4,

    /// <summary>A method the route does not take (405).</summary>
    MethodNotAllowed = 5,

    /// <summary>A status change the certificate's status does not allow (409).</summary>
    Conflict = 6,

    /// <summary>A body over the listener's limit (413).</summary>
    TooLarge = 7,

    /// <summary>A body that is not <c>application/json</c> (415).</summary>
    UnsupportedMediaType = 8,

    /// <summary>Worker queue full, store not ready, shutting down, audit log unwritable (503).</summary>
    Unavailable = 9,

    /// <summary>Signing failed or a bug (500).</summary>
    Error = 10,
}
