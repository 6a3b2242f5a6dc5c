// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using BenchmarkDotNet.Running;

namespace V2gPki.Bench;

/// <summary>BenchmarkDotNet entry point: <c>dotnet run -c Release --project bench/V2gPki.Bench -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
