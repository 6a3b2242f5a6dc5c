// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Listeners.Admin;

namespace V2gPki.Edge.Commands.Client;

/// <summary>An admin API answer as the client saw it: the value on 200, the error body otherwise.</summary>
/// <typeparam name="T">The success body type.</typeparam>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Value">The body on 200; null otherwise.</param>
/// <param name="Error">The error body (or one made from the status when the body was not JSON); null on 200.</param>
/// <param name="Json">The raw response body (for <c>--json</c>).</param>
internal sealed record AdminClientResult<T>(int StatusCode, T? Value, AdminError? Error, string Json)
    where T : class
{
    /// <summary>Whether the request succeeded (200 with a body).</summary>
    public bool Succeeded => StatusCode == 200 && Value is not null;
}
