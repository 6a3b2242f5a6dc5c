// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace V2gPki.Est.Tests;

public sealed class CertsOnlyPkcs7Tests : IDisposable
{
    private readonly TestChain _chain = TestChain.Shared;
    private readonly string _directory = Directory.CreateTempSubdirectory("v2gpki-est-pkcs7-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Encode_CaCertsChain_OpenSslListsSub2ThenSub1ThenRootLast()
    {
        var encoded = CertsOnlyPkcs7.Encode([_chain.Sub2, _chain.Sub1, _chain.Root]);

        Assert.Equal(["CPO Sub-CA 2", "CPO Sub-CA 1", "V2G Root CA"], OpenSslSubjects(encoded, "DER"));
    }

    [Fact]
    public void Encode_OrderAgainstDerSorting_KeptAsGiven()
    {
        // Descending by encoding: the order a DER SET OF would reverse.
        byte[][] certificates = [_chain.Root, _chain.Sub1, _chain.Sub2, _chain.Leaf];
        Array.Sort(certificates, (a, b) => -a.AsSpan().SequenceCompareTo(b));
        var encoded = CertsOnlyPkcs7.Encode([.. certificates.Select(c => (ReadOnlyMemory<byte>)c)]);

        Assert.Equal([.. certificates.Select(TestChain.CommonName)], OpenSslSubjects(encoded, "DER"));
        Assert.Equal(certificates, ReadCertificates(encoded));
    }

    [Fact]
    public void Encode_EnrollmentAnswer_HoldsTheLeafOnly()
    {
        var encoded = CertsOnlyPkcs7.Encode([_chain.Leaf]);

        Assert.Equal(["DEABCE1234567"], OpenSslSubjects(encoded, "DER"));
        Assert.Equal([_chain.Leaf], ReadCertificates(encoded));
    }

    [Fact]
    public void ToBase64Lines_InPkcs7Armour_OpenSslReadsTheSameOrder()
    {
        var encoded = CertsOnlyPkcs7.Encode([_chain.Sub2, _chain.Sub1, _chain.Root]);
        var pem = "-----BEGIN PKCS7-----\n" + CertsOnlyPkcs7.ToBase64Lines(encoded) + "-----END PKCS7-----\n";

        Assert.Equal(["CPO Sub-CA 2", "CPO Sub-CA 1", "V2G Root CA"], OpenSslSubjects(Encoding.ASCII.GetBytes(pem), "PEM"));
    }

    [Fact]
    public void ToBase64Lines_Body_GnuBase64DecodesToTheEncoding()
    {
        var encoded = CertsOnlyPkcs7.Encode([_chain.Sub2, _chain.Sub1, _chain.Root]);
        var file = Path.Combine(_directory, "body.b64");
        File.WriteAllText(file, CertsOnlyPkcs7.ToBase64Lines(encoded));

        var decoded = Tool.Run("base64", "-d", file);

        Assert.Equal(0, decoded.ExitCode);
        Assert.Equal(encoded, decoded.StdOutBytes);
    }

    [Fact]
    public void Encode_Structure_IsTheDegenerateSignedDataOfRfc5652()
    {
        var encoded = CertsOnlyPkcs7.Encode([_chain.Sub2, _chain.Root]);

        var contentInfo = new AsnReader(encoded, AsnEncodingRules.BER).ReadSequence();
        Assert.Equal("1.2.840.113549.1.7.2", contentInfo.ReadObjectIdentifier());
        var explicitContent = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
        Assert.False(contentInfo.HasData);
        var signedData = explicitContent.ReadSequence();
        Assert.False(explicitContent.HasData);
        Assert.Equal(1, (int)signedData.ReadInteger());
        Assert.False(signedData.ReadSetOf().HasData);
        var encapContentInfo = signedData.ReadSequence();
        Assert.Equal("1.2.840.113549.1.7.1", encapContentInfo.ReadObjectIdentifier());
        Assert.False(encapContentInfo.HasData);
        var certificates = signedData.ReadSetOf(skipSortOrderValidation: true, new Asn1Tag(TagClass.ContextSpecific, 0));
        Assert.Equal(_chain.Sub2, certificates.ReadEncodedValue().ToArray());
        Assert.Equal(_chain.Root, certificates.ReadEncodedValue().ToArray());
        Assert.False(certificates.HasData);
        Assert.False(signedData.ReadSetOf().HasData);
        Assert.False(signedData.HasData);
    }

    [Fact]
    public void Encode_ReadByDotNetCollection_KeepsTheOrder()
    {
        var encoded = CertsOnlyPkcs7.Encode([_chain.Sub2, _chain.Sub1, _chain.Root]);

        var collection = new X509Certificate2Collection();
#pragma warning disable SYSLIB0057 // X509CertificateLoader reads no PKCS#7; Import is the .NET reader of certs-only answers.
        collection.Import(encoded);
#pragma warning restore SYSLIB0057

        Assert.Equal(["CPO Sub-CA 2", "CPO Sub-CA 1", "V2G Root CA"], collection.Select(c => c.GetNameInfo(X509NameType.SimpleName, false)));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(1, 0x70)]
    [InlineData(1, 0x90)]
    [InlineData(1, 0x1F0)]
    [InlineData(5, 0x3400)]
    [InlineData(300, 0x1000)]
    public void Encode_LengthsAroundEveryLengthForm_ReadBackWithAsnReader(int count, int certificateLength)
    {
        var certificates = Enumerable.Range(0, count).Select(i => FakeCertificate(certificateLength - (i % 3), (byte)i)).Append(FakeCertificate(2, 0xFF)).ToArray();
        ReadOnlyMemory<byte>[] input = [.. certificates.Select(c => (ReadOnlyMemory<byte>)c)];

        var encoded = CertsOnlyPkcs7.Encode(input);

        Assert.Equal(CertsOnlyPkcs7.GetEncodedLength(input), encoded.Length);
        Assert.Equal(certificates, ReadCertificates(encoded));
    }

    [Fact]
    public void TryEncode_ShortDestination_ReturnsFalseAndWritesNothing()
    {
        ReadOnlyMemory<byte>[] certificates = [_chain.Leaf];
        var length = CertsOnlyPkcs7.GetEncodedLength(certificates);
        var destination = new byte[length - 1];
        Array.Fill(destination, (byte)0xEE);

        Assert.False(CertsOnlyPkcs7.TryEncode(certificates, destination, out var written));
        Assert.Equal(0, written);
        Assert.All(destination, b => Assert.Equal(0xEE, b));
        Assert.True(CertsOnlyPkcs7.TryEncode(certificates, new byte[length], out written));
        Assert.Equal(length, written);
    }

    [Theory]
    [InlineData("not a SEQUENCE", "04 00")]
    [InlineData("trailing bytes", "30 00 00")]
    [InlineData("truncated", "30 02 00")]
    [InlineData("empty", "")]
    public void Encode_MalformedCertificate_Throws(string description, string hex)
    {
        var exception = Assert.Throws<ArgumentException>(() => CertsOnlyPkcs7.Encode([_chain.Leaf, Hex.Parse(hex)]));
        Assert.True(exception.Message.Contains("Certificate 1 is not exactly one DER SEQUENCE", StringComparison.Ordinal), description);
    }

    [Fact]
    public void Encode_NoCertificate_Throws() =>
        Assert.Throws<ArgumentException>(() => CertsOnlyPkcs7.Encode([]));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(47)]
    [InlineData(48)]
    [InlineData(49)]
    [InlineData(96)]
    [InlineData(1000)]
    public void ToBase64Lines_AnyLength_64CharacterLinesEndedByLf(int length)
    {
        var der = new byte[length];
        new Random(length).NextBytes(der);

        var text = CertsOnlyPkcs7.ToBase64Lines(der);

        Assert.Equal(CertsOnlyPkcs7.GetBase64LinesLength(length), text.Length);
        Assert.DoesNotContain('\r', text);
        if (length == 0)
        {
            Assert.Equal(string.Empty, text);
            return;
        }

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text[..^1].Split('\n');
        Assert.All(lines[..^1], line => Assert.Equal(64, line.Length));
        Assert.InRange(lines[^1].Length, 1, 64);
        Assert.Equal(der, Convert.FromBase64String(string.Concat(lines)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(48)]
    [InlineData(500)]
    public void TryWriteBase64Lines_SameTextAsToBase64Lines(int length)
    {
        var der = new byte[length];
        new Random(length).NextBytes(der);
        var destination = new byte[CertsOnlyPkcs7.GetBase64LinesLength(length)];

        Assert.True(CertsOnlyPkcs7.TryWriteBase64Lines(der, destination, out var written));
        Assert.Equal(CertsOnlyPkcs7.ToBase64Lines(der), Encoding.ASCII.GetString(destination, 0, written));
        if (length > 0)
        {
            Assert.False(CertsOnlyPkcs7.TryWriteBase64Lines(der, destination.AsSpan(0, destination.Length - 1), out written));
            Assert.Equal(0, written);
        }
    }

    private string[] OpenSslSubjects(byte[] input, string form)
    {
        var file = Path.Combine(_directory, "answer." + form.ToLowerInvariant());
        File.WriteAllBytes(file, input);
        var output = Tool.OpenSsl("pkcs7", "-inform", form, "-in", file, "-print_certs", "-noout");
        return [.. output.StdOut.Split('\n').Where(l => l.StartsWith("subject=", StringComparison.Ordinal)).Select(SubjectCn)];
    }

    private static string SubjectCn(string line)
    {
        var cn = line[(line.IndexOf("CN = ", StringComparison.Ordinal) + 5)..];
        var comma = cn.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? cn : cn[..comma];
    }

    private static byte[][] ReadCertificates(byte[] encoded)
    {
        var signedData = new AsnReader(encoded, AsnEncodingRules.BER).ReadSequence();
        signedData.ReadObjectIdentifier();
        var content = signedData.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
        content.ReadInteger();
        content.ReadSetOf();
        content.ReadSequence();
        var set = content.ReadSetOf(skipSortOrderValidation: true, new Asn1Tag(TagClass.ContextSpecific, 0));
        var certificates = new List<byte[]>();
        while (set.HasData)
        {
            certificates.Add(set.ReadEncodedValue().ToArray());
        }

        return [.. certificates];
    }

    private static byte[] FakeCertificate(int contentLength, byte fill)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.PushSequence();
        writer.WriteOctetString(Enumerable.Repeat(fill, Math.Max(0, contentLength - 8)).ToArray());
        writer.PopSequence();
        return writer.Encode();
    }
}
