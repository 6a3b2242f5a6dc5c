// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;
using V2gPki.Issuer;
using V2gPki.Issuer.Signers;
using V2gPki.Pki;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Profiles;
using V2gPki.Pki.Signing;

namespace V2gPki.TestHosts.Issuer;

/// <summary>
/// A CPO branch (root, Sub-CA 1, Sub-CA 2 and its OCSP signer) built with V2gPki.Pki's CertificateIssuer, every key in
/// the HSM token, for the issuer kill-test child and the issuer benchmark (bench/V2gPki.Bench). The key labels and
/// names keep their "bench" prefix so that a data directory made before the move (perf-scripts/issuer-verify.sh keeps
/// one) still opens.
/// </summary>
internal sealed class HsmCpoBranch
{
    public const ushort Sub2Id = 3;

    private HsmCpoBranch(IssuingCa root, IssuingCa sub1, IssuingCa sub2, byte[] signerDer, string signerLabel, CertificateProfile leafProfile, ReadOnlyMemory<byte> leafKey, CertificateIssuer issuer)
    {
        Root = root;
        Sub1 = sub1;
        Sub2 = sub2;
        SignerDer = signerDer;
        SignerLabel = signerLabel;
        LeafProfile = leafProfile;
        LeafKey = leafKey;
        Issuer = issuer;
    }

    public IssuingCa Root { get; }

    public IssuingCa Sub1 { get; }

    public IssuingCa Sub2 { get; }

    public byte[] SignerDer { get; }

    public string SignerLabel { get; }

    public CertificateProfile LeafProfile { get; }

    public ReadOnlyMemory<byte> LeafKey { get; }

    public CertificateIssuer Issuer { get; }

    public static HsmCpoBranch Create(HsmToken token, TimeProvider time)
    {
        var catalog = CertificateProfileCatalog.Default;
        var version = Iso15118Version.Part2;
        var issuer = new CertificateIssuer(time);
        var rootSigner = new HsmCertificateSigner(token.GetOrGenerateKey("bench-v2g-root", HsmKeyType.EcP256).CreateSigner());
        var rootProfile = catalog.Get(CertificateKind.V2gRoot, version);
        var root = new IssuingCa("v2g-root", rootProfile, Issued(issuer.IssueSelfSigned(rootProfile, rootSigner, new SubjectValues("V2G Root CA", "V2G Bench", "DE"))), rootSigner, 1);
        var sub1 = Sub(issuer, token, catalog.Get(CertificateKind.CpoSub1, version), "cpo-sub1", "CPO Sub-CA 1", root, 2);
        var sub2 = Sub(issuer, token, catalog.Get(CertificateKind.CpoSub2, version), "cpo-sub2", "CPO Sub-CA 2", sub1, Sub2Id);
        catalog.TryGet("cpo-sub2-ocsp", version, out var signerProfile);
        var signerKey = token.GetOrGenerateKey("bench-cpo-sub2-ocsp", HsmKeyType.EcP256);
        var signerDer = Issued(issuer.IssueForKey(signerProfile!, signerKey.SubjectPublicKeyInfo, new SubjectValues("CPO Sub-CA 2 OCSP", "V2G Bench", "DE"), sub2, time.GetUtcNow().AddYears(5)));
        var leafKey = token.GetOrGenerateKey("bench-leaf", HsmKeyType.EcP256).SubjectPublicKeyInfo;
        return new HsmCpoBranch(root, sub1, sub2, signerDer, signerKey.Label, catalog.Get(CertificateKind.Evse, version), leafKey, issuer);
    }

    public IssuerCaDefinition[] Definitions() =>
    [
        new() { Name = "v2g-root", IssuerId = 1, CertificateDer = Root.CertificateDer, IsOnline = false },
        new() { Name = "cpo-sub1", IssuerId = 2, ParentName = "v2g-root", CertificateDer = Sub1.CertificateDer, IsOnline = false },
        new() { Name = "cpo-sub2", IssuerId = Sub2Id, ParentName = "cpo-sub1", CertificateDer = Sub2.CertificateDer },
    ];

    /// <summary>A directory whose cpo-sub2 signer signs through <paramref name="token"/> (one token opening per session count).</summary>
    public IssuerDirectory Directory(HsmToken token, TimeProvider time)
    {
        var signer = token.GetKey(SignerLabel).CreateSigner();
        var directory = IssuerDirectory.Create(Definitions(), [V2gPki.Ocsp.OcspHashAlgorithm.Sha1, V2gPki.Ocsp.OcspHashAlgorithm.Sha256], new SignerCatalog(null), _ => null, time);
        directory.AddSigner("cpo-sub2", SignerLabel, SignerDer, signer, makeCurrent: true, signerId: 1);
        return directory;
    }

    private static IssuingCa Sub(CertificateIssuer issuer, HsmToken token, CertificateProfile profile, string name, string cn, IssuingCa parent, ushort id)
    {
        var signer = new HsmCertificateSigner(token.GetOrGenerateKey("bench-" + name, HsmKeyType.EcP256).CreateSigner());
        var der = Issued(issuer.IssueForKey(profile, signer.SubjectPublicKeyInfo, new SubjectValues(cn, "V2G Bench", "DE"), parent));
        return new IssuingCa(name, profile, der, signer, id);
    }

    private static byte[] Issued(IssuanceResult result) => result.IsIssued ? result.Certificate!.Der : throw new InvalidOperationException(result.ToString());
}
