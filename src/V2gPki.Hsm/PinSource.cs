// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Hsm;

/// <summary>
/// Where a token PIN comes from: an environment variable (preferred in production) or a value in the configuration
/// file (demo). The PIN is read when a token is opened; it is never logged, never shown by <see cref="ToString"/> and
/// never passed to another process.
/// </summary>
public sealed class PinSource
{
    /// <summary>The name of an environment variable holding the PIN. Takes precedence over <see cref="Value"/> when set and non-empty.</summary>
    public string? EnvironmentVariable { get; set; }

    /// <summary>The PIN itself, for demo configurations. Prefer <see cref="EnvironmentVariable"/> in production.</summary>
    public string? Value { get; set; }

    /// <summary>Creates a source that reads the PIN from an environment variable.</summary>
    /// <param name="name">The variable name.</param>
    /// <returns>The source.</returns>
    public static PinSource FromEnvironment(string name) => new() { EnvironmentVariable = name };

    /// <summary>Creates a source with a literal PIN (demo and tests).</summary>
    /// <param name="pin">The PIN.</param>
    /// <returns>The source.</returns>
    public static PinSource FromValue(string pin) => new() { Value = pin };

    /// <summary>Reads the PIN as UTF-8 bytes. The caller owns the array and should clear it when done.</summary>
    /// <param name="what">What the PIN is for (e.g. "user PIN of token 'online'"), used in the error message.</param>
    /// <returns>The PIN bytes.</returns>
    /// <exception cref="HsmException"><see cref="HsmError.PinUnavailable"/> when the source yields no PIN.</exception>
    public byte[] Resolve(string what)
    {
        if (!string.IsNullOrEmpty(EnvironmentVariable))
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return Encoding.UTF8.GetBytes(fromEnvironment);
            }

            if (string.IsNullOrEmpty(Value))
            {
                throw new HsmException(HsmError.PinUnavailable,
                    $"The {what} is configured to come from environment variable '{EnvironmentVariable}', which is unset or empty.");
            }
        }

        if (!string.IsNullOrEmpty(Value))
        {
            return Encoding.UTF8.GetBytes(Value);
        }

        throw new HsmException(HsmError.PinUnavailable,
            $"No {what} is configured: set an environment variable name or a value.");
    }

    /// <summary>Describes the source without revealing the PIN.</summary>
    /// <returns>"env:NAME", "config value" or "none".</returns>
    public override string ToString() =>
        !string.IsNullOrEmpty(EnvironmentVariable) ? "env:" + EnvironmentVariable
        : !string.IsNullOrEmpty(Value) ? "config value"
        : "none";
}
