// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Net.Pkcs11Interop.Common;

namespace V2gPki.Hsm.Tests;

public class Pkcs11ErrorsTests
{
    [Theory]
    [InlineData(CKR.CKR_PIN_INCORRECT, HsmError.PinIncorrect)]
    [InlineData(CKR.CKR_PIN_LEN_RANGE, HsmError.PinIncorrect)]
    [InlineData(CKR.CKR_PIN_LOCKED, HsmError.PinLocked)]
    [InlineData(CKR.CKR_TOKEN_NOT_PRESENT, HsmError.TokenUnavailable)]
    [InlineData(CKR.CKR_KEY_HANDLE_INVALID, HsmError.KeyNotFound)]
    [InlineData(CKR.CKR_CURVE_NOT_SUPPORTED, HsmError.MechanismNotSupported)]
    [InlineData(CKR.CKR_DEVICE_ERROR, HsmError.DeviceError)]
    public void Classify_ReturnValue_MapsToError(CKR rv, HsmError expected)
    {
        Assert.Equal(expected, Pkcs11Errors.Classify(rv));
    }

    [Fact]
    public void Create_PinLocked_SaysLockedAndNamesTokenAndCode()
    {
        var e = Pkcs11Errors.Create("C_Login", CKR.CKR_PIN_LOCKED, "token 'online' (role online)");

        Assert.Equal(HsmError.PinLocked, e.Error);
        Assert.Equal((ulong)CKR.CKR_PIN_LOCKED, e.ReturnValue);
        Assert.Contains("locked", e.Message, StringComparison.Ordinal);
        Assert.Contains("token 'online'", e.Message, StringComparison.Ordinal);
        Assert.Contains("CKR_PIN_LOCKED", e.Message, StringComparison.Ordinal);
    }
}
