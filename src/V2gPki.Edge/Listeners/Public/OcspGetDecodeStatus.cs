// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Public;

/// <summary>Result of <see cref="OcspGetDecoder.TryDecode"/> (explicit, never-reused values).</summary>
internal enum OcspGetDecodeStatus : byte
{
    /// <summary>Decoded; the DER bytes are at the start of the buffer.</summary>
    Done = 0,

    /// <summary>Nothing after the route prefix (and its slashes).</summary>
    Empty = 1,

    /// <summary>A character outside base64, base64url, <c>%</c>-escapes and the space that stands for <c>+</c>.</summary>
    InvalidCharacter = 2,

    /// <summary>A <c>%</c> not followed by two hexadecimal digits.</summary>
    InvalidEscape = 3,

    /// <summary>A base64 length that no padding can repair (4n + 1 characters), or more than two <c>=</c>.</summary>
    InvalidLength = 4,

    /// <summary>Data after a <c>=</c>.</summary>
    MisplacedPadding = 5,

    /// <summary>The buffer is shorter than <see cref="OcspGetDecoder.RequiredBufferLength"/> of the input.</summary>
    DestinationTooSmall = 6,
}
