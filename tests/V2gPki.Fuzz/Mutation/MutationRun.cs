// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics;
using System.Globalization;
using System.Text;
using V2gPki.Fuzz.Text;

namespace V2gPki.Fuzz.Mutation;

/// <summary>
/// A bounded mutation run: a fixed number of mutants from a seeded generator through a target's check, counting each
/// outcome the target names, the exceptions a parser threw and the findings (disagreements, broken invariants).
/// </summary>
public static class MutationRun
{
    /// <summary>Runs <paramref name="count"/> mutants.</summary>
    /// <typeparam name="T">The input type (text or bytes).</typeparam>
    /// <param name="target">The target name, for the report.</param>
    /// <param name="seed">The seed of <paramref name="next"/>'s random source, printed in the report.</param>
    /// <param name="count">How many mutants.</param>
    /// <param name="next">Makes the next mutant.</param>
    /// <param name="check">The target: returns a name for the outcome; throws on a finding.</param>
    /// <param name="describe">Renders an input for a failure message.</param>
    /// <returns>The counts and the first failures.</returns>
    public static MutationSummary Run<T>(string target, int seed, int count, Func<T> next, Func<T, string> check, Func<T, string> describe)
    {
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        int findings = 0, exceptions = 0;
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            T mutant = next();
            try
            {
                string outcome = check(mutant);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
            catch (FuzzFinding e)
            {
                findings++;
                if (failures.Count < 5)
                {
                    failures.Add(e.Message);
                }
            }
#pragma warning disable CA1031 // Any exception a parser throws is what the run looks for.
            catch (Exception e)
#pragma warning restore CA1031
            {
                exceptions++;
                if (failures.Count < 5)
                {
                    failures.Add($"{e.GetType().Name} ({e.Message.ReplaceLineEndings(" ")}) at {FirstFrame(e)}; input {describe(mutant)}");
                }
            }
        }

        return new MutationSummary(target, seed, count, Stopwatch.GetElapsedTime(start), outcomes, findings, exceptions, failures);
    }

    private static string FirstFrame(Exception e)
    {
        string? trace = e.StackTrace;
        if (trace is null)
        {
            return "?";
        }

        int end = trace.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? trace : trace[..end]).Trim();
    }
}

/// <summary>What a <see cref="MutationRun"/> saw.</summary>
/// <param name="Target">The target name.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Mutants">How many mutants ran.</param>
/// <param name="Elapsed">How long the run took.</param>
/// <param name="Outcomes">How many mutants ended in each outcome the target named.</param>
/// <param name="Findings">How many mutants broke a rule without an exception from the parser.</param>
/// <param name="Exceptions">How many mutants made a parser (or the target's slow path) throw.</param>
/// <param name="Failures">The first few failure messages, each with its input.</param>
public sealed record MutationSummary(
    string Target, int Seed, int Mutants, TimeSpan Elapsed, IReadOnlyDictionary<string, int> Outcomes, int Findings, int Exceptions, IReadOnlyList<string> Failures)
{
    /// <summary>The first failure, or null when the run was clean.</summary>
    public string? FirstFailure => Failures.Count == 0 ? null : string.Join(Environment.NewLine, Failures);

    /// <summary>How many mutants ended in one of the named outcomes.</summary>
    /// <param name="names">Outcome names.</param>
    /// <returns>The sum of their counts.</returns>
    public int Count(params string[] names) => names.Sum(name => Outcomes.GetValueOrDefault(name));

    /// <summary>The report printed in the test output: seed, count, time, outcomes, failures.</summary>
    /// <returns>Several lines.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"{Target}: seed {Seed}; {Mutants:N0} structure-aware mutants in {Elapsed.TotalSeconds:F1} s; exceptions {Exceptions}; findings {Findings}");
        foreach ((string outcome, int n) in Outcomes)
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  {outcome}: {n:N0}");
        }

        foreach (string failure in Failures)
        {
            sb.AppendLine().Append("  FAILED ").Append(failure);
        }

        return sb.ToString();
    }
}
