// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using CsCheck;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Tests.Identifiers;

public class EmaidCheckDigitTests
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly Gen<string> Random14 = Gen.Char[Alphabet].Array[14].Select(a => new string(a));

    // docs/iso15118.md §2.1 and mobilityid CheckDigitSpec ("T24RZDM0") / ContractIdSpec.
    [Theory]
    [InlineData("NN123ABCDEFGHI", 'T')]
    [InlineData("FRXYZ123456789", '2')]
    [InlineData("ITA1B2C3E4F5G6", '4')]
    [InlineData("ESZU8WOX834H1D", 'R')]
    [InlineData("PT73902837ABCZ", 'Z')]
    [InlineData("DE83DUIEN83QGZ", 'D')]
    [InlineData("DE83DUIEN83ZGQ", 'M')]
    [InlineData("DE8AA001234567", '0')]
    [InlineData("NLTNM000122045", 'U')]
    [InlineData("NLTNMC00122045", 'K')]
    [InlineData("UKSWI123456791", '5')] // SwitchEV's test CN carries 'A', which is wrong
    [InlineData("EMP99CQATEST00", 'Z')] // Hubject's QA CN carries '1', which is wrong
    public void Compute_KnownVector_ReturnsCheckDigit(string id, char expected)
    {
        Assert.Equal(expected, EmaidCheckDigit.Compute(id));
        Assert.Equal(expected, EmaidCheckDigit.Compute(id.ToLowerInvariant()));
        Assert.True(EmaidCheckDigit.IsValid(id + expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData("NLTNM00012204")]
    [InlineData("NLTNM0001220456")]
    [InlineData("NL-TNM-0001220")]
    [InlineData("NLTNM00012204\u00e9")]
    [InlineData("DE٨٣DUIEN٨٣QGZ")]
    public void TryCompute_NotFourteenAlphanumerics_ReturnsFalse(string id)
    {
        Assert.False(EmaidCheckDigit.TryCompute(id, out var c));
        Assert.Equal('\0', c);
        Assert.Throws<ArgumentException>(() => EmaidCheckDigit.Compute(id));
    }

    [Fact]
    public void Compute_Random14Characters_DigitValidates()
    {
        Random14.Sample(id =>
        {
            var c = EmaidCheckDigit.Compute(id);
            Assert.Contains(c, Alphabet);
            Assert.True(EmaidCheckDigit.IsValid(id + c));
            Assert.True(Emaid.TryParse(id + c, out var emaid, out _) || !char.IsLetter(id[0]) || !char.IsLetter(id[1]));
            if (char.IsLetter(id[0]) && char.IsLetter(id[1]))
            {
                Assert.True(emaid.IsCheckDigitValid);
                Assert.Equal(IdWarnings.None, emaid.Warnings & IdWarnings.WrongCheckDigit);
            }
        });
    }

    [Fact]
    public void IsValid_EverySingleSubstitutionOfValidEmaid_Detected()
    {
        Random14.Sample(id =>
        {
            var valid = (id + EmaidCheckDigit.Compute(id)).ToCharArray();
            for (var i = 0; i < valid.Length; i++)
            {
                var original = valid[i];
                foreach (var c in Alphabet)
                {
                    if (c == original)
                    {
                        continue;
                    }

                    valid[i] = c;
                    Assert.False(EmaidCheckDigit.IsValid(valid), $"substitution {original}->{c} at {i} in {id} undetected");
                }

                valid[i] = original;
            }
        }, iter: 200);
    }

    [Fact]
    public void IsValid_EveryAdjacentTranspositionOfValidEmaid_Detected()
    {
        Random14.Sample(id =>
        {
            var valid = (id + EmaidCheckDigit.Compute(id)).ToCharArray();
            for (var i = 0; i + 1 < valid.Length; i++)
            {
                if (valid[i] == valid[i + 1])
                {
                    continue; // swapping equal characters is no error
                }

                (valid[i], valid[i + 1]) = (valid[i + 1], valid[i]);
                Assert.False(EmaidCheckDigit.IsValid(valid), $"transposition at {i} in {id} undetected");
                (valid[i], valid[i + 1]) = (valid[i + 1], valid[i]);
            }
        });
    }

    // The check is linear in the per-position matrices, so whether an error is detected depends only on the changed
    // characters and their positions, not on the rest of the ID: one exhaustive pass over all pairs and positions
    // around any valid base proves the claim for every EMAID (the check digit position included).
    [Theory]
    [InlineData(1)] // adjacent transpositions
    [InlineData(2)] // jump transpositions (the eMI3 paper claims these too)
    public void IsValid_AllTranspositionsAtDistance_DetectedExhaustively(int distance)
    {
        for (var i = 0; i + distance < 15; i++)
        {
            foreach (var a in Alphabet)
            {
                foreach (var b in Alphabet)
                {
                    if (a == b)
                    {
                        continue;
                    }

                    // Build a valid EMAID with a at i and b at i + distance (the check digit absorbs the difference).
                    var s = "NLTNM000122045U".ToCharArray();
                    s[i] = a;
                    if (i + distance < 14)
                    {
                        s[i + distance] = b;
                        s[14] = EmaidCheckDigit.Compute(s.AsSpan(0, 14));
                    }
                    else
                    {
                        // b is the check digit itself: choose position 13 so that it comes out as b.
                        if (!TryMakeCheckDigit(s, i, b))
                        {
                            continue;
                        }
                    }

                    Assert.True(EmaidCheckDigit.IsValid(s));
                    (s[i], s[i + distance]) = (s[i + distance], s[i]);
                    Assert.False(EmaidCheckDigit.IsValid(s), $"{a}/{b} at {i}+{distance} undetected");
                }
            }
        }
    }

    private static bool TryMakeCheckDigit(char[] s, int fixedPosition, char wanted)
    {
        var free = fixedPosition == 0 ? 1 : 0;
        foreach (var c in Alphabet)
        {
            s[free] = c;
            if (EmaidCheckDigit.Compute(s.AsSpan(0, 14)) == wanted)
            {
                s[14] = wanted;
                return true;
            }
        }

        return false;
    }
}
