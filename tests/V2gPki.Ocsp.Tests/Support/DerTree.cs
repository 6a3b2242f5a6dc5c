// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp.Tests.Support;

/// <summary>
/// A minimal, independent TLV tree of a valid DER message, for structure-aware mutation: every element is a node,
/// constructed elements and OCTET STRINGs that hold DER have children, and each node caches its encoding so a
/// mutation re-encodes only the path from the mutated node to the root (lengths stay consistent above it).
/// </summary>
public sealed class DerTree
{
    private DerTree(Node root, List<Node> nodes)
    {
        Root = root;
        Nodes = nodes;
    }

    public Node Root { get; }

    /// <summary>Every node in pre-order.</summary>
    public List<Node> Nodes { get; }

    public sealed class Node
    {
        public byte Tag { get; init; }

        public byte[] Contents { get; init; } = [];

        public List<Node>? Children { get; init; }

        public Node? Parent { get; set; }

        public byte[] Encoded { get; init; } = [];

        /// <summary>Offset of this element in the seed message.</summary>
        public int Offset { get; init; }
    }

    public static DerTree Parse(byte[] message)
    {
        var nodes = new List<Node>();
        var end = ParseOne(message, 0, nodes, null, out var root);
        if (end != message.Length)
        {
            throw new ArgumentException("Seed is not one complete element.", nameof(message));
        }

        return new DerTree(root, nodes);
    }

    private static int ParseOne(byte[] data, int offset, List<Node> nodes, Node? parent, out Node node)
    {
        var tag = data[offset];
        var p = offset + 1;
        int length = data[p++];
        if (length >= 0x80)
        {
            var count = length & 0x7F;
            length = 0;
            for (var i = 0; i < count; i++)
            {
                length = (length << 8) | data[p++];
            }
        }

        var contents = data[p..(p + length)];
        var constructed = (tag & 0x20) != 0;
        List<Node>? children = constructed || (tag == 0x04 && LooksLikeDer(contents)) ? [] : null;
        node = new Node { Tag = tag, Contents = contents, Children = children, Parent = parent, Encoded = data[offset..(p + length)], Offset = offset };
        nodes.Add(node);
        if (children is not null)
        {
            var q = p;
            while (q < p + length)
            {
                q = ParseOne(data, q, nodes, node, out var child);
                children.Add(child);
            }
        }

        return p + length;
    }

    /// <summary>Whether an OCTET STRING's contents are exactly one or more well-formed DER elements (e.g. a nonce or BasicOCSPResponse).</summary>
    private static bool LooksLikeDer(byte[] contents)
    {
        var reader = new V2gPki.Der.DerReader(contents, 64);
        if (!reader.HasData)
        {
            return false;
        }

        while (reader.HasData)
        {
            if (reader.TryReadElement(out var tag, out _, out _) != V2gPki.Der.DerStatus.Done || tag == 0x04)
            {
                return false;
            }
        }

        // The reader checks each top-level header only: hash or key bytes can look like one element by chance while
        // what is inside it does not parse, so the contents count as DER only when they parse all the way down.
        try
        {
            var q = 0;
            var scratch = new List<Node>();
            while (q < contents.Length)
            {
                q = ParseOne(contents, q, scratch, null, out _);
            }

            return q == contents.Length;
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Encodes a TLV with a minimal definite length.</summary>
    public static byte[] Encode(byte tag, ReadOnlySpan<byte> contents)
    {
        var n = contents.Length;
        byte[] header = n < 0x80 ? [tag, (byte)n]
            : n <= 0xFF ? [tag, 0x81, (byte)n]
            : n <= 0xFFFF ? [tag, 0x82, (byte)(n >> 8), (byte)n]
            : [tag, 0x83, (byte)(n >> 16), (byte)(n >> 8), (byte)n];
        return [.. header, .. contents];
    }

    /// <summary>The whole message with <paramref name="node"/> replaced by <paramref name="replacement"/> (any bytes, even empty).</summary>
    public byte[] Replace(Node node, byte[] replacement)
    {
        var current = replacement;
        var child = node;
        while (child.Parent is { } parent)
        {
            var contents = new List<byte>(parent.Contents.Length + current.Length);
            foreach (var sibling in parent.Children!)
            {
                contents.AddRange(ReferenceEquals(sibling, child) ? current : sibling.Encoded);
            }

            current = Encode(parent.Tag, contents.ToArray());
            child = parent;
        }

        return current;
    }

    /// <summary>The whole message with the children of <paramref name="node"/> replaced by <paramref name="children"/> encodings.</summary>
    public byte[] ReplaceChildren(Node node, IEnumerable<byte[]> children) => Replace(node, Encode(node.Tag, children.SelectMany(c => c).ToArray()));
}
