// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>Enumerates concatenated DER certificates (each one complete SEQUENCE) without allocating.</summary>
public ref struct CertificateEnumerator
{
    private DerReader _list;
    private ReadOnlySpan<byte> _current;

    internal CertificateEnumerator(ReadOnlySpan<byte> certificates)
    {
        _list = new DerReader(certificates);
        _current = default;
    }

    /// <summary>The current DER certificate.</summary>
    public readonly ReadOnlySpan<byte> Current => _current;

    /// <summary>Advances to the next certificate.</summary>
    /// <returns><see langword="false"/> after the last one.</returns>
    public bool MoveNext()
    {
        if (!_list.HasData || _list.TryReadEncodedValue(DerTag.Sequence, out var certificate) != DerStatus.Done)
        {
            _list = default;
            _current = default;
            return false;
        }

        _current = certificate;
        return true;
    }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    /// <returns>This enumerator.</returns>
    public readonly CertificateEnumerator GetEnumerator() => this;
}
