// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>An <see cref="ISingleResponseList"/> of exactly one SingleResponse.</summary>
public readonly ref struct OneSingleResponse : ISingleResponseList
{
    private readonly SingleResponse _response;

    /// <summary>Wraps <paramref name="response"/>.</summary>
    /// <param name="response">The only SingleResponse.</param>
    public OneSingleResponse(SingleResponse response) => _response = response;

    /// <inheritdoc/>
    public int Count => 1;

    /// <inheritdoc/>
    public SingleResponse GetResponse(int index)
    {
        if (index != 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(index));
        }

        return _response;
    }
}
