// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace V2gPki.Ocsp.Tests.Support;

/// <summary>
/// A throw-away PKI made with openssl in a temp directory: a P-256 CA, leaves with awkward serials, and delegated OCSP
/// signers (P-256, P-384, P-521, Ed448) carrying id-kp-OCSPSigning and id-pkix-ocsp-nocheck.
/// </summary>
public sealed class PkiFixture : IDisposable
{
    public PkiFixture()
    {
        Dir = Directory.CreateTempSubdirectory("v2gpki-ocsp-").FullName;
        File.WriteAllText(Path.Combine(Dir, "signer.ext"),
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=OCSPSigning\n1.3.6.1.5.5.7.48.1.5=ASN1:NULL\n");
        File.WriteAllText(Path.Combine(Dir, "leaf.ext"), "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n");

        Tool.OpenSslIn(Dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
            "-out", "ca.pem", "-subj", "/C=DE/O=V2gPki Test/CN=Test CA", "-days", "30");
        Tool.OpenSslIn(Dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "leaf.key");
        Leaves = [Issue("leaf1", "0x0123456789ABCDEF"), Issue("leaf80", "0x80"), Issue("leaf20", "0x7FA1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3")];

        SignerP256 = MakeEcSigner("signer-p256", "P-256", HashAlgorithmName.SHA256, OcspSignatureAlgorithms.EcdsaWithSha256);
        SignerP384 = MakeEcSigner("signer-p384", "P-384", HashAlgorithmName.SHA384, OcspSignatureAlgorithms.EcdsaWithSha384);
        SignerP521 = MakeEcSigner("signer-p521", "P-521", HashAlgorithmName.SHA512, OcspSignatureAlgorithms.EcdsaWithSha512);

        Tool.OpenSslIn(Dir, "genpkey", "-algorithm", "ed448", "-out", "signer-ed448.key");
        IssueSigner("signer-ed448");
        var ed448Key = (Ed448PrivateKeyParameters)PrivateKeyFactory.CreateKey(ReadPem(Path.Combine(Dir, "signer-ed448.key")));
        SignerEd448 = new Signer("signer-ed448", Path.Combine(Dir, "signer-ed448.pem"), ReadPem(Path.Combine(Dir, "signer-ed448.pem")), new Ed448OcspSigner(ed448Key));

        CaPath = Path.Combine(Dir, "ca.pem");
        CaDer = ReadPem(CaPath);
    }

    public string Dir { get; }

    public string CaPath { get; }

    public byte[] CaDer { get; }

    public Leaf[] Leaves { get; }

    public Signer SignerP256 { get; }

    public Signer SignerP384 { get; }

    public Signer SignerP521 { get; }

    public Signer SignerEd448 { get; }

    public string PathOf(string file) => Path.Combine(Dir, file);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("V2GPKI_KEEP_TEST_DIR") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The first certificate of a PEM file as DER.</summary>
    public static byte[] ReadPem(string path)
    {
        var text = File.ReadAllText(path);
        var fields = PemEncoding.Find(text);
        return Convert.FromBase64String(text[fields.Base64Data]);
    }

    private Leaf Issue(string name, string serial)
    {
        Tool.OpenSslIn(Dir, "req", "-new", "-key", "leaf.key", "-subj", $"/CN={name}", "-out", $"{name}.csr");
        Tool.OpenSslIn(Dir, "x509", "-req", "-in", $"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", serial,
            "-days", "10", "-extfile", "leaf.ext", "-out", $"{name}.pem");
        var der = ReadPem(Path.Combine(Dir, $"{name}.pem"));
        return new Leaf(name, Path.Combine(Dir, $"{name}.pem"), der, SerialContents(der));
    }

    private Signer MakeEcSigner(string name, string curve, HashAlgorithmName hash, ReadOnlySpan<byte> algorithm)
    {
        Tool.OpenSslIn(Dir, "genpkey", "-algorithm", "EC", "-pkeyopt", $"ec_paramgen_curve:{curve}", "-out", $"{name}.key");
        IssueSigner(name);
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(Dir, $"{name}.key")));
        var pem = Path.Combine(Dir, $"{name}.pem");
        return new Signer(name, pem, ReadPem(pem), new EcdsaOcspSigner(key, hash, algorithm.ToArray()));
    }

    private void IssueSigner(string name)
    {
        Tool.OpenSslIn(Dir, "req", "-new", "-key", $"{name}.key", "-subj", $"/O=V2gPki Test/CN={name}", "-out", $"{name}.csr");
        Tool.OpenSslIn(Dir, "x509", "-req", "-in", $"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "0x5151",
            "-days", "10", "-extfile", "signer.ext", "-out", $"{name}.pem");
    }

    /// <summary>The serial number's INTEGER content octets, read with System.Formats.Asn1.</summary>
    private static byte[] SerialContents(byte[] certificate)
    {
        var reader = new System.Formats.Asn1.AsnReader(certificate, System.Formats.Asn1.AsnEncodingRules.DER);
        var tbs = reader.ReadSequence().ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(new System.Formats.Asn1.Asn1Tag(System.Formats.Asn1.TagClass.ContextSpecific, 0, true)))
        {
            tbs.ReadEncodedValue();
        }

        return tbs.ReadIntegerBytes().ToArray();
    }

    public sealed record Leaf(string Name, string PemPath, byte[] Der, byte[] Serial);

    public sealed record Signer(string Name, string PemPath, byte[] CertificateDer, IOcspSigner OcspSigner);
}

[CollectionDefinition(Name)]
public sealed class PkiCollection : ICollectionFixture<PkiFixture>
{
    public const string Name = "pki";
}
