// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>The outcome of a refused identifier: a stable code and a message that names the expected format and the value seen.</summary>
public readonly struct IdError : IEquatable<IdError>
{
    /// <summary>Creates an error.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">A message a human can act on.</param>
    public IdError(IdErrorCode code, string message)
    {
        Code = code;
        _message = message;
    }

    private readonly string? _message;

    /// <summary>The error code; <see cref="IdErrorCode.None"/> when the identifier was accepted.</summary>
    public IdErrorCode Code { get; }

    /// <summary>The message, empty when <see cref="Code"/> is <see cref="IdErrorCode.None"/>.</summary>
    public string Message => _message ?? string.Empty;

    /// <summary>Whether this value describes an error.</summary>
    public bool IsError => Code != IdErrorCode.None;

    /// <inheritdoc/>
    public bool Equals(IdError other) => Code == other.Code && string.Equals(Message, other.Message, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IdError other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Message);

    /// <inheritdoc/>
    public override string ToString() => IsError ? $"{Code}: {Message}" : "None";

    /// <summary>Compares two errors by code and message.</summary>
    /// <param name="left">The first error.</param>
    /// <param name="right">The second error.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(IdError left, IdError right) => left.Equals(right);

    /// <summary>Compares two errors by code and message.</summary>
    /// <param name="left">The first error.</param>
    /// <param name="right">The second error.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(IdError left, IdError right) => !left.Equals(right);
}
