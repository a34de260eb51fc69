// Not a kernel structure: glibc printf's "%.Nf" for the user-space tools the console imitates
// (slabtop). glibc rounds the exact binary value of the double to nearest, ties to even, so
// 1152/1024.0 prints "1.12" where .NET's own formatting may print "1.13".
using System.Globalization;
using System.Numerics;

namespace MemQuest.Scenarios.Shell;

public static class CPrintf
{
    /// <summary>printf("%.{decimals}f", value) as glibc prints it (finite, non-negative values).</summary>
    public static string Fixed(double value, int decimals)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value < 0) return value.ToString(CultureInfo.InvariantCulture);
        long bits = BitConverter.DoubleToInt64Bits(value);
        int exp = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp = 1; else mantissa |= 1L << 52;
        exp -= 1075;
        BigInteger num = mantissa * BigInteger.Pow(10, decimals), den = BigInteger.One;
        if (exp > 0) num <<= exp; else den <<= -exp;
        BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
        BigInteger twice = r * 2;
        if (twice > den || (twice == den && !q.IsEven)) q++;
        string digits = q.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        return decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
    }
}
