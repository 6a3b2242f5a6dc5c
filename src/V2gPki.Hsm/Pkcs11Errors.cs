// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using Net.Pkcs11Interop.Common;

namespace V2gPki.Hsm;

/// <summary>Maps PKCS#11 return values to <see cref="HsmError"/> and throws <see cref="HsmException"/>s with clear messages.</summary>
internal static class Pkcs11Errors
{
    /// <summary>Classifies a PKCS#11 return value.</summary>
    /// <param name="rv">The return value of a failed call.</param>
    /// <returns>The error kind.</returns>
    public static HsmError Classify(CKR rv) => rv switch
    {
        CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_INVALID or CKR.CKR_PIN_LEN_RANGE => HsmError.PinIncorrect,
        CKR.CKR_PIN_LOCKED => HsmError.PinLocked,
        CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_TOKEN_NOT_RECOGNIZED or CKR.CKR_SLOT_ID_INVALID or CKR.CKR_DEVICE_REMOVED
            => HsmError.TokenUnavailable,
        CKR.CKR_KEY_HANDLE_INVALID or CKR.CKR_OBJECT_HANDLE_INVALID => HsmError.KeyNotFound,
        CKR.CKR_MECHANISM_INVALID or CKR.CKR_MECHANISM_PARAM_INVALID or CKR.CKR_KEY_TYPE_INCONSISTENT
            or CKR.CKR_CURVE_NOT_SUPPORTED or CKR.CKR_DOMAIN_PARAMS_INVALID or CKR.CKR_KEY_FUNCTION_NOT_PERMITTED
            => HsmError.MechanismNotSupported,
        _ => HsmError.DeviceError,
    };

    /// <summary>Builds the exception for a failed PKCS#11 call.</summary>
    /// <param name="function">The PKCS#11 function, e.g. "C_Login".</param>
    /// <param name="rv">Its return value.</param>
    /// <param name="context">What it was for, e.g. "token 'online' (role online)". Never a PIN.</param>
    /// <param name="inner">The Pkcs11Interop exception, if any.</param>
    /// <returns>The exception.</returns>
    public static HsmException Create(string function, CKR rv, string context, Exception? inner = null)
    {
        var error = Classify(rv);
        var what = error switch
        {
            HsmError.PinIncorrect => "the PIN was rejected as incorrect",
            HsmError.PinLocked => "the PIN is locked; unlock it with the security officer PIN",
            HsmError.TokenUnavailable => "the token is not present",
            HsmError.KeyNotFound => "the key handle is no longer valid",
            HsmError.MechanismNotSupported => "the token does not support this mechanism, curve or key type",
            _ => "the PKCS#11 module reported an error",
        };
        return new HsmException(error, $"{function} failed for {context}: {what} ({rv}, 0x{(ulong)rv:X}).", (ulong)rv, inner);
    }

    /// <summary>Throws <see cref="Create"/>'s exception (kept out of line so hot callers stay small).</summary>
    /// <param name="function">The PKCS#11 function.</param>
    /// <param name="rv">Its return value.</param>
    /// <param name="context">What it was for.</param>
    [DoesNotReturn]
    public static void Throw(string function, CKR rv, string context) => throw Create(function, rv, context);

    /// <summary>Converts a Pkcs11Interop exception raised by the high-level API.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="context">What the call was for.</param>
    /// <returns>The <see cref="HsmException"/> to throw.</returns>
    public static HsmException From(Pkcs11Exception exception, string context) =>
        Create(exception.Method, exception.RV, context, exception);
}
