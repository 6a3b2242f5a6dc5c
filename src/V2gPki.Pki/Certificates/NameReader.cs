// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;

namespace V2gPki.Pki.Certificates;

/// <summary>Reads attributes out of a DER X.501 Name (cold path).</summary>
internal static class NameReader
{
    /// <summary>The first commonName (2.5.4.3) of a Name, or empty.</summary>
    /// <param name="name">DER Name.</param>
    /// <returns>The value.</returns>
    public static string CommonName(ReadOnlyMemory<byte> name)
    {
        try
        {
            var rdns = new AsnReader(name, AsnEncodingRules.DER).ReadSequence();
            while (rdns.HasData)
            {
                var set = rdns.ReadSetOf();
                while (set.HasData)
                {
                    var attribute = set.ReadSequence();
                    if (attribute.ReadObjectIdentifier() == "2.5.4.3")
                    {
                        var tag = attribute.PeekTag();
                        return tag.TagValue switch
                        {
                            (int)UniversalTagNumber.UTF8String => attribute.ReadCharacterString(UniversalTagNumber.UTF8String),
                            (int)UniversalTagNumber.PrintableString => attribute.ReadCharacterString(UniversalTagNumber.PrintableString),
                            (int)UniversalTagNumber.IA5String => attribute.ReadCharacterString(UniversalTagNumber.IA5String),
                            _ => string.Empty,
                        };
                    }
                }
            }
        }
        catch (AsnContentException)
        {
        }

        return string.Empty;
    }
}
