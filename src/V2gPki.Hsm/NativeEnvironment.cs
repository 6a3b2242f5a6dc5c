// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Runtime.InteropServices;

namespace V2gPki.Hsm;

/// <summary>
/// Sets process environment variables in the C library's environment, which native modules read with <c>getenv</c>.
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> only changes .NET's own copy on Unix.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> in both the C library's and .NET's environment.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">The C library refused the variable.</exception>
    /// <remarks>
    /// <c>setenv</c> is not thread-safe against concurrent <c>getenv</c> in other threads: call it at start-up, before
    /// the module that reads the variable is loaded.
    /// </remarks>
    public static void SetVariable(string name, string value)
    {
        if (OperatingSystem.IsWindows())
        {
            Environment.SetEnvironmentVariable(name, value);
            return;
        }

        if (SetEnv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    // glibc's soname: "libc" alone would resolve to libc.so, a linker script on Debian, which dlopen rejects.
    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
