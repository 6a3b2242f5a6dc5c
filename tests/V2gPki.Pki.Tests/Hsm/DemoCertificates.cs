// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Csr;
using V2gPki.Pki.Issuance;
using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>Finds (or, for CSR leaves, issues from a real openssl CSR) a certificate of a demo hierarchy and its chain.</summary>
internal static class DemoCertificates
{
    public static readonly string[] CaNames = ["v2g-root", "cpo-sub1", "cpo-sub2", "mo-sub1", "mo-sub2", "oem-sub1", "oem-sub2", "cps-sub1", "cps-sub2"];

    public static readonly string[] SeparateRootNames = ["mo-root", "mo-sub1", "mo-sub2", "oem-root", "oem-sub1", "oem-sub2"];

    public static readonly string[] CsrLeafNames = ["evse", "contract", "oem-prov"];

    /// <summary>Every certificate name of a demo: CAs, their -ocsp signers, the CPS leaf and the CSR leaves.</summary>
    public static IEnumerable<string> NamesOf(DemoKind kind)
    {
        var cas = kind == DemoKind.P256SeparateRoots ? SeparateRootNames : CaNames;
        foreach (var ca in cas)
        {
            yield return ca;
            yield return ca + "-ocsp";
        }

        if (kind != DemoKind.P256SeparateRoots)
        {
            yield return "cps";
            yield return "evse";
        }

        yield return "contract";
        yield return "oem-prov";
    }

    public static string OpenSslAlgorithm(DemoKind kind) => kind switch
    {
        DemoKind.P521 => "P-521",
        DemoKind.Ed448 => "ED448",
        _ => "P-256",
    };

    /// <summary>The CN a CSR leaf is requested with (with separators) and the normalised CN it must be issued with.</summary>
    public static (string Requested, string Normalised) LeafCommonName(string name, Iso15118Version version) => name switch
    {
        "evse" when version == Iso15118Version.Part20 => ("DE-ICE-S-00003C4D557878675645330967543476-2", "DEICES00003C4D5578786756453309675434762"),
        "evse" => ("DE*AB7*E840*6487", "DEAB7E8406487"),
        "contract" => ("NL-TNM-000122045-U", "NLTNM000122045U"),
        "oem-prov" => ("wp012345678901234", "WP012345678901234"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static ValidatedCsr ValidatedCsr(DemoHierarchy demo, OpenSslCsrFactory csrs, string name)
    {
        var profile = demo.Hierarchy.Catalog.TryGet(name, demo.Hierarchy.Version, out var p) ? p : throw new ArgumentException(name);
        var cn = LeafCommonName(name, demo.Hierarchy.Version).Requested;
        var csr = csrs.Csr(OpenSslAlgorithm(demo.Kind), $"/C=DE/O=Acme Charging GmbH/CN={cn}", pem: true);
        var result = new CsrValidator().Validate(csr, profile);
        Assert.True(result.IsValid, result.Error.Message);
        return result.Csr;
    }

    /// <summary>The certificate (first) and its chain up to the root (last).</summary>
    public static (List<ReadOnlyMemory<byte>> Chain, CertificateProfile Profile) Get(DemoHierarchy demo, OpenSslCsrFactory csrs, string name)
    {
        var h = demo.Hierarchy;
        var profile = h.Catalog.TryGet(name, h.Version, out var p) ? p : throw new ArgumentException(name);
        var chain = new List<ReadOnlyMemory<byte>>();
        string? issuerName;
        switch (profile.Role)
        {
            case CertificateRole.Root or CertificateRole.SubCa1 or CertificateRole.SubCa2:
                chain.Add(h.GetCa(name).CertificateDer);
                issuerName = h.Manifest.FindCa(name)!.Parent;
                break;
            case CertificateRole.OcspSigner:
                var signer = h.GetOcspSigner(name[..^"-ocsp".Length]);
                chain.Add(signer.CertificateDer);
                issuerName = signer.Ca.Name;
                break;
            case CertificateRole.Leaf when name == "cps":
                Assert.True(h.TryGetLeaf("cps", out var cps));
                chain.Add(cps.CertificateDer);
                issuerName = cps.Ca.Name;
                break;
            default:
                Assert.True(h.TryGetIssuerFor(profile.Kind, out var ca));
                var result = new CertificateIssuer(TimeProvider.System).Issue(ValidatedCsr(demo, csrs, name), ca);
                Assert.True(result.IsIssued, result.ToString());
                chain.Add(result.Certificate.Der);
                issuerName = ca.Name;
                break;
        }

        if (issuerName is not null)
        {
            foreach (var ca in h.ChainOf(issuerName))
            {
                chain.Add(ca.CertificateDer);
            }
        }

        return (chain, profile);
    }
}
