// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>Enumerates the SingleResponses of a validated responses list without allocating.</summary>
public ref struct SingleResponseEnumerator
{
    private DerReader _list;
    private SingleResponse _current;

    internal SingleResponseEnumerator(ReadOnlySpan<byte> responses)
    {
        _list = new DerReader(responses);
        _current = default;
    }

    /// <summary>The current SingleResponse.</summary>
    public readonly SingleResponse Current => _current;

    /// <summary>Advances to the next SingleResponse.</summary>
    /// <returns><see langword="false"/> after the last one.</returns>
    public bool MoveNext()
    {
        if (!_list.HasData || OcspResponseReader.ReadSingleResponse(ref _list, out var single) != OcspParseStatus.Ok)
        {
            _list = default;
            _current = default;
            return false;
        }

        _current = single;
        return true;
    }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    /// <returns>This enumerator.</returns>
    public readonly SingleResponseEnumerator GetEnumerator() => this;
}
