// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


namespace V2gPki.Edge.Configuration;

/// <summary>Loads <see cref="V2gPkiOptions"/> from the JSON file and the environment.</summary>
public static class ConfigLoader
{
    /// <summary>The environment-variable prefix of overrides, e.g. <c>V2GPKI_Listeners__Ocsp__Port</c>.</summary>
    public const string EnvironmentPrefix = "V2GPKI_";

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

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        try
        {
            var configuration = builder.Build();

            // Bound by the configuration-binder source generator (EnableConfigurationBindingGenerator): no reflection.
            configuration.Bind(options, static o => o.ErrorOnUnknownConfiguration = true);
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
