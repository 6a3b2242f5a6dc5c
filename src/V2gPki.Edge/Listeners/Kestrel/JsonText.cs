// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>Checks a parsed JSON request body before its fields are read (cold path: the admin and OCPP bodies).</summary>
internal static class JsonText
{
    /// <summary>
    /// Whether every property name and string of <paramref name="element"/> can be read as text. System.Text.Json
    /// parses a lone surrogate escape (<c>"\uD800"</c>) or bytes that are not UTF-8 inside a string without complaint
    /// and throws only when the string is read (RFC 8259 §8.1 requires UTF-8; §8.2 leaves such strings'
    /// behaviour open), so a body is checked once here and refused as a bad request instead of failing later.
    /// </summary>
    /// <param name="element">The root of the body (depth already bounded by the parser options).</param>
    /// <returns>Whether every name and string decodes.</returns>
    public static bool IsReadable(JsonElement element)
    {
        try
        {
            return Walk(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    if (!Walk(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!Walk(item))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
