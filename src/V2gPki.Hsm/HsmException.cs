// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// A failure of the HSM: missing module, wrong PIN, locked token, missing key, or a PKCS#11 error. Messages name the
/// token, role and key label involved and never contain a PIN.
/// </summary>
public sealed class HsmException : Exception
{
    /// <summary>Creates an exception with <see cref="HsmError.DeviceError"/> and no message.</summary>
    public HsmException()
    {
        Error = HsmError.DeviceError;
    }

    /// <summary>Creates an exception with <see cref="HsmError.DeviceError"/>.</summary>
    /// <param name="message">What failed.</param>
    public HsmException(string message)
        : base(message)
    {
        Error = HsmError.DeviceError;
    }

    /// <summary>Creates an exception with <see cref="HsmError.DeviceError"/> wrapping another.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public HsmException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = HsmError.DeviceError;
    }

    /// <summary>Creates an exception of a given kind.</summary>
    /// <param name="error">The kind of failure.</param>
    /// <param name="message">What failed, with the token/role/key it concerns (never a PIN).</param>
    /// <param name="returnValue">The PKCS#11 <c>CKR_*</c> code when a PKCS#11 call failed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public HsmException(HsmError error, string message, ulong? returnValue = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        ReturnValue = returnValue;
    }

    /// <summary>The kind of failure.</summary>
    public HsmError Error { get; }

    /// <summary>The PKCS#11 return value (<c>CKR_*</c>) of the failed call, when there was one.</summary>
    public ulong? ReturnValue { get; }
}
