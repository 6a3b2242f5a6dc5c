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
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int findings = 0, exceptions = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var mutant = next();
            try
            {
                var outcome = check(mutant);
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
                var kind = $"{e.GetType().Name}: {FirstSentence(e.Message)}";
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                if (failures.Count < 5)
                {
                    failures.Add($"{e.GetType().Name} ({e.Message.ReplaceLineEndings(" ")}) from {OurFrame(e)}; input {describe(mutant)}");
                }
            }
        }

        return new MutationSummary(target, seed, count, Stopwatch.GetElapsedTime(start), outcomes, findings, exceptions, kinds, failures);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..(end + 1)]).ReplaceLineEndings(" ");
    }

    // The innermost frame in the code under test (not the BCL, not the harness): where the exception escaped from.
    // When the JIT inlined the parser into the target, the stack has none: then the BCL method that threw and the
    // harness frame that called into it.
    private static string OurFrame(Exception e)
    {
        string? thrower = null;
        foreach (var line in (e.StackTrace ?? string.Empty).Split('\n'))
        {
            var frame = line.Trim();
            if (!frame.StartsWith("at ", StringComparison.Ordinal))
            {
                continue;
            }

            var end = frame.IndexOf('(', StringComparison.Ordinal);
            var method = end < 0 ? frame[3..] : frame[3..end];
            if (!method.StartsWith("V2gPki.", StringComparison.Ordinal))
            {
                thrower ??= method;
            }
            else
            {
                return method.StartsWith("V2gPki.Fuzz.", StringComparison.Ordinal) ? $"{thrower ?? "?"} called from {method} (frames inlined)" : method;
            }
        }

        return thrower ?? "?";
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
/// <param name="ExceptionKinds">The exceptions by type and the first sentence of their message.</param>
/// <param name="Failures">The first few failure messages, each with its input.</param>
public sealed record MutationSummary(
    string Target, int Seed, int Mutants, TimeSpan Elapsed, IReadOnlyDictionary<string, int> Outcomes, int Findings, int Exceptions,
    IReadOnlyDictionary<string, int> ExceptionKinds, IReadOnlyList<string> Failures)
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
        foreach ((var outcome, var n) in Outcomes)
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  {outcome}: {n:N0}");
        }

        foreach ((var kind, var n) in ExceptionKinds)
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  EXCEPTION {kind}: {n:N0}");
        }

        foreach (var failure in Failures)
        {
            sb.AppendLine().Append("  FAILED ").Append(failure);
        }

        return sb.ToString();
    }
}
