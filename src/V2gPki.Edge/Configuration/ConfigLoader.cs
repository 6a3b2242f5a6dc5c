// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


namespace V2gPki.Edge.Configuration;

/// <summary>Loads <see cref="V2gPkiOptions"/> from the JSON file and the environment.</summary>
internal static class ConfigLoader
{
    /// <summary>The environment-variable prefix of overrides, e.g. <c>V2GPKI_Listeners__Ocsp__Port</c>.</summary>
    public const string EnvironmentPrefix = "V2GPKI_";

    /// <summary>The top-level sections an environment override may name (the properties of <see cref="V2gPkiOptions"/>).</summary>
    private static readonly string[] Sections = ["DataDir", "Listeners", "Hsm", "Ocsp", "Store", "Issuer", "Crl"];

    /// <summary>
    /// The <c>V2GPKI_&lt;Section&gt;__&lt;Key&gt;</c> variables as configuration keys. Other <c>V2GPKI_</c> variables
    /// (the PINs <c>V2GPKI_ROOT_PIN</c>, <c>V2GPKI_ONLINE_PIN</c>, <c>V2GPKI_SO_PIN</c>, <c>V2GPKI_DATA</c>) are not
    /// configuration and are left alone: binding them would fail as unknown keys, and a PIN must never reach
    /// <c>--check-config</c> output.
    /// </summary>
    /// <returns>Key/value pairs with <c>:</c> between levels.</returns>
    internal static IEnumerable<KeyValuePair<string, string?>> EnvironmentOverrides()
    {
        var overrides = new List<KeyValuePair<string, string?>>();
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is not string name || !name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            var section = key.Split(':')[0];
            foreach (var known in Sections)
            {
                if (string.Equals(section, known, StringComparison.OrdinalIgnoreCase))
                {
                    overrides.Add(new(key, entry.Value as string));
                    break;
                }
            }
        }

        return overrides;
    }

    /// <summary>
    /// Resolves a data directory the way the config documents it: relative to the directory of the config file, or to
    /// the working directory when there is no file.
    /// </summary>
    /// <param name="dataDir">The configured value.</param>
    /// <param name="configPath">The config file, or null.</param>
    /// <returns>The full path.</returns>
    public static string ResolveDataDirectory(string dataDir, string? configPath)
    {
        if (string.IsNullOrWhiteSpace(dataDir))
        {
            return dataDir;
        }

        var baseDirectory = configPath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        return Path.GetFullPath(Path.Combine(baseDirectory, dataDir));
    }

    /// <summary>Reads and binds the configuration; defaults apply to every key the file and environment leave out.</summary>
    /// <param name="path">The JSON file (comments and trailing commas allowed); null for defaults + environment only.</param>
    /// <param name="options">The bound options.</param>
    /// <param name="error">Why loading failed.</param>
    /// <returns>False when the file is missing or not valid JSON, or a value does not convert.</returns>
    public static bool TryLoad(string? path, out V2gPkiOptions options, out string? error)
    {
        options = new V2gPkiOptions();
        error = null;
        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                error = $"config file '{path}' does not exist";
                return false;
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        builder.AddInMemoryCollection(EnvironmentOverrides());
        try
        {
            var configuration = builder.Build();

            // Bound by the configuration-binder source generator (EnableConfigurationBindingGenerator): no reflection.
            configuration.Bind(options, static o => o.ErrorOnUnknownConfiguration = true);
            options.DataDir = ResolveDataDirectory(options.DataDir, path);
            return true;
        }
        catch (InvalidDataException ex)
        {
            error = $"config file '{path}': {ex.Message}";
        }
        catch (FormatException ex)
        {
            error = $"config file '{path}': {ex.Message}";
        }
        catch (InvalidOperationException ex)
        {
            error = $"config: {ex.Message}";
        }

        return false;
    }
}
