// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Parties;

namespace V2gPki.Est.Tests;

public sealed class EstRouteTests
{
    /// <summary>Every shape clients call: path → operation, form, label, environment prefix, branch, ISO version, algorithm.</summary>
    public static TheoryData<string, EstOperation, EstRouteForm, string, string, EnrollmentBranch, string?, string?> Shapes() => new()
    {
        // RFC 7030 §3.2.2 without a label.
        { "/.well-known/est/cacerts", EstOperation.CaCerts, EstRouteForm.Rfc7030, "", "", EnrollmentBranch.None, null, null },
        { "/.well-known/est/simpleenroll", EstOperation.SimpleEnroll, EstRouteForm.Rfc7030, "", "", EnrollmentBranch.None, null, null },
        { "/.well-known/est/csrattrs", EstOperation.CsrAttrs, EstRouteForm.Rfc7030, "", "", EnrollmentBranch.None, null, null },

        // RFC 7030 §3.2.2 with a label: every operation, every branch, an environment prefix.
        { "/.well-known/est/cpo/cacerts", EstOperation.CaCerts, EstRouteForm.Rfc7030, "cpo", "", EnrollmentBranch.Cpo, null, null },
        { "/.well-known/est/mo/simpleenroll", EstOperation.SimpleEnroll, EstRouteForm.Rfc7030, "mo", "", EnrollmentBranch.Mo, null, null },
        { "/.well-known/est/oem/simplereenroll", EstOperation.SimpleReenroll, EstRouteForm.Rfc7030, "oem", "", EnrollmentBranch.Oem, null, null },
        { "/.well-known/est/cps/csrattrs", EstOperation.CsrAttrs, EstRouteForm.Rfc7030, "cps", "", EnrollmentBranch.Cps, null, null },
        { "/.well-known/est/veh/serverkeygen", EstOperation.ServerKeyGen, EstRouteForm.Rfc7030, "veh", "", EnrollmentBranch.Vehicle, null, null },
        { "/.well-known/est/cpo/fullcmc", EstOperation.FullCmc, EstRouteForm.Rfc7030, "cpo", "", EnrollmentBranch.Cpo, null, null },
        { "/.well-known/est/qa-cpo/simpleenroll", EstOperation.SimpleEnroll, EstRouteForm.Rfc7030, "qa-cpo", "qa", EnrollmentBranch.Cpo, null, null },
        { "/.well-known/est/Test_2-mo/cacerts", EstOperation.CaCerts, EstRouteForm.Rfc7030, "Test_2-mo", "Test_2", EnrollmentBranch.Mo, null, null },

        // OPCP enrollment.
        { "/.well-known/est/cpo/simpleenroll/ISO15118-2", EstOperation.SimpleEnroll, EstRouteForm.Opcp, "cpo", "", EnrollmentBranch.Cpo, "ISO15118-2", null },
        { "/.well-known/est/qa-mo/simpleenroll/ISO15118-20", EstOperation.SimpleEnroll, EstRouteForm.Opcp, "qa-mo", "qa", EnrollmentBranch.Mo, "ISO15118-20", null },

        // OPCP CA certificates, with and without the trailing slash.
        { "/cpo/cacerts/ISO15118-2/secp256r1/", EstOperation.CaCerts, EstRouteForm.Opcp, "cpo", "", EnrollmentBranch.Cpo, "ISO15118-2", "secp256r1" },
        { "/cpo/cacerts/ISO15118-2/secp256r1", EstOperation.CaCerts, EstRouteForm.Opcp, "cpo", "", EnrollmentBranch.Cpo, "ISO15118-2", "secp256r1" },
        { "/oem/cacerts/ISO15118-20/secp521r1/", EstOperation.CaCerts, EstRouteForm.Opcp, "oem", "", EnrollmentBranch.Oem, "ISO15118-20", "secp521r1" },
        { "/qa-veh/cacerts/ISO15118-20/ed448/", EstOperation.CaCerts, EstRouteForm.Opcp, "qa-veh", "qa", EnrollmentBranch.Vehicle, "ISO15118-20", "ed448" },

        // MaEVe.
        { "/cpo/simpleenroll/ISO15118-2", EstOperation.SimpleEnroll, EstRouteForm.MaEVe, "cpo", "", EnrollmentBranch.Cpo, "ISO15118-2", null },
        { "/cpo/cacerts/ISO15118-2", EstOperation.CaCerts, EstRouteForm.MaEVe, "cpo", "", EnrollmentBranch.Cpo, "ISO15118-2", null },

        // CitrineOS.
        { "/.well-known/cpo/simpleenroll", EstOperation.SimpleEnroll, EstRouteForm.CitrineOs, "cpo", "", EnrollmentBranch.Cpo, null, null },
        { "/.well-known/cpo/cacerts", EstOperation.CaCerts, EstRouteForm.CitrineOs, "cpo", "", EnrollmentBranch.Cpo, null, null },
        { "/.well-known/qa-cps/cacerts", EstOperation.CaCerts, EstRouteForm.CitrineOs, "qa-cps", "qa", EnrollmentBranch.Cps, null, null },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TryParse_EveryShape_ReadsItsParts(
        string path, EstOperation operation, EstRouteForm form, string label, string prefix, EnrollmentBranch branch, string? isoVersion, string? algorithm)
    {
        Assert.True(EstRoute.TryParse(path, out var route), path);

        Assert.Equal(new EstRoute(operation, form, label, prefix, branch, isoVersion, algorithm), route);
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("root", "/")]
    [InlineData("no leading slash", ".well-known/est/cacerts")]
    [InlineData("the prefix alone", "/.well-known/est")]
    [InlineData("the prefix with a slash", "/.well-known/est/")]
    [InlineData("trailing slash on an RFC path", "/.well-known/est/cacerts/")]
    [InlineData("trailing slash on a labelled RFC path", "/.well-known/est/cpo/cacerts/")]
    [InlineData("trailing slash on OPCP enrollment", "/.well-known/est/cpo/simpleenroll/ISO15118-2/")]
    [InlineData("trailing slash on MaEVe cacerts", "/cpo/cacerts/ISO15118-2/")]
    [InlineData("trailing slash on CitrineOS", "/.well-known/cpo/cacerts/")]
    [InlineData("two trailing slashes", "/cpo/cacerts/ISO15118-2/secp256r1//")]
    [InlineData("doubled slash", "/.well-known/est//cacerts")]
    [InlineData("doubled leading slash", "//cpo/cacerts/ISO15118-2")]
    [InlineData("unknown operation", "/.well-known/est/cpo/enroll")]
    [InlineData("operation in upper case", "/.well-known/est/cpo/CACERTS")]
    [InlineData("prefix in upper case", "/.well-known/EST/cacerts")]
    [InlineData("branch in upper case", "/.well-known/est/CPO/cacerts")]
    [InlineData("unknown branch", "/.well-known/est/xyz/cacerts")]
    [InlineData("label est", "/.well-known/est/est/cacerts")]
    [InlineData("two environment prefixes", "/.well-known/est/eu-qa-cpo/cacerts")]
    [InlineData("empty environment prefix", "/.well-known/est/-cpo/cacerts")]
    [InlineData("environment prefix with a dot", "/.well-known/est/q.a-cpo/cacerts")]
    [InlineData("branch before the prefix", "/.well-known/est/cpo-qa/cacerts")]
    [InlineData("label too long", "/.well-known/est/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-cpo/cacerts")]
    [InlineData("unknown ISO version", "/.well-known/est/cpo/simpleenroll/ISO15118-3")]
    [InlineData("ISO version in lower case", "/cpo/simpleenroll/iso15118-2")]
    [InlineData("OPCP form of another operation", "/.well-known/est/cpo/simplereenroll/ISO15118-2")]
    [InlineData("OPCP cacerts under .well-known/est", "/.well-known/est/cpo/cacerts/ISO15118-2/secp256r1")]
    [InlineData("unknown algorithm", "/cpo/cacerts/ISO15118-2/rsa2048/")]
    [InlineData("algorithm on enrollment", "/cpo/simpleenroll/ISO15118-2/secp256r1")]
    [InlineData("MaEVe form of another operation", "/cpo/simplereenroll/ISO15118-2")]
    [InlineData("bare cacerts without a version", "/cpo/cacerts")]
    [InlineData("CitrineOS form of another operation", "/.well-known/cpo/simplereenroll")]
    [InlineData("CitrineOS form with a version", "/.well-known/cpo/simpleenroll/ISO15118-2")]
    [InlineData("dot segments", "/.well-known/est/../est/cacerts")]
    [InlineData("dot segment as label", "/.well-known/est/./cacerts")]
    [InlineData("a dot-dot label", "/.well-known/../cacerts")]
    [InlineData("percent-escaped operation", "/.well-known/est/cpo/%63acerts")]
    [InlineData("percent-escaped slash", "/.well-known/est/cpo%2Fcacerts")]
    [InlineData("a query", "/.well-known/est/cpo/cacerts?x=1")]
    [InlineData("a fragment", "/.well-known/est/cacerts#x")]
    [InlineData("a non-ASCII look-alike in the branch", "/.well-known/est/c\u0440o/cacerts")]
    [InlineData("a full-width letter", "/.well-known/est/cp\uFF4F/cacerts")]
    [InlineData("a backslash", "/.well-known\\est/cacerts")]
    [InlineData("too many segments", "/.well-known/est/cpo/simpleenroll/ISO15118-2/x")]
    [InlineData("contract service path", "/v1/ccp/signedContractData")]
    [InlineData("CPS signer path", "/cps/signer")]
    [InlineData("OCSP path", "/ocsp")]
    [InlineData("absolute form", "https://est.example/.well-known/est/cacerts")]
    public void TryParse_OtherPaths_Refused(string description, string path)
    {
        Assert.False(EstRoute.TryParse(path, out var route), description);
        Assert.Equal(default, route);
    }

    [Fact]
    public void TryParse_LabelAtTheLimit_AcceptedAndOneLongerRefused()
    {
        var prefix = new string('q', EstRoute.MaxLabelLength - "-cpo".Length);

        Assert.True(EstRoute.TryParse($"/.well-known/est/{prefix}-cpo/cacerts", out var route));
        Assert.Equal(EstRoute.MaxLabelLength, route.Label.Length);
        Assert.False(EstRoute.TryParse($"/.well-known/est/q{prefix}-cpo/cacerts", out _));
    }

    [Fact]
    public void TryParse_PathOverTheLimit_Refused()
    {
        var path = "/.well-known/est/cpo/cacerts";

        Assert.True(EstRoute.TryParse(path, out _));
        Assert.False(EstRoute.TryParse(path + new string('/', EstRoute.MaxPathLength), out _));
        Assert.False(EstRoute.TryParse(new string('a', EstRoute.MaxPathLength + 1), out _));
    }

    [Fact]
    public void TryParse_BranchWithoutPrefix_AllocatesNothing()
    {
        var path = "/.well-known/est/cpo/simpleenroll/ISO15118-2";

        var allocated = AllocationProbe.LeastPerRound(i => EstRoute.TryParse(path, out _));

        Assert.Equal(0, allocated);
    }
}
