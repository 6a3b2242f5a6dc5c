// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Text;

namespace V2gPki.Issuer.Verify;

/// <summary>The result of <c>store verify</c>.</summary>
public sealed class StoreVerifyReport
{
    private readonly Dictionary<VerifyProblemKind, long> _counts = [];
    private readonly List<VerifyProblem> _problems = [];
    private readonly int _maxListed;

    internal StoreVerifyReport(int maxListed) => _maxListed = maxListed;

    /// <summary>Gets the certificates checked.</summary>
    public long Checked { get; internal set; }

    /// <summary>Gets the certificates past notAfter (+ retention) whose responses were not required to be fresh.</summary>
    public long ExpiredCertificates { get; internal set; }

    /// <summary>Gets the time the check took.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Gets the total number of problems.</summary>
    public long ProblemCount { get; private set; }

    /// <summary>Gets whether no problem was found.</summary>
    public bool Passed => ProblemCount == 0;

    /// <summary>Gets the problems counted per kind.</summary>
    public IReadOnlyDictionary<VerifyProblemKind, long> Counts => _counts;

    /// <summary>Gets the first problems found (up to the limit given to the verifier).</summary>
    public IReadOnlyList<VerifyProblem> Problems => _problems;

    internal void Add(VerifyProblem problem)
    {
        ProblemCount++;
        _counts[problem.Kind] = _counts.GetValueOrDefault(problem.Kind) + 1;
        if (_problems.Count < _maxListed)
        {
            _problems.Add(problem);
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"store verify: {(Passed ? "PASSED" : "FAILED")}: {Checked} certificates checked in {Elapsed.TotalSeconds:0.0} s, {ProblemCount} problems, {ExpiredCertificates} expired certificates not required fresh");
        foreach (var (kind, count) in _counts)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {kind}: {count}");
        }

        foreach (var problem in _problems)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {problem.Issuer} {problem.SerialHex}: {problem.Kind}: {problem.Detail}");
        }

        return text.ToString();
    }
}
