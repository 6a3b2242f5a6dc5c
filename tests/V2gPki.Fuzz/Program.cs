// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using SharpFuzz;

namespace V2gPki.Fuzz;

/// <summary>
/// The afl++ entry point: <c>V2gPki.Fuzz TARGET</c> (one of <see cref="Targets.Names"/>) runs one target under
/// SharpFuzz's out-of-process protocol; <c>V2gPki.Fuzz corpus DIR</c> writes the seed corpus;
/// <c>V2gPki.Fuzz replay TARGET FILE...</c> runs inputs once (to reproduce a crash).
/// </summary>
public static class Program
{
    /// <summary>Dispatches on the first argument.</summary>
    /// <param name="args">Command line.</param>
    /// <returns>Process exit code.</returns>
    public static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "corpus")
        {
            Corpus.Write(args[1]);
            return 0;
        }

        if (args.Length >= 3 && args[0] == "replay")
        {
            var replay = Targets.Get(args[1]);
            foreach (var file in args[2..])
            {
                replay(File.ReadAllBytes(file));
            }

            return 0;
        }

        if (args.Length == 1)
        {
            var target = Targets.Get(args[0]);
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                target(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            });
            return 0;
        }

        Console.Error.WriteLine($"usage: V2gPki.Fuzz {string.Join('|', Targets.Names)} | corpus DIR | replay TARGET FILE...");
        return 2;
    }
}
