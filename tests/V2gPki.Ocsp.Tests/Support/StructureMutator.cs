// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp.Tests.Support;

/// <summary>
/// Structure-aware mutation of valid DER messages: tags, length encodings and contents at element boundaries,
/// deleted / duplicated / swapped / inserted / spliced elements (with every enclosing length fixed up so the
/// mutant reaches deep), truncations at and around element boundaries, and trailing bytes. Deterministic per seed.
/// </summary>
public sealed class StructureMutator
{
    private static readonly byte[] InterestingTags =
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0A, 0x0C, 0x18, 0x1F, 0x24, 0x30, 0x31, 0x80, 0x81, 0x82, 0xA0, 0xA1, 0xA2, 0xA3, 0xBF, 0xFF];

    private static readonly byte[][] ExtraElements =
    [
        [0x05, 0x00], [0x01, 0x01, 0xFF], [0x01, 0x01, 0x00], [0x02, 0x01, 0x00], [0x02, 0x01, 0x01], [0x30, 0x00], [0x04, 0x00],
        [0xA0, 0x00], [0xA1, 0x00], [0xA2, 0x00], [0x80, 0x00], [0x0A, 0x01, 0x06],
        [0x06, 0x09, 0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x02], [0x06, 0x05, 0x2B, 0x0E, 0x03, 0x02, 0x1A],
        [0x30, 0x80, 0x00, 0x00], [0x04, 0x81, 0x01, 0x00],
    ];

    private readonly DerTree[] _seeds;
    private readonly DerTree.Node[][] _parents;
    private readonly byte[][] _pool;
    private readonly Random _random;

    public StructureMutator(IEnumerable<byte[]> seeds, int seed)
    {
        _seeds = seeds.Select(DerTree.Parse).ToArray();
        _parents = _seeds.Select(t => t.Nodes.Where(n => n.Children is { Count: > 0 }).ToArray()).ToArray();
        _pool = _seeds.SelectMany(t => t.Nodes).Select(n => n.Encoded).Where(e => e.Length < 300).Concat(ExtraElements).ToArray();
        _random = new Random(seed);
    }

    public byte[] Next()
    {
        var index = _random.Next(_seeds.Length);
        var tree = _seeds[index];
        var mutant = _random.Next(100) switch
        {
            < 30 => MutateHeader(tree),
            < 55 => MutateContents(tree),
            < 75 => MutateStructure(tree, _parents[index]),
            < 88 => Truncate(tree),
            < 93 => Append(tree.Root.Encoded),
            _ => FlipNearBoundary(tree),
        };

        // Sometimes stack a second, byte-level mutation on top.
        return _random.Next(8) == 0 && mutant.Length > 0 ? FlipAt(mutant, _random.Next(mutant.Length)) : mutant;
    }

    private DerTree.Node PickNode(DerTree tree) => tree.Nodes[_random.Next(tree.Nodes.Count)];

    private byte[] MutateHeader(DerTree tree)
    {
        var node = PickNode(tree);
        var tag = node.Tag;
        var c = node.Contents;
        var n = c.Length;
        byte[] replacement = _random.Next(10) switch
        {
            0 or 1 => [InterestingTags[_random.Next(InterestingTags.Length)], .. DerTree.Encode(0, c)[1..]],
            2 => [(byte)(tag ^ 0x20), .. DerTree.Encode(0, c)[1..]],
            3 => n < 0x80 ? [tag, 0x81, (byte)n, .. c] : [tag, 0x82, 0x00, (byte)n, .. c], // long form not minimal
            4 => [tag, 0x80, .. c, 0x00, 0x00], // indefinite (BER)
            5 => n < 0x7F ? [tag, (byte)(n + 1), .. c] : [tag, 0x81, 0xFF, .. c], // length one too long
            6 => n > 0 && n < 0x80 ? [tag, (byte)(n - 1), .. c] : [tag, 0x00, .. c], // length one too short
            7 => [tag, 0xFF, .. c],
            8 => [tag, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, .. c],
            _ => [tag, 0x85, 0x00, 0x00, 0x00, 0x00, (byte)Math.Min(n, 0x7F), .. c],
        };
        return tree.Replace(node, replacement);
    }

    private byte[] MutateContents(DerTree tree)
    {
        var node = PickNode(tree);
        var c = node.Contents;
        var contents = _random.Next(12) switch
        {
            0 => [],
            1 => [0x00],
            2 => [0x00, .. c],
            3 => [0xFF, .. c],
            4 => [.. c, 0x00],
            5 => c.Length > 0 ? c[1..] : [0x80],
            6 => c.Length > 0 ? c[..^1] : [0xFF],
            7 => c.Length > 0 ? FlipAt(c, 0) : [0x01],
            8 => c.Length > 0 ? FlipAt(c, c.Length - 1) : [0x7F],
            9 => Enumerable.Repeat((byte)0x41, _random.Next(1, 200)).ToArray(),
            10 => RandomBytes(c.Length),
            _ => c.Length > 0 ? [0x80, .. c[1..]] : [0x80],
        };
        return tree.Replace(node, DerTree.Encode(node.Tag, contents));
    }

    private byte[] MutateStructure(DerTree tree, DerTree.Node[] parents)
    {
        if (parents.Length == 0)
        {
            return MutateContents(tree);
        }

        var parent = parents[_random.Next(parents.Length)];
        var children = parent.Children!.Select(c => c.Encoded).ToList();
        var i = _random.Next(children.Count);
        switch (_random.Next(6))
        {
            case 0:
                children.RemoveAt(i);
                break;
            case 1:
                children.Insert(i, children[i]);
                break;
            case 2:
                var j = _random.Next(children.Count);
                (children[i], children[j]) = (children[j], children[i]);
                break;
            case 3:
                children.Insert(_random.Next(children.Count + 1), _pool[_random.Next(_pool.Length)]);
                break;
            case 4:
                children[i] = _pool[_random.Next(_pool.Length)];
                break;
            default:
                // Replace the node itself with an element from elsewhere (splice).
                return tree.Replace(parent, _pool[_random.Next(_pool.Length)]);
        }

        return tree.ReplaceChildren(parent, children);
    }

    private byte[] Truncate(DerTree tree)
    {
        var whole = tree.Root.Encoded;
        var node = PickNode(tree);
        int[] cuts = [node.Offset, node.Offset + 1, node.Offset + 2, node.Offset + node.Encoded.Length - 1, node.Offset + node.Encoded.Length, _random.Next(whole.Length)];
        var cut = Math.Clamp(cuts[_random.Next(cuts.Length)], 0, whole.Length);
        return whole[..cut];
    }

    private byte[] Append(byte[] whole) => _random.Next(3) switch
    {
        0 => [.. whole, 0x00],
        1 => [.. whole, 0x00, 0x00],
        _ => [.. whole, .. _pool[_random.Next(_pool.Length)]],
    };

    private byte[] FlipNearBoundary(DerTree tree)
    {
        var whole = tree.Root.Encoded;
        var node = PickNode(tree);
        var position = Math.Min(whole.Length - 1, node.Offset + _random.Next(3));
        return FlipAt(whole, position);
    }

    private byte[] FlipAt(byte[] bytes, int position)
    {
        var copy = (byte[])bytes.Clone();
        copy[position] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
