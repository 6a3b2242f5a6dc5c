// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Parties;

/// <summary>The path names of <see cref="EnrollmentBranch"/> (<c>cpo</c>, <c>mo</c>, <c>oem</c>, <c>veh</c>, <c>cps</c>).</summary>
public static class EnrollmentBranches
{
    /// <summary>Every branch, in the order the names are listed in messages.</summary>
    public static IReadOnlyList<EnrollmentBranch> All { get; } =
        [EnrollmentBranch.Cpo, EnrollmentBranch.Mo, EnrollmentBranch.Oem, EnrollmentBranch.Vehicle, EnrollmentBranch.Cps];

    /// <summary>The path name of a branch.</summary>
    /// <param name="branch">The branch.</param>
    /// <returns><c>cpo</c>, <c>mo</c>, <c>oem</c>, <c>veh</c> or <c>cps</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="EnrollmentBranch.None"/> or an undefined value.</exception>
    public static string Name(EnrollmentBranch branch) => branch switch
    {
        EnrollmentBranch.Cpo => "cpo",
        EnrollmentBranch.Mo => "mo",
        EnrollmentBranch.Oem => "oem",
        EnrollmentBranch.Vehicle => "veh",
        EnrollmentBranch.Cps => "cps",
        _ => throw new ArgumentOutOfRangeException(nameof(branch), branch, "no such enrollment branch"),
    };

    /// <summary>Reads a path name (exact, lower case, as OPCP and the CSMS back ends send it).</summary>
    /// <param name="name">The name.</param>
    /// <param name="branch">The branch; <see cref="EnrollmentBranch.None"/> when the method returns <see langword="false"/>.</param>
    /// <returns>Whether <paramref name="name"/> names a branch.</returns>
    public static bool TryParse(ReadOnlySpan<char> name, out EnrollmentBranch branch)
    {
        branch = name switch
        {
            "cpo" => EnrollmentBranch.Cpo,
            "mo" => EnrollmentBranch.Mo,
            "oem" => EnrollmentBranch.Oem,
            "veh" => EnrollmentBranch.Vehicle,
            "cps" => EnrollmentBranch.Cps,
            _ => EnrollmentBranch.None,
        };
        return branch != EnrollmentBranch.None;
    }
}
