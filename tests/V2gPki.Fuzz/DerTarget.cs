// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Der;

namespace V2gPki.Fuzz;

/// <summary>Walks every element of arbitrary DER with every primitive reader the codec has.</summary>
public sealed class DerTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public static void Fuzz(ReadOnlySpan<byte> input)
    {
        var reader = new DerReader(input);
        Walk(ref reader);
    }

    private static void Walk(ref DerReader reader)
    {
        while (reader.HasData)
        {
            if (reader.TryPeekTag(out var tag) != DerStatus.Done)
            {
                return;
            }

            if (DerTag.IsConstructed(tag))
            {
                if (reader.TryReadConstructed(tag, out var inner) != DerStatus.Done)
                {
                    return;
                }

                Walk(ref inner);
                continue;
            }

            // Try the typed readers on a copy, then consume the element generically.
            var probe = reader;
            _ = probe.TryReadInteger(out _, tag);
            probe = reader;
            _ = probe.TryReadInt32(out _, tag);
            probe = reader;
            _ = probe.TryReadBoolean(out _, tag);
            probe = reader;
            _ = probe.TryReadBitString(out _, out _, tag);
            probe = reader;
            _ = probe.TryReadObjectIdentifier(out _, tag);
            probe = reader;
            _ = probe.TryReadGeneralizedTimeTicks(out _, tag);
            probe = reader;
            _ = probe.TryReadNull(tag);
            if (reader.TryReadElement(out _, out _, out _) != DerStatus.Done)
            {
                return;
            }
        }
    }
}
