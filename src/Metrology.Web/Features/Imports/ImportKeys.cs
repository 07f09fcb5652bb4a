using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Metrology.Web.Features.Imports;

/// <summary>
/// A natural key (a tax code, or a tuple such as type + manufacturer + serial) as a 128-bit fingerprint. The
/// handlers remember every key of a file, and the province's existing keys, to find duplicates: as strings that
/// is about 250 bytes a key (120 MB for 500,000 instruments), as fingerprints about 40. Two different keys share a
/// fingerprint with a probability of about n² / 2¹²⁹, 10⁻²⁷ for a million keys.
/// </summary>
public static class ImportKeys
{
    /// <summary>The fingerprint of a key; a tuple's members are hashed one by one, each with its length, so ("a,b", "c") and ("a", "b,c") differ.</summary>
    public static UInt128 Fingerprint<TKey>(TKey key)
        where TKey : notnull
    {
        var text = new StringBuilder();
        if (key is ITuple tuple)
        {
            for (var i = 0; i < tuple.Length; i++)
            {
                Append(text, tuple[i]);
            }
        }
        else
        {
            Append(text, key);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private static void Append(StringBuilder text, object? member)
    {
        if (member is null)
        {
            text.Append("-1:");
            return;
        }

        var value = Convert.ToString(member, CultureInfo.InvariantCulture) ?? string.Empty;
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
