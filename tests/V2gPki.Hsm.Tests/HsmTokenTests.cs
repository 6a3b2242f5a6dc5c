// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.LowLevelAPI80;

namespace V2gPki.Hsm.Tests;

[Collection(SoftHsmCollection.Name)]
public class HsmTokenTests(SoftHsmFixture fixture)
{
    public static TheoryData<HsmKeyType> KeyTypes => [HsmKeyType.EcP256, HsmKeyType.EcP521, HsmKeyType.Ed448];

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public void GenerateKey_EachCurve_ExportsSubjectPublicKeyInfoOfThatCurve(HsmKeyType keyType)
    {
        var key = fixture.Online.GenerateKey(UniqueLabel("gen"), keyType);

        Assert.Equal(keyType, key.KeyType);
        var spki = key.SubjectPublicKeyInfo.ToArray();
        if (keyType == HsmKeyType.Ed448)
        {
            // RFC 8410 §4: SEQUENCE { SEQUENCE { id-Ed448 }, BIT STRING (57 bytes) }; openssl must read it too.
            var reader = new AsnReader(spki, AsnEncodingRules.DER).ReadSequence();
            Assert.Equal("1.3.101.113", reader.ReadSequence().ReadObjectIdentifier());
            Assert.Equal(57, reader.ReadBitString(out _).Length);
            var file = Path.GetTempFileName();
            File.WriteAllBytes(file, spki);
            (var exit, var output) = Tool.Run("openssl", ["pkey", "-pubin", "-inform", "DER", "-in", file, "-noout", "-text"]);
            File.Delete(file);
            Assert.True(exit == 0, output);
            Assert.Contains("ED448 Public-Key", output, StringComparison.Ordinal);
        }
        else
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(spki, out var read);
            Assert.Equal(spki.Length, read);
            Assert.Equal(keyType == HsmKeyType.EcP256 ? 256 : 521, ecdsa.KeySize);
        }
    }

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public void GenerateKey_EachCurve_PrivateKeyIsSensitiveNeverExtractableAndSignOnly(HsmKeyType keyType)
    {
        var policy = fixture.Online.GenerateKey(UniqueLabel("policy"), keyType).GetPolicy();

        // docs/architecture.md §4 invariant 1.
        Assert.True(policy.IsToken);
        Assert.True(policy.IsPrivate);
        Assert.True(policy.IsSensitive);
        Assert.False(policy.IsExtractable);
        Assert.True(policy.IsAlwaysSensitive);
        Assert.True(policy.IsNeverExtractable);
        Assert.True(policy.IsLocal);
        Assert.True(policy.CanSign);
        Assert.False(policy.CanDecrypt);
        Assert.False(policy.CanUnwrap);
        Assert.False(policy.CanDerive);
        Assert.False(policy.IsValueReadable);
        Assert.True(policy.IsSigningKeyPolicy);
    }

    [Fact]
    public void GetAttributeValue_PrivateKeyValue_RefusedAsSensitive()
    {
        var key = fixture.Online.GenerateKey(UniqueLabel("value"), HsmKeyType.EcP256);
        var library = fixture.Module.LowLevel;
        var session = fixture.Online.OpenSessionHandle();
        try
        {
            CK_ATTRIBUTE[] template = [CkaUtils.CreateAttribute(CKA.CKA_VALUE)];

            var rv = library.C_GetAttributeValue(session, key.PrivateKeyHandle, template, 1);

            Assert.Equal(CKR.CKR_ATTRIBUTE_SENSITIVE, rv);
            Assert.Equal(ulong.MaxValue, template[0].valueLen); // CK_UNAVAILABLE_INFORMATION
        }
        finally
        {
            library.C_CloseSession(session);
        }
    }

    [Fact]
    public void GenerateKey_LabelExists_ThrowsKeyExists()
    {
        var label = UniqueLabel("dup");
        fixture.Online.GenerateKey(label, HsmKeyType.EcP256);

        Assert.Equal(HsmError.KeyExists, Assert.Throws<HsmException>(() => fixture.Online.GenerateKey(label, HsmKeyType.EcP256)).Error);
    }

    [Fact]
    public void GetKey_UnknownLabel_ThrowsKeyNotFoundNamingKeyAndToken()
    {
        var e = Assert.Throws<HsmException>(() => fixture.Online.GetKey("no-such-key"));

        Assert.Equal(HsmError.KeyNotFound, e.Error);
        Assert.Contains("no-such-key", e.Message, StringComparison.Ordinal);
        Assert.Contains("test-online", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetKey_Generated_ReturnsCachedInstance()
    {
        var label = UniqueLabel("cache");
        var key = fixture.Online.GenerateKey(label, HsmKeyType.EcP256);

        Assert.Same(key, fixture.Online.GetKey(label));
    }

    [Fact]
    public void GetKey_FromAnotherOpeningOfTheToken_FindsKeyByLabelWithSamePublicKey()
    {
        var label = UniqueLabel("lookup");
        var key = fixture.Online.GenerateKey(label, HsmKeyType.EcP521);
        using var again = fixture.Module.OpenToken(SoftHsmFixture.TokenOptions("again", "test-online", SoftHsmFixture.UserPin));

        var found = again.GetKey(label);

        Assert.NotSame(key, found);
        Assert.Equal(HsmKeyType.EcP521, found.KeyType);
        Assert.Equal(key.SubjectPublicKeyInfo.ToArray(), found.SubjectPublicKeyInfo.ToArray());
        Assert.Equal(key.PrivateKeyHandle, found.PrivateKeyHandle);
    }

    [Fact]
    public void GetOrGenerateKey_ExistingKeyOfOtherType_ThrowsKeyExists()
    {
        var label = UniqueLabel("type");
        var key = fixture.Online.GetOrGenerateKey(label, HsmKeyType.Ed448);

        Assert.Same(key, fixture.Online.GetOrGenerateKey(label, HsmKeyType.Ed448));
        Assert.Equal(HsmError.KeyExists, Assert.Throws<HsmException>(() => fixture.Online.GetOrGenerateKey(label, HsmKeyType.EcP256)).Error);
    }

    [Fact]
    public void GenerateKey_OnRootToken_NotVisibleOnOnlineToken()
    {
        // docs/architecture.md §4 invariant 1: root and Sub-CA 1 keys live in a separate token from the online keys.
        var label = UniqueLabel("v2g-root");
        fixture.Root.GenerateKey(label, HsmKeyType.EcP256);

        Assert.False(fixture.Online.TryGetKey(label, out _));
        Assert.True(fixture.Root.TryGetKey(label, out _));
    }

    [Fact]
    public void GetKey_ExtractableKeyMadeElsewhere_ThrowsKeyPolicyViolation()
    {
        var label = UniqueLabel("weak");
        using (var session = fixture.Module.GetSlot(fixture.Online.SlotId).OpenSession(SessionType.ReadWrite))
        {
            var a = session.Factories.ObjectAttributeFactory;
            session.GenerateKeyPair(
                session.Factories.MechanismFactory.Create(CKM.CKM_EC_KEY_PAIR_GEN),
                [a.Create(CKA.CKA_TOKEN, true), a.Create(CKA.CKA_LABEL, label), a.Create(CKA.CKA_EC_PARAMS, Convert.FromHexString("06082A8648CE3D030107"))],
                [a.Create(CKA.CKA_TOKEN, true), a.Create(CKA.CKA_PRIVATE, true), a.Create(CKA.CKA_LABEL, label),
                 a.Create(CKA.CKA_SENSITIVE, false), a.Create(CKA.CKA_EXTRACTABLE, true), a.Create(CKA.CKA_SIGN, true)],
                out _, out _);
        }

        var e = Assert.Throws<HsmException>(() => fixture.Online.GetKey(label));

        Assert.Equal(HsmError.KeyPolicyViolation, e.Error);
        Assert.Contains(label, e.Message, StringComparison.Ordinal);
    }

    internal static string UniqueLabel(string prefix) => prefix + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
}
