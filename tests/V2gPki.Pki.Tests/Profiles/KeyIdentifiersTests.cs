// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Profiles;

public class KeyIdentifiersTests
{
    // SHA-1(04 11…11) = d218799c27498cb03d0547e3552af76e30ae8f06 (python hashlib); RFC 5280 §4.2.1.2 method (2):
    // 0100 + the low 60 bits → 45 2A F7 6E 30 AE 8F 06.
    [Fact]
    public void Compute_KnownKeyBits_Rfc5280Method2()
    {
        var point = Hex.Parse("04" + new string('1', 128));
        Assert.Equal("452AF76E30AE8F06", Hex.Of(KeyIdentifiers.Compute(point)));
    }

    [Fact]
    public void Compute_Spki_HashesOnlyTheBitStringValue()
    {
        var point = Hex.Parse("04" + new string('1', 128));
        var spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(new DerObjectIdentifier(KeyAlgorithms.EcPublicKeyOid), new DerObjectIdentifier(KeyAlgorithms.P256Oid)), point);
        Assert.Equal("452AF76E30AE8F06", Hex.Of(KeyIdentifiers.Compute(spki)));
    }

    [Fact]
    public void Compute_RealKeys_EightBytesTypeNibble0100()
    {
        foreach (var algorithm in new[] { KeyAlgorithm.EcP256, KeyAlgorithm.EcP521, KeyAlgorithm.Ed448 })
        {
            var id = KeyIdentifiers.Compute(TestKeys.Spki(algorithm));
            Assert.Equal(8, id.Length);
            Assert.Equal(0x40, id[0] & 0xF0);
        }
    }
}
