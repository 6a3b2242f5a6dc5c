// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Hsm;

/// <summary>
/// Prepares SoftHSM2 for this process: writes a <c>softhsm2.conf</c> for a token directory under a data directory and
/// sets <c>SOFTHSM2_CONF</c> in the C library's environment, where SoftHSM2 reads it. One SoftHSM2 instance serves a
/// whole process, so do this once, before the module is loaded (docs/architecture.md §6).
/// </summary>
public static class SoftHsm2Environment
{
    /// <summary>The environment variable SoftHSM2 reads its configuration path from.</summary>
    public const string ConfigVariable = "SOFTHSM2_CONF";

    private const string Marker = "# Written by V2gPki.Hsm. SoftHSM2 token store of this data directory.";
    private const string TokenDirectoryKey = "directories.tokendir = ";

    /// <summary>
    /// Creates <c>&lt;dataDirectory&gt;/tokens</c> (mode 0700) and writes <c>&lt;dataDirectory&gt;/softhsm2.conf</c> (mode 0600)
    /// pointing SoftHSM2 at it, with the file object store and errors-only logging.
    /// </summary>
    /// <param name="dataDirectory">The directory that holds the token directory and the configuration file.</param>
    /// <returns>The full path of the configuration file.</returns>
    public static string WriteConfig(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var root = Path.GetFullPath(dataDirectory);
        var tokens = Path.Combine(root, "tokens");
        var config = Path.Combine(root, "softhsm2.conf");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(tokens);
        }
        else
        {
            Directory.CreateDirectory(root);
            Directory.CreateDirectory(tokens, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var text = new StringBuilder()
            .Append(Marker).Append('\n')
            .Append(TokenDirectoryKey).Append(tokens).Append('\n')
            .Append("objectstore.backend = file\n")
            .Append("log.level = ERROR\n")
            .Append("slots.removable = false\n")
            .ToString();
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(config, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return config;
    }

    /// <summary>
    /// Sets <c>SOFTHSM2_CONF</c> through the C library's <c>setenv</c> (and .NET's copy), so a SoftHSM2 module loaded
    /// afterwards in this process reads <paramref name="configPath"/>.
    /// </summary>
    /// <param name="configPath">The configuration file.</param>
    /// <exception cref="InvalidOperationException">A PKCS#11 module is already loaded: the setting would have no effect.</exception>
    public static void SetConfigPath(string configPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(configPath);
        var full = Path.GetFullPath(configPath);
        if (Pkcs11Module.IsAnyLoaded)
        {
            if (string.Equals(Environment.GetEnvironmentVariable(ConfigVariable), full, StringComparison.Ordinal))
            {
                return;
            }

            throw new InvalidOperationException(
                "A PKCS#11 module is already loaded in this process; SoftHSM2 reads SOFTHSM2_CONF only when it loads.");
        }

        NativeEnvironment.SetVariable(ConfigVariable, full);
    }

    /// <summary>
    /// Makes sure <c>&lt;dataDirectory&gt;/softhsm2.conf</c> points at <c>&lt;dataDirectory&gt;/tokens</c>: writes it when it is
    /// missing, and rewrites one that <see cref="WriteConfig"/> made for another place (the data directory was moved or
    /// restored elsewhere: the absolute token path inside would otherwise keep using, or miss, the old directory's
    /// tokens). A file without this class's marker line is the operator's and is left alone.
    /// </summary>
    /// <param name="dataDirectory">The directory that holds the token directory and the configuration file.</param>
    /// <returns>True when the file was written or rewritten.</returns>
    public static bool EnsureConfig(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var root = Path.GetFullPath(dataDirectory);
        var config = Path.Combine(root, "softhsm2.conf");
        if (!File.Exists(config))
        {
            WriteConfig(root);
            return true;
        }

        var lines = File.ReadAllLines(config);
        if (lines.Length == 0 || !string.Equals(lines[0], Marker, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = TokenDirectoryKey + Path.Combine(root, "tokens");
        foreach (var line in lines)
        {
            if (string.Equals(line, expected, StringComparison.Ordinal))
            {
                return false;
            }
        }

        WriteConfig(root);
        return true;
    }

    /// <summary>Writes the configuration for <paramref name="dataDirectory"/> and points <c>SOFTHSM2_CONF</c> at it.</summary>
    /// <param name="dataDirectory">The directory that holds the token directory and the configuration file.</param>
    /// <returns>The full path of the configuration file.</returns>
    public static string Prepare(string dataDirectory)
    {
        var config = WriteConfig(dataDirectory);
        SetConfigPath(config);
        return config;
    }
}
