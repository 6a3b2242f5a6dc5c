// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>Enumerates the CertIDs of a validated requestList (<c>foreach (CertId id in request)</c>) without allocating.</summary>
public ref struct CertIdEnumerator
{
    private DerReader _list;
    private CertId _current;

    internal CertIdEnumerator(ReadOnlySpan<byte> requestList)
    {
        _list = new DerReader(requestList);
        _current = default;
    }

    /// <summary>The current CertID.</summary>
    public readonly CertId Current => _current;

    /// <summary>Advances to the next CertID.</summary>
    /// <returns><see langword="false"/> after the last one.</returns>
    public bool MoveNext()
    {
        if (!_list.HasData)
        {
            return false;
        }

        // The list was validated by the parser, so this cannot fail; stop rather than loop if it ever did.
        if (_list.TryReadSequence(out var request) != DerStatus.Done
            || CertIdCodec.TryRead(ref request, out var certId) != OcspParseStatus.Ok)
        {
            _list = default;
            _current = default;
            return false;
        }

        _current = certId;
        return true;
    }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    /// <returns>This enumerator.</returns>
    public readonly CertIdEnumerator GetEnumerator() => this;
}
