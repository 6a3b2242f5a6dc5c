// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Math;
using V2gPki.Pki.Issuance;

namespace V2gPki.Pki.Tests.Issuance;

public sealed class SerialNumberGeneratorTests
{
    [Fact]
    public void Next_ManyDraws_PositiveSixteenOctetMinimalIntegersAllDistinct()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++)
        {
            var serial = SerialNumberGenerator.Next();
            Assert.Equal(16, serial.Length);
            Assert.InRange(serial[0], (byte)0x01, (byte)0x7F);

            // RFC 5280 §4.1.2.2: positive, at most 20 octets; DER content is exactly these 16 octets.
            var integer = new DerInteger(new BigInteger(1, serial));
            Assert.Equal(serial, integer.Value.ToByteArray());
            Assert.True(seen.Add(Convert.ToHexString(serial)));
        }
    }

    [Fact]
    public void Next_FirstOctet_CoversTheWholeRange()
    {
        var firsts = new HashSet<byte>();
        for (var i = 0; i < 20_000; i++)
        {
            firsts.Add(SerialNumberGenerator.Next()[0]);
        }

        Assert.Equal(127, firsts.Count);
    }

    [Fact]
    public void Next_WrongDestinationLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => SerialNumberGenerator.Next(new byte[8]));
    }
}
