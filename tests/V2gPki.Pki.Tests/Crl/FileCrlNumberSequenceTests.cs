// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Crl;

namespace V2gPki.Pki.Tests.Crl;

public sealed class FileCrlNumberSequenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("v2gpki-crlnumber-").FullName;

    [Fact]
    public void Reserve_AcrossInstances_MonotonicPerCa()
    {
        var first = new FileCrlNumberSequence(_dir);
        Assert.Equal(1UL, first.Reserve("cpo-sub2"));
        Assert.Equal(2UL, first.Reserve("cpo-sub2"));
        Assert.Equal(1UL, first.Reserve("v2g-root"));

        // RFC 5280 §5.2.3: monotonically increasing, also after a restart.
        var second = new FileCrlNumberSequence(_dir);
        Assert.Equal(2UL, second.Current("cpo-sub2"));
        Assert.Equal(3UL, second.Reserve("cpo-sub2"));
        Assert.Equal(2UL, second.Reserve("v2g-root"));
    }

    [Fact]
    public void Reserve_Concurrent_NeverHandsOutANumberTwice()
    {
        var sequence = new FileCrlNumberSequence(_dir);
        var numbers = new System.Collections.Concurrent.ConcurrentBag<ulong>();
        Parallel.For(0, 200, _ => numbers.Add(sequence.Reserve("mo-sub2")));
        Assert.Equal(200, numbers.Distinct().Count());
        Assert.Equal(200UL, numbers.Max());
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Reserve_NotACaName_Throws(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new FileCrlNumberSequence(_dir).Reserve(name));
    }

    [Fact]
    public void Current_CorruptFile_Throws()
    {
        File.WriteAllText(Path.Combine(_dir, "cps-sub2.crlnumber"), "twelve");
        Assert.Throws<InvalidDataException>(() => new FileCrlNumberSequence(_dir).Current("cps-sub2"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
