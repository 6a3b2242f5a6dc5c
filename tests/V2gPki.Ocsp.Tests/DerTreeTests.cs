// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp.Tests.Support;

namespace V2gPki.Ocsp.Tests;

/// <summary>The seed splitter of the structure-aware mutation runs.</summary>
public sealed class DerTreeTests
{
    [Fact]
    public void Parse_OctetStringWhoseBytesLookLikeOneElementButNotInside_StaysALeaf()
    {
        // SEQUENCE { OCTET STRING 30 02 04 05 }: the four bytes read as one SEQUENCE header of length 2, whose one child
        // claims 5 bytes. Hash bytes do this by chance (a random 20-byte hash starting 30 12 …), which made the
        // mutation tests throw in their set-up about once in a few thousand runs.
        var message = Hex.Parse("3006 0404 30020405");

        var tree = DerTree.Parse(message);

        Assert.Equal(2, tree.Nodes.Count);
        Assert.Null(tree.Nodes[1].Children);
    }

    [Fact]
    public void Parse_OctetStringHoldingDer_IsSplitIntoItsElements()
    {
        var message = Hex.Parse("3007 0405 3003020101");

        var tree = DerTree.Parse(message);

        Assert.Equal(4, tree.Nodes.Count);
        Assert.NotNull(tree.Nodes[1].Children);
    }
}
