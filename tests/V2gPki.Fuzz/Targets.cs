// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Fuzz;

/// <summary>Runs one fuzz input; any exception is a finding.</summary>
/// <param name="input">The input bytes.</param>
public delegate void FuzzAction(ReadOnlySpan<byte> input);

/// <summary>A fuzz target per parser (docs/style.md §25).</summary>
public interface IFuzzTarget
{
    /// <summary>Parses <paramref name="input"/>; throws only to report a finding (a crash or a disagreement with the slow path).</summary>
    /// <param name="input">Arbitrary bytes.</param>
    static abstract void Fuzz(ReadOnlySpan<byte> input);
}

/// <summary>The targets by name.</summary>
public static class Targets
{
    /// <summary>The target names accepted on the command line.</summary>
    public static readonly string[] Names = ["request", "response", "der", GetPathTarget.Name, RouterTarget.Name, SerialTextTarget.Name, OcppJsonTarget.Name, IdentifierTarget.Name, EstBodyTarget.Name, EstRouteTarget.Name];

    /// <summary>The target called <paramref name="name"/>.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>Its entry point.</returns>
    public static FuzzAction Get(string name) => name switch
    {
        "request" => Run<RequestTarget>,
        "response" => Run<ResponseTarget>,
        "der" => Run<DerTarget>,
        GetPathTarget.Name => Run<GetPathTarget>,
        RouterTarget.Name => Run<RouterTarget>,
        SerialTextTarget.Name => Run<SerialTextTarget>,
        OcppJsonTarget.Name => Run<OcppJsonTarget>,
        IdentifierTarget.Name => Run<IdentifierTarget>,
        EstBodyTarget.Name => Run<EstBodyTarget>,
        EstRouteTarget.Name => Run<EstRouteTarget>,
        _ => throw new ArgumentException($"Unknown target {name}; use one of: {string.Join(", ", Names)}", nameof(name)),
    };

    private static void Run<T>(ReadOnlySpan<byte> input)
        where T : IFuzzTarget => T.Fuzz(input);
}
