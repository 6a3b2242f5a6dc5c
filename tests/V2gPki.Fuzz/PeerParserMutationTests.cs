// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Fuzz.Mutation;
using V2gPki.Fuzz.Text;
using Xunit.Abstractions;

namespace V2gPki.Fuzz;

/// <summary>
/// A bounded, structure-aware mutation run per parser that takes peer input (docs/style.md §25): mutants of valid
/// inputs edited at the level of their grammar, a fixed seed printed with the counts, no exception, and every answer
/// re-checked against the target's slow path. Each run takes about one to five seconds.
/// </summary>
public class PeerParserMutationTests(ITestOutputHelper output)
{
    private const int Seed = 5019_0011;

    [Fact]
    public void GetPath_StructureAwareMutants_AgreeWithSlowDecoder()
    {
        var mutator = new GetPathMutator(Seed);
        var summary = MutationRun.Run(GetPathTarget.Name, Seed, 100_000, mutator.Next, GetPathTarget.Check, FuzzText.Literal);

        output.WriteLine(summary.ToString());
        Assert.True(summary.FirstFailure is null, summary.FirstFailure);
        Assert.True(summary.Count("Done") > 10_000, "The mutator should keep many paths decodable.");
        Assert.True(summary.Count("InvalidCharacter") > 500 && summary.Count("InvalidEscape") > 500 && summary.Count("InvalidLength") > 500);
    }

    [Fact]
    public void Router_StructureAwareMutants_AgreeWithSlowRouter()
    {
        var mutator = new RouterMutator(Seed);
        var summary = MutationRun.Run(RouterTarget.Name, Seed, 200_000, mutator.Next, RouterTarget.Check, FuzzText.Literal);

        output.WriteLine(summary.ToString());
        Assert.True(summary.FirstFailure is null, summary.FirstFailure);
        foreach (var endpoint in (string[])["Root", "OcspBase", "OcspGet", "Health", "Ready", "Metrics", "Unknown", "Crl", "Api"])
        {
            Assert.True(summary.Count(endpoint) > 100, $"The mutator should reach {endpoint}.");
        }
    }

    [Fact]
    public void SerialText_StructureAwareMutants_AgreeWithBigInteger()
    {
        var mutator = new SerialTextMutator(Seed);
        var summary = MutationRun.Run(SerialTextTarget.Name, Seed, 200_000, mutator.Next, SerialTextTarget.Check, FuzzText.Literal);

        output.WriteLine(summary.ToString());
        Assert.True(summary.FirstFailure is null, summary.FirstFailure);
        Assert.True(summary.Count("Accepted") > 20_000 && summary.Count("Refused") > 20_000, "The mutator should land on both sides.");
    }

    [Fact]
    public void OcppJson_StructureAwareMutants_AgreeWithSlowReader()
    {
        var mutator = new OcppJsonMutator(Seed);
        var summary = MutationRun.Run(OcppJsonTarget.Name, Seed, 25_000, mutator.Next, OcppJsonTarget.Check, json => FuzzText.Literal(OcppJsonTarget.Describe(json)));

        output.WriteLine(summary.ToString());
        Assert.True(summary.FirstFailure is null, summary.FirstFailure);
        Assert.True(summary.Count("Accepted") > 1500 && summary.Count("InvalidValue") > 1000 && summary.Count("FormatViolation") > 1000 && summary.Count("BadJson") > 1000);
    }

    [Fact]
    public void Identifiers_StructureAwareMutants_AgreeWithGrammar()
    {
        var mutator = new IdentifierMutator(Seed);
        var summary = MutationRun.Run(IdentifierTarget.Name, Seed, 50_000, mutator.Next, IdentifierTarget.Check, FuzzText.Literal);

        output.WriteLine(summary.ToString());
        Assert.True(summary.FirstFailure is null, summary.FirstFailure);
        foreach (var type in (string[])["evse", "secc", "emaid", "pcid"])
        {
            Assert.True(summary.Outcomes.Where(o => o.Key.Split('+').Contains(type)).Sum(o => o.Value) > 1500, $"The mutator should keep many {type} values valid.");
        }
    }

    [Fact]
    public void EstBody_StructureAwareMutants_AgreeWithSlowDecoder()
    {
        var mutator = new EstBodyMutator(Seed);
        var summary = MutationRun.Run(EstBodyTarget.Name, Seed, 30_000, mutator.Next, EstBodyTarget.Check, body => FuzzText.Literal(EstBodyTarget.Describe(body)));

        output.WriteLine(summary.ToString());
        Assert.True(summary.FirstFailure is null, summary.FirstFailure);
        Assert.True(summary.Count("Accepted:DER") > 500 && summary.Count("Accepted:Base64") > 2000 && summary.Count("Accepted:PEM") > 1000, "The mutator should keep many bodies decodable.");
        foreach (var kind in (string[])["NotBase64", "Padding", "Length", "Framing", "Pem", "TooLarge"])
        {
            Assert.True(summary.Count("Refused:" + kind) > 100, $"The mutator should reach the {kind} refusals.");
        }
    }

    [Fact]
    public void EstRoute_StructureAwareMutants_AgreeWithSlowGrammar()
    {
        var mutator = new EstRouteMutator(Seed);
        var summary = MutationRun.Run(EstRouteTarget.Name, Seed, 200_000, mutator.Next, EstRouteTarget.Check, FuzzText.Literal);

        output.WriteLine(summary.ToString());
        Assert.True(summary.FirstFailure is null, summary.FirstFailure);
        Assert.True(summary.Count("Refused") > 50_000, "The mutator should land on both sides.");
        foreach (var route in (string[])["Rfc7030:CaCerts", "Rfc7030:SimpleEnroll", "Rfc7030:SimpleReenroll", "Rfc7030:CsrAttrs", "Opcp:SimpleEnroll", "Opcp:CaCerts", "MaEVe:SimpleEnroll", "MaEVe:CaCerts", "CitrineOs:SimpleEnroll", "CitrineOs:CaCerts"])
        {
            Assert.True(summary.Count(route) > 2000, $"The mutator should reach {route}.");
        }
    }
}
