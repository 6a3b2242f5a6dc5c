// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Ocpp;

/// <summary>The body of an HTTP-level refusal of the OCPP adapter (400, 405, 413, 415): the request never reached OCPP.</summary>
internal sealed class OcppError
{
    /// <summary><c>bad_request</c>, <c>method_not_allowed</c>, <c>too_large</c> or <c>unsupported_media_type</c>.</summary>
    public required string Error { get; init; }

    /// <summary>A short reason.</summary>
    public string? Detail { get; init; }
}
