// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Fuzz.Text;

/// <summary>
/// A target's report that a parser broke a rule without throwing: it disagrees with the slow path, broke an invariant
/// of its contract, or took too long. An exception the parser throws itself is reported as it is.
/// </summary>
public sealed class FuzzFinding : Exception
{
    /// <summary>Creates a finding.</summary>
    /// <param name="target">The target name.</param>
    /// <param name="what">What went wrong.</param>
    /// <param name="input">The input, quoted as a C# literal in the message.</param>
    public FuzzFinding(string target, string what, string input)
        : base($"{target}: {what}; input {FuzzText.Literal(input)}")
    {
    }

    /// <summary>Creates a finding with a message only.</summary>
    public FuzzFinding()
    {
    }

    /// <summary>Creates a finding with a message.</summary>
    /// <param name="message">The message.</param>
    public FuzzFinding(string message)
        : base(message)
    {
    }

    /// <summary>Creates a finding with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FuzzFinding(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
