// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;
using V2gPki.Pki;

namespace V2gPki.Edge.Commands.Ca;

/// <summary>The options and positional arguments of a <c>ca</c> subcommand, checked and with their defaults.</summary>
internal sealed class CaArguments
{
    /// <summary>The positional arguments (the subcommand's count check has passed).</summary>
    public required IReadOnlyList<string> Positionals { get; init; }

    /// <summary><c>--demo</c>.</summary>
    public bool Demo { get; init; }

    /// <summary><c>--data</c>, else <c>$V2GPKI_DATA</c>, else <c>data</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary><c>--iso 2|20</c>.</summary>
    public Iso15118Version Version { get; init; } = Iso15118Version.Part2;

    /// <summary><c>--key p521|ed448</c> (ISO 15118-20).</summary>
    public HsmKeyType Part20Key { get; init; } = HsmKeyType.EcP521;

    /// <summary><c>--ocsp-url</c>, an absolute http URL, or null for the default.</summary>
    public string? OcspUrl { get; init; }

    /// <summary><c>--org</c>.</summary>
    public string? Organization { get; init; }

    /// <summary><c>--country</c>, two upper-case letters.</summary>
    public string? Country { get; init; }

    /// <summary><c>--module</c>, the PKCS#11 module.</summary>
    public string? Module { get; init; }

    /// <summary><c>--out</c>.</summary>
    public string? Out { get; init; }

    /// <summary><c>--chain</c>.</summary>
    public string? Chain { get; init; }

    /// <summary><c>--separate-mo-root</c>.</summary>
    public bool SeparateMoRoot { get; init; }

    /// <summary><c>--separate-oem-root</c>.</summary>
    public bool SeparateOemRoot { get; init; }
}
