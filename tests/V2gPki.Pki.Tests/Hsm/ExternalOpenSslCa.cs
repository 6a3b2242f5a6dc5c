// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Pkcs;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>
/// An "offline" CA run with the openssl command line (as an external operator would), issuing with extfiles that match
/// our profiles: 8-byte method-(2) SKIs given as hex, AKI keyid, critical basicConstraints and keyUsage, the policy OID and
/// the AIA OCSP URL.
/// </summary>
internal sealed class ExternalOpenSslCa
{
    private readonly string _dir;
    private int _counter;

    private ExternalOpenSslCa(string dir, string keyFile, string certificateFile)
    {
        _dir = dir;
        KeyFile = keyFile;
        CertificateFile = certificateFile;
    }

    public string KeyFile { get; }

    public string CertificateFile { get; }

    public byte[] CertificatePem => File.ReadAllBytes(CertificateFile);

    public const string OcspUrl = "http://127.0.0.1:8080/";

    public static string SubCa(int pathLen) =>
        $"basicConstraints=critical,CA:TRUE,pathlen:{pathLen}\nkeyUsage=critical,keyCertSign,cRLSign\nauthorityKeyIdentifier=keyid:always\n" +
        $"certificatePolicies=1.3.6.1.4.1.41525.1.2.1.0\nauthorityInfoAccess=OCSP;URI:{OcspUrl}\n";

    public const string OcspSigner =
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=OCSPSigning\nnoCheck=ignored\nauthorityKeyIdentifier=keyid:always\n" +
        $"authorityInfoAccess=OCSP;URI:{OcspUrl}\n";

    /// <summary>A self-signed V2G root (40 years) with a fresh P-256 key.</summary>
    public static ExternalOpenSslCa CreateRoot(string dir, string commonName = "External V2G Root CA")
    {
        var key = Path.Combine(dir, $"root-{Guid.NewGuid():N}.key");
        Tool.OpenSsl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-pkeyopt", "ec_param_enc:named_curve", "-out", key);
        var ski = KeyIdHex(Tool.OpenSsl("pkey", "-in", key, "-pubout", "-outform", "DER").StdOutBytes);
        var config = Path.Combine(dir, $"root-{Guid.NewGuid():N}.cnf");
        File.WriteAllText(config,
            "[req]\ndistinguished_name=dn\nstring_mask=utf8only\nx509_extensions=v3\n[dn]\n" +
            $"[v3]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier={ski}\n");
        var certificate = Path.Combine(dir, $"root-{Guid.NewGuid():N}.pem");
        Tool.OpenSsl("req", "-x509", "-new", "-config", config, "-key", key, "-sha256", "-days", "14600",
            "-subj", $"/C=DE/O=External Root Operator/CN={commonName}/DC=V2G", "-out", certificate);
        return new ExternalOpenSslCa(dir, key, certificate);
    }

    /// <summary>Issues a Sub-CA 1 with a fresh P-256 key (20 years).</summary>
    public ExternalOpenSslCa IssueSubCa1(string commonName = "External CPO Sub-CA 1")
    {
        var key = Path.Combine(_dir, $"sub1-{Guid.NewGuid():N}.key");
        Tool.OpenSsl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-pkeyopt", "ec_param_enc:named_curve", "-out", key);
        var config = Path.Combine(_dir, $"req-{Guid.NewGuid():N}.cnf");
        File.WriteAllText(config, "[req]\ndistinguished_name=dn\nstring_mask=utf8only\n[dn]\n");
        var csr = Path.Combine(_dir, $"sub1-{Guid.NewGuid():N}.csr");
        Tool.OpenSsl("req", "-new", "-config", config, "-key", key, "-subj", $"/C=DE/O=External Root Operator/CN={commonName}/DC=V2G", "-out", csr);
        var certificate = Sign(File.ReadAllBytes(csr), SubCa(1), 7300);
        return new ExternalOpenSslCa(_dir, key, certificate);
    }

    /// <summary>Signs a CSR (PEM) with an extfile; the SKI is the 8-byte method-(2) value of the CSR's key.</summary>
    public string Sign(byte[] csrPem, string extensions, int days)
    {
        var n = Interlocked.Increment(ref _counter);
        var csr = Path.Combine(_dir, $"in-{n}-{Guid.NewGuid():N}.csr");
        File.WriteAllBytes(csr, csrPem);
        var der = Pem.DecodeAll(csrPem, Pem.CertificateRequestLabel).Single();
        var spki = new Pkcs10CertificationRequest(der).GetCertificationRequestInfo().SubjectPublicKeyInfo;
        var ext = Path.Combine(_dir, $"ext-{n}-{Guid.NewGuid():N}.cnf");
        File.WriteAllText(ext, "[v3]\n" + extensions + $"subjectKeyIdentifier={KeyIdHex(spki.GetDerEncoded())}\n");
        var certificate = Path.Combine(_dir, $"out-{n}-{Guid.NewGuid():N}.pem");
        Tool.OpenSsl("x509", "-req", "-in", csr, "-CA", CertificateFile, "-CAkey", KeyFile, "-sha256", "-days", days.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-extfile", ext, "-extensions", "v3", "-out", certificate);
        return certificate;
    }

    private static string KeyIdHex(byte[] spkiDer) =>
        Convert.ToHexString(KeyIdentifiers.Compute(SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(spkiDer))));
}
