// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Fuzz;

/// <summary>Replays the seed corpus and seeded random mutations through every target, so CI runs the harness without afl.</summary>
public class FuzzTargetTests
{
    private const int Seed = 5019;

    public static TheoryData<string> TargetNames => new(Targets.Names);

    [Fact]
    public void Corpus_RequestSeeds_AreValidRequests()
    {
        foreach (var seed in Corpus.Requests())
        {
            Assert.Equal(OcspParseStatus.Ok, OcspRequestParser.TryParse(seed, out _));
        }

        Assert.Equal(OcspParseStatus.Ok, OcspResponseReader.TryRead(Corpus.Response(), out _));
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Fuzz_SeedsAndRandomMutations_NeverThrow(string name)
    {
        var target = Targets.Get(name);
        var seeds = name is "request" or "der" ? [.. Corpus.Requests(), Corpus.Response()] : Corpus.Seeds(name);
        var random = new Random(Seed);
        foreach (var seed in seeds)
        {
            target(seed);
        }

        for (var i = 0; i < 20_000; i++)
        {
            var input = (byte[])seeds[random.Next(seeds.Length)].Clone();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits && input.Length > 0; e++)
            {
                var at = random.Next(input.Length);
                switch (random.Next(3))
                {
                    case 0:
                        input[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        input = input[..at];
                        break;
                    default:
                        input = [.. input[..at], (byte)random.Next(256), .. input[at..]];
                        break;
                }
            }

            target(input);
        }
    }

    [Fact]
    public void Main_CorpusCommand_WritesOneFolderPerTarget()
    {
        var directory = Directory.CreateTempSubdirectory("v2gpki-fuzz-corpus-").FullName;
        try
        {
            Assert.Equal(0, Program.Main(["corpus", directory]));
            foreach (var name in Targets.Names)
            {
                Assert.NotEmpty(Directory.GetFiles(Path.Combine(directory, name)));
            }

            Assert.Equal(0, Program.Main(["replay", "request", .. Directory.GetFiles(Path.Combine(directory, "request"))]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
